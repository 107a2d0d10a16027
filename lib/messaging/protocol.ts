/**
 * The one message protocol between the surfaces (popup, side panel, options, content scripts)
 * and the background. Each message names its request and its reply; handlers live beside the
 * feature they serve, not in a switch.
 */
import type { AccountState } from '../storage/items';

export interface Protocol {
  /** Sign in through Clio's OAuth page (runs in the background: the popup dies when the auth window opens). */
  'auth/sign-in': { request: void; reply: AccountState };
  /** Revoke the grant at Clio and forget the tokens. */
  'auth/sign-out': { request: void; reply: AccountState };
  /** Ask Clio who is signed in, and store it for the UI. */
  'account/refresh': { request: void; reply: AccountState };
  /** The redirect URI a firm registers on its Clio app. */
  'auth/redirect-uri': { request: void; reply: string };
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ReplyOf<T extends MessageType> = Protocol[T]['reply'];

/** The only messages a content script (page context, however ours) may send. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([]);
