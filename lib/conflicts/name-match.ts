/**
 * How a conflict-check query meets a name, an email or a phone, tolerant of what people type: accents and case
 * ("Noémie" = "noemie"), middle names and initials ("John A. Smith" = "John Smith"), and "Last, First" order
 * ("Smith, John" = "John Smith"). Pure: no browser API, no phone library (phones compare as national digits).
 */
import { emailKey, normalisePhoneDigits } from '../matters/lookup-keys';
import { fold, words } from '../matters/fold';

/** What the person asked about. */
export type ConflictQuery = { kind: 'email'; value: string } | { kind: 'phone'; value: string } | { kind: 'name'; value: string; first: string; last: string };

/** How a hit matched. */
export type HowMatched = 'exact email' | 'same phone' | 'exact name' | 'similar name';

/** The meaningful words of a name: folded, initials and honorifics dropped. */
function nameWords(name: string): string[] {
  return words(fold(name)).filter((w) => w.length > 1 && !HONORIFICS.has(w));
}
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'jr', 'sr', 'esq', 'prof']);

/** "Smith, John A." → "John A. Smith"; anything else as it is. */
function naturalOrder(name: string): string {
  const m = /^\s*([^,]+),\s*([^,]+)$/.exec(name);
  return m ? `${m[2]} ${m[1]}` : name;
}

/** Reads a query as an email, a phone number or a name; null when it holds nothing to look for. */
export function readConflictQuery(text: string): ConflictQuery | null {
  const t = text.trim().slice(0, 200);
  const email = emailKey(t);
  if (email) return { kind: 'email', value: email };
  if (/^[+(]?\d[\d\s().-]{5,}$/.test(t)) {
    const digits = normalisePhoneDigits(t);
    if (digits) return { kind: 'phone', value: digits };
  }
  const w = nameWords(naturalOrder(t));
  if (!w.length) return null;
  return { kind: 'name', value: w.join(' '), first: w[0]!, last: w[w.length - 1]! };
}

/**
 * How `name` matches the query's name: the same words in order ('exact name'), or the same first and last
 * words, with middle names or initials on either side, in either order ('similar name'); null otherwise. A
 * one-word query matches a name holding that word as its first or last.
 */
export function matchName(q: Extract<ConflictQuery, { kind: 'name' }>, name: string): HowMatched | null {
  const w = nameWords(naturalOrder(name));
  if (!w.length) return null;
  if (w.join(' ') === q.value) return 'exact name';
  const first = w[0]!;
  const last = w[w.length - 1]!;
  if (q.first === q.last) return first === q.first || last === q.last ? 'similar name' : null;
  if ((first === q.first && last === q.last) || (first === q.last && last === q.first)) return 'similar name';
  return null;
}

/** How a contact (its name, emails and phones) matches the query; null when it does not. */
export function matchContact(
  q: ConflictQuery,
  c: { name: string; emails: readonly (string | null | undefined)[]; phones: readonly (string | null | undefined)[] },
): HowMatched | null {
  if (q.kind === 'email') return c.emails.some((e) => e && emailKey(e) === q.value) ? 'exact email' : null;
  if (q.kind === 'phone') return c.phones.some((p) => p && normalisePhoneDigits(p) === q.value) ? 'same phone' : null;
  return matchName(q, c.name);
}
