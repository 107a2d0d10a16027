/**
 * The one way words reach a person: `t(key, …substitutions)` answers with the message of the browser's
 * language from public/_locales/<lang>/messages.json (English when a language or a message is missing),
 * its $1…$9 filled in. Keys and the substitutions each takes are typed (lib/i18n-keys.generated.ts); the
 * messages are read by the browser (`browser.i18n`), never bundled. Pure modules phrase instead (lib/phrase.ts).
 */
import { browser } from 'wxt/browser';
import type { MessageArgs, MessageKey, Substitution } from './i18n-keys.generated';
import type { Phrase } from './phrase';

export type { MessageKey } from './i18n-keys.generated';

/** browser.i18n by any message name: names are typed here (MessageArgs), whether or not WXT's generated .wxt types know them yet. */
type Messages = { getMessage(name: string, substitutions: string[]): string };

const message = (key: MessageKey, subs: readonly Substitution[]): string => (browser.i18n as unknown as Messages).getMessage(key, subs.map(String)) || key;

export function t<K extends MessageKey>(key: K, ...substitutions: MessageArgs[K]): string {
  return message(key, substitutions);
}

/** A pure module's phrase, in words. */
export const say = (p: Phrase): string => message(p.key, p.subs);

/** The messages that take one substitution. */
export type OneSlotKey = { [K in MessageKey]: MessageArgs[K] extends [Substitution] ? K : never }[MessageKey];

const SLOT = '\uE000';
/** A message whose one substitution is an element (`<strong>`, a link): its words before and after it, in this language's order. */
export function around(key: OneSlotKey): [before: string, after: string] {
  const [before = '', after = ''] = message(key, [SLOT]).split(SLOT);
  return [before, after];
}
