/** The wire format of the message protocol and the rule for who may send what. Pure. */
import type { ErrorData } from '../errors';
import { CONTENT_SCRIPT_MESSAGES, type MessageType } from './protocol';

export interface Envelope {
  channel: 'clio-companion';
  type: string;
  data?: unknown;
}

export type Reply = { ok: true; value: unknown } | { ok: false; error: ErrorData };

export function isEnvelope(m: unknown): m is Envelope {
  return typeof m === 'object' && m !== null && (m as Envelope).channel === 'clio-companion' && typeof (m as Envelope).type === 'string';
}

export interface SenderInfo {
  /** The sending extension's id. */
  id?: string;
  /** URL of the sending page or frame. */
  url?: string;
  /** Set when a content script in a tab sent the message. */
  tab?: unknown;
}

/**
 * Extension pages may send every message; content scripts only the few meant for them;
 * anything from another extension or a web page is refused.
 */
export function senderMay(type: MessageType, sender: SenderInfo, self: { id: string; origin: string }): boolean {
  if (sender.id !== self.id) return false;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  if (fromExtensionPage) return true;
  return CONTENT_SCRIPT_MESSAGES.has(type);
}
