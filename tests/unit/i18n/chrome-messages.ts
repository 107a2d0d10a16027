/**
 * Chrome's reading of a messages.json, for the unit tests (fakeBrowser has no i18n): message names are
 * case-insensitive; `$name$` is replaced by its placeholder's content, then `$1`…`$9` by the substitutions
 * and `$$` by `$`, in one pass (a substitution's own `$` stays as it is); an unknown name answers ''.
 */
import type { ChromeMessage } from '../../../scripts/generate-message-keys';

export type Messages = Record<string, ChromeMessage>;

/** The message with its named placeholders replaced by their content, as the browser loads it. */
export function loaded(m: ChromeMessage): string {
  const placeholders = new Map(Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
}

export function messageGetter(messages: Messages): (name: string, substitutions?: string | string[]) => string {
  const byName = new Map(Object.entries(messages).map(([name, m]) => [name.toLowerCase(), loaded(m)]));
  return (name, substitutions) => {
    const text = byName.get(name.toLowerCase());
    if (text === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return text.replace(/\$(?:([1-9])|(\$+))/g, (_, n: string | undefined, dollars: string | undefined) => (n ? (subs[Number(n) - 1] ?? '') : dollars!));
  };
}
