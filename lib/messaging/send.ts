/** The surfaces' side of the message protocol: a typed call to the background. */
import { browser } from 'wxt/browser';
import { AppError, appError } from '../errors';
import { t } from '../i18n';
import { isReply } from './reply';
import type { Envelope } from './envelope';
import type { MessageType, ReplyOf, RequestOf } from './protocol';

export async function send<T extends MessageType>(type: T, ...args: RequestOf<T> extends void ? [] : [RequestOf<T>]): Promise<ReplyOf<T>> {
  const envelope: Envelope = { channel: 'clio-companion', type, data: args[0] };
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(envelope);
  } catch {
    throw appError('internal', t('backgroundNoAnswer'));
  }
  if (!isReply(reply)) throw appError('internal', t('backgroundEmptyAnswer'));
  if (!reply.ok) throw new AppError(reply.error);
  return reply.value as ReplyOf<T>;
}
