/** The background's side of the message protocol: one listener, a handler per message type. */
import { browser, type Browser } from 'wxt/browser';
import { AppError, appError, toAppError } from '../errors';
import { t } from '../i18n';
import { isEnvelope, senderMay, type Reply } from './envelope';
import type { MessageType, ReplyOf, RequestOf } from './protocol';

export type Handler<T extends MessageType> = (data: RequestOf<T>, sender: Browser.runtime.MessageSender) => Promise<ReplyOf<T>> | ReplyOf<T>;
/** Every message of the protocol with its handler: a message type without one fails the typecheck. */
export type Handlers = { [T in MessageType]: Handler<T> };
/** The handlers of one family of messages (`family/…`): all of them, and no other family's. */
export type FamilyHandlers<F extends string> = { [T in MessageType as T extends `${F}/${string}` ? T : never]: Handler<T> };

/** Registers the listener; call synchronously in the background's main(). Messages wait for `ready` (stored shapes migrated). */
export function serveMessages(handlers: Handlers, ready: Promise<unknown> = Promise.resolve()): void {
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  // The reply goes through sendResponse (and `true` keeps the channel open): a listener returning a promise
  // is answered only where webextension-polyfill wraps the API, and the background goes without it.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: Reply) => void) => {
    if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
    void handle(message.type, message.data, sender).then(sendResponse);
    return true;
  });

  async function handle(type: string, data: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> {
    const handler = handlers[type as MessageType] as Handler<MessageType> | undefined;
    if (!handler || !senderMay(type as MessageType, sender, self)) {
      return { ok: false, error: appError('bad-request', t('requestNotAllowed')).toData() };
    }
    try {
      await ready;
      return { ok: true, value: await handler(data as never, sender) };
    } catch (e) {
      const error = toAppError(e);
      // Not one of ours: say which (name and message only: our errors never carry a token) so it can be found.
      if (error.kind === 'internal' && !(e instanceof AppError)) console.warn(`[clio-companion] ${type}:`, (e as Error)?.name, (e as Error)?.message);
      return { ok: false, error: error.toData() };
    }
  }
}
