/**
 * The exact-lookup keys of a matter: its client's emails and phones, its display number, its client
 * reference and its client's name, each normalised so the way a page writes it finds the way Clio
 * stores it. The matter store indexes every matter under these keys (hashed, in bucket records: key-buckets.ts),
 * so a lookup needs no search index in memory. Pure: no phone library, no browser API.
 */
import { fold, words } from './fold';
import type { IndexedMatter } from './matter';

/** What a key says about a matter. */
export type LookupKind = 'email' | 'phone' | 'displayNumber' | 'clientReference' | 'clientName';

/** A key as stored: its kind's prefix, then the normalised value ("e:ann@example.com", "p:6175550123"). */
const PREFIX: Record<LookupKind, string> = { email: 'e:', phone: 'p:', displayNumber: 'd:', clientReference: 'r:', clientName: 'n:' };
const KIND_OF: Record<string, LookupKind> = Object.fromEntries(Object.entries(PREFIX).map(([k, p]) => [p, k as LookupKind]));

/** A kind and its normalised value, as one stored key. */
export function lookupKey(kind: LookupKind, value: string): string {
  return PREFIX[kind] + value;
}

/** The kind and normalised value of a stored key. */
export function parseLookupKey(key: string): { kind: LookupKind; value: string } | null {
  const kind = KIND_OF[key.slice(0, 2)];
  return kind ? { kind, value: key.slice(2) } : null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

/** An email address compared case-insensitively, without a `mailto:` or surrounding space; null if it is not one. */
export function emailKey(text: string): string | null {
  const e = text
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL_RE.test(e) ? e : null;
}

/** Country calling codes of two digits (ITU-T E.164); 1 and 7 have one, every other code three. */
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

function countryCodeLength(digits: string): number {
  if (digits[0] === '1' || digits[0] === '7') return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

/** An extension written after the number: "x12", "ext. 12", "extension 12", "#12". */
const EXTENSION_RE = /\s*(?:e?xt?\.?|extension|#)\s*\d{1,6}\s*$/i;
const MIN_DIGITS = 6;
const MAX_DIGITS = 15;

/**
 * A phone number as the digits of its national number, so the same number written nationally or
 * internationally compares equal: "+1 (617) 555-0123", "1-617-555-0123" and "(617) 555-0123" →
 * "6175550123"; "+44 20 7946 0958", "0044 20 7946 0958" and "020 7946 0958" → "2079460958".
 * An extension is dropped. International forms (+ or 00) lose their country code (by the E.164
 * code lengths); national forms lose a trunk 0, and 11 digits starting with 1 lose the 1 (North
 * America). Null when fewer than 6 or more than 15 digits remain. Not for numbers written with a
 * country code but no + (read as national), nor for plans whose national numbers start with 1 and
 * run to 11 digits when written without their country code.
 */
export function normalisePhoneDigits(text: string): string | null {
  const main = text.normalize('NFKC').replace(EXTENSION_RE, '');
  let d = main.replace(/\D+/g, '');
  if (/^\s*(?:\+|00)/.test(main)) {
    if (d.startsWith('00')) d = d.slice(2);
    d = d.slice(countryCodeLength(d));
  } else if (d.length === 11 && d[0] === '1') {
    d = d.slice(1);
  }
  d = d.replace(/^0+/, ''); // the trunk prefix (also after Italy's country code, where the 0 is kept)
  return d.length >= MIN_DIGITS && d.length <= MAX_DIGITS ? d : null;
}

/** Folded words run together: "00042-Okafor" → "00042okafor", "REF 1234" → "ref1234". */
function runTogether(text: string): string | null {
  const w = words(fold(text));
  return w.length ? w.join('') : null;
}

/** A display number compared by its letters and digits, case- and punctuation-blind: "00042-Okafor" → "00042okafor". */
export const displayNumberKey = runTogether;
/** A client reference compared as a display number is: "REF-1234" → "ref1234". */
export const clientReferenceKey = runTogether;

/** A client's name compared by its folded words: "Łukasz  O'Brien" → "lukasz o brien". */
export function clientNameKey(text: string): string | null {
  const w = words(fold(text));
  return w.length ? w.join(' ') : null;
}

/** Every exact-lookup key of a matter (no duplicates). */
export function lookupKeysOf(m: Pick<IndexedMatter, 'displayNumber' | 'clientName' | 'clientReference' | 'clientEmails' | 'clientPhones'>): string[] {
  const keys = new Set<string>();
  const add = (kind: LookupKind, value: string | null) => {
    if (value) keys.add(lookupKey(kind, value));
  };
  for (const e of m.clientEmails) add('email', emailKey(e));
  for (const p of m.clientPhones) add('phone', normalisePhoneDigits(p));
  add('displayNumber', displayNumberKey(m.displayNumber));
  add('clientReference', clientReferenceKey(m.clientReference));
  add('clientName', clientNameKey(m.clientName));
  return [...keys];
}

/** What to look up: emails, display numbers, client references and names as found; phones as normalisePhoneDigits gave them. */
export interface LookupQuery {
  emails?: readonly string[];
  /** normalisePhoneDigits of each number (phones are not normalised again: the digits are already the key). */
  phones?: readonly string[];
  displayNumbers?: readonly string[];
  clientReferences?: readonly string[];
  clientNames?: readonly string[];
}

/** The distinct stored keys a query asks for (values that normalise to nothing are left out). */
export function keysOfQuery(q: LookupQuery): string[] {
  const keys = new Set<string>();
  const each = (kind: LookupKind, values: readonly string[] | undefined, norm: (s: string) => string | null) => {
    for (const v of values ?? []) {
      const n = norm(v);
      if (n) keys.add(lookupKey(kind, n));
    }
  };
  each('email', q.emails, emailKey);
  each('phone', q.phones, (p) => (/^\d{6,15}$/.test(p) ? p : null));
  each('displayNumber', q.displayNumbers, displayNumberKey);
  each('clientReference', q.clientReferences, clientReferenceKey);
  each('clientName', q.clientNames, clientNameKey);
  return [...keys];
}

/** A key a matter matched: its kind and normalised value. */
export interface LookupMatch {
  kind: LookupKind;
  value: string;
}

/** What an exact lookup answers. */
export interface KeyLookup {
  /** Each matter found, with every key of the query it matched. */
  matches: Array<{ matter: IndexedMatter; matched: LookupMatch[] }>;
  /** The clients' emails and phones are not all known yet (an index from an older format being filled in): say so rather than "no match". */
  learning: boolean;
  /** The first full sync is done (before it, few matters are known). */
  ready: boolean;
}
