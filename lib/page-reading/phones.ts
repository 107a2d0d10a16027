/**
 * Phone numbers on a page (pure, no DOM): one number written on its own (a tel: link, a JSON-LD
 * telephone, an h-card tel) to E.164 with its extension, and the numbers in free text. Parsing and
 * validation is libphonenumber-js `/core` with a trimmed copy of its `min` metadata
 * (phone-metadata.ts); finding numbers in text is a small scanner here instead of libphonenumber's
 * `findPhoneNumbersInText`, which would add ~7 kB gzip, and the scanner also rejects dates, case
 * numbers, prices and IDs.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { CountryCode } from 'libphonenumber-js/core';
import { PHONE_METADATA } from './phone-metadata';

export interface FoundPhone {
  /** E.164, e.g. "+15551234567". */
  e164: string;
  /** Extension digits, when written ("ext. 89", "x89", ";ext=89"). */
  ext?: string;
}

const META = PHONE_METADATA as unknown as {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
};

export function isPhoneCountrySupported(country: string): boolean {
  return Object.hasOwn(META.countries, country);
}

function knownCallingCode(digits: string): boolean {
  for (let n = 1; n <= 3; n++) {
    if (Object.hasOwn(META.country_calling_codes, digits.slice(0, n))) return true;
  }
  return false;
}

/**
 * Parses one phone number written on its own (no surrounding text) to E.164.
 * Returns null unless the number is possible and matches its country's numbering plan.
 * Numbers written with "+" for a calling code outside the bundled metadata are accepted
 * as '+' + digits when they have 8–15 digits.
 */
export function phoneToE164(text: string, country: CountryCode | undefined): string | null {
  if (text.length > 64) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 17) return null;
  const intl = /^[\s(]*\+/.test(text);
  if (intl) {
    if (digits.length > 15) return null;
    if (!knownCallingCode(digits)) {
      return digits.length >= 8 && digits[0] !== '0' ? `+${digits}` : null;
    }
  } else if (!country || !isPhoneCountrySupported(country)) {
    return null;
  }
  try {
    const p = parsePhoneNumberFromString(text, country && !intl ? { defaultCountry: country } : {}, PHONE_METADATA);
    if (!p?.isPossible() || !p.isValid()) return null;
    return /^\+[1-9]\d{6,14}$/.test(p.number) ? p.number : null;
  } catch {
    return null;
  }
}

const EXT_RE = /^[ \t]*,?[ \t]*(?:ext\.?|extn\.?|extension|x\.?|#)[ \t]*:?[ \t]*(\d{1,6})(?!\d)/i;

/** Parses a structured value (tel: link href, JSON-LD telephone, h-card tel). */
export function parseStructuredPhone(raw: string, country: CountryCode | undefined): FoundPhone[] {
  let s = raw.trim().slice(0, 200);
  if (/^tel:/i.test(s)) {
    s = s.slice(4);
    try {
      s = decodeURIComponent(s);
    } catch {
      /* keep undecoded */
    }
  }
  let ext: string | undefined;
  // RFC 3966 parameters: ;ext=89;phone-context=…
  const semi = s.indexOf(';');
  if (semi >= 0) {
    const m = /;ext=(\d{1,6})(?:;|$)/i.exec(s);
    if (m) ext = m[1];
    s = s.slice(0, semi);
  }
  const tail = /^(.*?\d)((?:[ \t]*,?[ \t]*(?:ext\.?|extn\.?|extension|x\.?|#)[ \t]*:?[ \t]*)(\d{1,6}))\s*$/i.exec(s);
  if (tail?.[1] && tail[3] && /\d{5}/.test(tail[1].replace(/\D/g, ''))) {
    s = tail[1];
    ext = ext ?? tail[3];
  }
  const e164 = phoneToE164(s.trim(), country);
  if (e164) return [ext ? { e164, ext } : { e164 }];
  // Not a bare number (e.g. "Office: 555-123-4567"): scan it as text, bare digits allowed.
  return findPhonesInText(s, country, true);
}

const SPAN_RE = /(?:\+[ \t]?)?\(?\d(?:[\d \t\u00a0()./\u2010-\u2015-]*\d)?\)?/g;
const DATE_RE = /^\d{1,4}[ \t]*[-/.\u2010-\u2015][ \t]*\d{1,2}[ \t]*[-/.\u2010-\u2015][ \t]*\d{1,4}$/;
const IP_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const PHONE_LABEL_RE =
  /(?:^|[^\p{L}])(?:phone|telephone|tel|mobile|mob|cell|cellphone|call(?:\s+me)?(?:\s+(?:at|on))?|text|sms|whatsapp|direct|dir|office|work|home|main|ph|t|m|p|o|d|w|h|c)\s*\.?\s*(?:no\.?|number|#)?\s*(?:is)?\s*[:.#-]?\s*$/iu;
const FAX_LABEL_RE = /(?:^|[^\p{L}])(?:fax|facsimile|f)\s*\.?\s*(?:no\.?|number|#)?\s*[:.#-]?\s*$/iu;
const ID_LABEL_RE =
  /(?:^|[^\p{L}])(?:case|docket|no|nr|num|number|order|invoice|inv|acct|account|ref|reference|id|ssn|ein|tin|vat|claim|policy|file|matter|zip|postcode|routing|iban|isbn|serial|tracking|confirmation|ticket|booking|reservation|patient|member|license|licence|bar|item|sku|part|model|version|v)\s*\.?\s*(?:no\.?|number|#)?\s*[:.#-]?\s*$/iu;
const CURRENCY_BEFORE_RE = /[$€£¥₹¢]\s*$/;
const AFTER_AMOUNT_RE = /^\s*(?:%|usd|eur|gbp|dollars?|euros?|pounds?|k\b|m\b|bn\b)/i;

interface Group {
  start: number;
  end: number;
}

/**
 * Finds phone numbers in free text. `allowBare` accepts unformatted digit runs
 * ("5551234567") without a phone label before them.
 */
export function findPhonesInText(text: string, country: CountryCode | undefined, allowBare = false): FoundPhone[] {
  const out: FoundPhone[] = [];
  SPAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = SPAN_RE.exec(text)) !== null && guard++ < 2000) {
    const span = m[0];
    const start = m.index;
    const end = start + span.length;
    if (span.replace(/\D/g, '').length < 7) continue;
    const prev = text.slice(Math.max(0, start - 2), start);
    // Part of a longer token: "A1234567", "cv-0123456", "#5551234567", "$1 234 567".
    if (/[\p{L}\p{N}_@#$€£¥₹]$/u.test(prev) || /[\p{L}\p{N}][-./]$/u.test(prev)) continue;
    if (CURRENCY_BEFORE_RE.test(text.slice(Math.max(0, start - 3), start))) continue;
    // Pieces separated by strong separators ("555-123-4567 / 555-987-6543").
    const pieces: Array<{ s: string; at: number }> = [];
    const splitter = /\s+\/\s+|[ \t\u00a0]{2,}|\t/g;
    let last = 0;
    let sm: RegExpExecArray | null;
    while ((sm = splitter.exec(span)) !== null) {
      pieces.push({ s: span.slice(last, sm.index), at: start + last });
      last = sm.index + sm[0].length;
    }
    pieces.push({ s: span.slice(last), at: start + last });
    for (const piece of pieces) {
      const trimmed = piece.s.replace(/^[\s)]+|[\s(]+$/g, '');
      const at = piece.at + piece.s.indexOf(trimmed);
      if (!trimmed) continue;
      handlePiece(text, trimmed, at, at + trimmed.length, piece === pieces[pieces.length - 1] ? end : at + trimmed.length, country, allowBare, out);
    }
  }
  return out;
}

function lineBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 40), at);
  return before.slice(before.lastIndexOf('\n') + 1);
}

function handlePiece(
  text: string,
  piece: string,
  start: number,
  end: number,
  spanEnd: number,
  country: CountryCode | undefined,
  allowBare: boolean,
  out: FoundPhone[],
): void {
  const digitCount = piece.replace(/\D/g, '').length;
  if (digitCount < 7) return;
  const before = lineBefore(text, start);
  if (FAX_LABEL_RE.test(before)) return; // fax numbers are not a way to reach a lead
  const labelled = PHONE_LABEL_RE.test(before);
  if (!labelled && ID_LABEL_RE.test(before)) return;

  const after = text.slice(spanEnd, spanEnd + 40);
  let ext: string | undefined;
  let rest = after;
  if (end === spanEnd) {
    const em = EXT_RE.exec(after);
    if (em?.[1]) {
      ext = em[1];
      rest = after.slice(em[0].length);
    }
    if (AFTER_AMOUNT_RE.test(rest)) return;
    // Followed by more of a token: "555-123-4567abc", "2-24-cv", "12:30".
    if (/^[\p{L}\p{N}_@:]/u.test(rest) || /^[-/.][\p{L}\p{N}]/u.test(rest)) return;
  }

  const tryOne = (s: string): string | null => {
    if (DATE_RE.test(s) || IP_RE.test(s)) return null;
    const bare = /^\d+$/.test(s);
    if (bare && !allowBare && !labelled) return null;
    return phoneToE164(s, country);
  };

  const whole = digitCount <= 17 ? tryOne(piece) : null;
  if (whole) {
    out.push(ext ? { e164: whole, ext } : { e164: whole });
    return;
  }
  // Two numbers separated by a single space: "555-123-4567 555-987-6543".
  const groups: Group[] = [];
  const gre = /\+?\(?\d+\)?/g;
  let gm: RegExpExecArray | null;
  while ((gm = gre.exec(piece)) !== null) {
    groups.push({ start: gm.index, end: gm.index + gm[0].length });
    if (groups.length > 8) return;
  }
  for (let k = 1; k < groups.length; k++) {
    const g = groups[k];
    const p = groups[k - 1];
    if (!g || !p) continue;
    const sep = piece.slice(p.end, g.start);
    if (!/^\s+$/.test(sep)) continue;
    const a = tryOne(piece.slice(0, p.end));
    const b = a ? tryOne(piece.slice(g.start)) : null;
    if (a && b) {
      out.push({ e164: a });
      out.push(ext ? { e164: b, ext } : { e164: b });
      return;
    }
  }
}
