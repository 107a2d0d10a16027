/**
 * Every name heuristic of page reading, in one place (pure, no DOM): whether a string is a person's
 * name and how it splits into first and last; names from given/family parts; the name a mailto: link
 * gives; and the names in free text (labelled fields, "Name <address>", introductions, signatures
 * after a sign-off, names heading a contact block). Nothing is invented: a name is text found on the
 * page that looks like a person's name, and organisations, headings and markup are turned away.
 */
import type { CountryCode } from 'libphonenumber-js/core';
import { EMAIL_IN_TEXT_RE, RECIPIENT_LINE_RE, emailsInText, normalizeEmail } from './emails-links';
import type { ContactLink } from './emails-links';
import { findPhonesInText } from './phones';
import { collapse } from './text';

export interface PersonName {
  first: string;
  last: string;
}

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lady',
  'lord',
  'rev',
  'reverend',
  'hon',
  'judge',
  'justice',
  'atty',
  'fr',
  'herr',
  'frau',
  'mme',
  'mlle',
  'sra',
  'srta',
  'dott',
]);
const SUFFIXES = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'v',
  'esq',
  'esquire',
  'phd',
  'md',
  'dds',
  'dmd',
  'jd',
  'llm',
  'llb',
  'cpa',
  'mba',
  'ret',
  'qc',
  'kc',
  'cfp',
  'rn',
  'dvm',
  'obe',
  'mbe',
  'cbe',
]);
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'dello',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'st',
  'zu',
]);

/** Words that show a string is not a person's name (lower case, no dots). */
const STOP = new Set(
  (
    'contact us about home email e-mail mail phone tel telephone mobile cell fax call send message click here website web ' +
    'site page menu search login log sign signup register subscribe submit reply forward forwarded original sent from to ' +
    'cc bcc subject date re fw fwd dear hi hello hey thanks thank you regards sincerely cheers kind warm yours truly ' +
    'respectfully team support service services customer client clients info information admin office offices sales ' +
    'marketing help desk department division partner partners associate associates attorney attorneys lawyer lawyers ' +
    'counsel paralegal solicitor solicitors barrister clerk legal law firm group llp llc inc ltd pllc corp corporation ' +
    'company co plc gmbh pc intake manager director assistant secretary president ceo cfo coo cto founder owner ' +
    'principal senior junior chief head officer executive coordinator specialist consultant representative agent ' +
    'visitor guest user anonymous unknown none null undefined name first last full your my our the and or of for with at ' +
    'in on by is am are was not no yes please privacy policy terms copyright rights reserved street avenue ave road rd ' +
    'suite floor building urgent regarding new lead inquiry enquiry request consultation free case matter court county ' +
    'district state united states iphone android unsubscribe view browser online chat live now today tomorrow ' +
    'interested writing looking reaching contacting following hoping sorry glad happy available unable calling ' +
    'emailing responding requesting seeking currently also just still very so going there it that what why how when ' +
    'where who which this these those he she they we i me him her them his its their estate real family criminal defense ' +
    'defence injury personal immigration litigation business corporate employment tax bankruptcy divorce trust trusts ' +
    'wills probate planning intellectual property patent trademark civil insurance accident practice areas area ' +
    'location locations hours address headquarters news blog events careers people professionals staff bio profile ' +
    'education admissions languages overview services appointment schedule book menu close open download print share ' +
    'follow facebook twitter linkedin instagram youtube google map maps directions welcome error loading javascript ' +
    'script img src onerror onload alert true false test example sample'
  ).split(' '),
);

const TOKEN_RE = /^(?:[\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*\.?|\p{L}\.|[dDlL]['’][\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*)$/u;
const ALLOWED_CHARS_RE = /^[\p{L}\p{M} '’.,\-‐]+$/u;

const key = (t: string): string => t.toLowerCase().replace(/[.,]/g, '');

function isUpperStart(t: string): boolean {
  const c = t.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isAllCaps(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function stripHonorifics(tokens: string[]): string[] {
  let i = 0;
  while (i < tokens.length - 1 && HONORIFICS.has(key(tokens[i] ?? ''))) i++;
  let j = tokens.length;
  while (j > i + 1 && SUFFIXES.has(key(tokens[j - 1] ?? ''))) j--;
  return tokens.slice(i, j);
}

function tokensOk(tokens: string[], strict: boolean): boolean {
  if (tokens.length === 0 || tokens.length > 5) return false;
  let caps = 0;
  let letters = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (!TOKEN_RE.test(t)) return false;
    const k = key(t);
    if (STOP.has(k)) return false;
    letters += k.length;
    if (isAllCaps(t)) caps++;
    const particle = PARTICLES.has(k) && i > 0 && i < tokens.length - 1;
    if (strict && !particle && !isUpperStart(t)) return false;
    // A particle can't end a name ("Jane van").
    if (i === tokens.length - 1 && i > 0 && PARTICLES.has(k) && !isUpperStart(t)) return false;
  }
  if (letters < 2) return false;
  const longTokens = tokens.filter((t) => t.replace(/[^\p{L}]/gu, '').length >= 2).length;
  if (longTokens > 0 && caps === longTokens) return false; // "CONTACT US", "JANE DOE"
  return true;
}

function split(tokens: string[]): PersonName {
  if (tokens.length === 1) return { first: tokens[0] ?? '', last: '' };
  let at = tokens.length - 1;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (PARTICLES.has(key(tokens[i] ?? ''))) {
      at = i;
      break;
    }
  }
  return { first: tokens.slice(0, at).join(' '), last: tokens.slice(at).join(' ') };
}

/**
 * Turns a string into a person name, or null when it does not look like one.
 * `strict` (used for names found in running text) requires capitalised words.
 */
export function toPersonName(raw: unknown, strict = false): PersonName | null {
  if (typeof raw !== 'string' || raw.length > 200) return null;
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  s = s.replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '').trim();
  s = s.replace(/[,;]+$/, '').trim();
  if (!s || s.length > 100 || !ALLOWED_CHARS_RE.test(s)) return null;
  const parts = s.split(',').map((p) => p.trim());
  // Drop comma-separated suffixes: "Jane Smith, Esq.", "Smith, Jane, Jr."
  const kept = parts.filter((p, i) => i === 0 || !p.split(' ').every((w) => SUFFIXES.has(key(w))));
  if (kept.length > 2 || kept.some((p) => !p)) return null;
  if (kept.length === 2) {
    // "Smith, Jane"
    const last = stripHonorifics((kept[0] ?? '').split(' '));
    const first = stripHonorifics((kept[1] ?? '').split(' '));
    if (!last.length || !first.length || !tokensOk([...first, ...last], strict)) return null;
    return { first: first.join(' '), last: last.join(' ') };
  }
  const tokens = stripHonorifics((kept[0] ?? '').split(' '));
  if (!tokensOk(tokens, strict)) return null;
  return split(tokens);
}

/** Like toPersonName but also tries dropping leading words ("Reply to Jane Smith" → Jane Smith). */
export function toPersonNameTrimmingFront(raw: string, strict = false): PersonName | null {
  const words = raw.trim().split(/\s+/);
  for (let i = 0; i < words.length && i < 6; i++) {
    const n = toPersonName(words.slice(i).join(' '), strict);
    if (n) return n;
  }
  return null;
}

const INTRO_RE =
  /(?:^|[^\p{L}])(?:my name is|my name's|name is|i['’]m|i am|this is|me llamo|mi nombre es|je m['’]appelle|je suis|ich bin|ich heiße|mi chiamo|mein name ist)[ \t]+/giu;
const NAME_IN_TEXT_RE = new RegExp(
  String.raw`(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]+)?` +
    String.raw`(?:\p{Lu}[\p{L}\p{M}]*(?:['’\-‐]\p{L}[\p{L}\p{M}]*)*|\p{Lu}\.)` +
    String.raw`(?:[ \t]+(?:(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|ter|ten|bin|ibn|al|el|y)[ \t]+)*` +
    String.raw`(?:\p{Lu}[\p{L}\p{M}]*(?:['’\-‐]\p{L}[\p{L}\p{M}]*)*|\p{Lu}\.)){0,5}`,
  'uy',
);

/** Names introduced in running text: "My name is José García", "I'm Zoë O'Neil". */
export function findIntroNames(text: string): PersonName[] {
  const out: PersonName[] = [];
  INTRO_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = INTRO_RE.exec(text)) !== null && guard++ < 200) {
    NAME_IN_TEXT_RE.lastIndex = m.index + m[0].length;
    const nm = NAME_IN_TEXT_RE.exec(text);
    if (!nm) continue;
    const words = nm[0].split(/[ \t]+/);
    for (let k = Math.min(words.length, 6); k >= 1; k--) {
      const n = toPersonName(words.slice(0, k).join(' '), true);
      if (n) {
        out.push(n);
        break;
      }
    }
  }
  return out;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A name from given/family parts, validated as a whole; the parts are kept as written. A given name without
 * a family name takes it from the full name when the full name is that given name and a surname after it
 * ("Jane" with "Dr. Jane van Dyke" → Jane van Dyke); likewise a family name without a given name.
 */
export function nameFromParts(given: string, family: string, full: string): PersonName | null {
  const g = collapse(given);
  const f = collapse(family);
  const whole = full ? toPersonName(full) : null;
  if (whole?.first && whole.last && (g && !f ? same(whole.first, g) : !g && f && same(whole.last, f))) return whole;
  if (g || f) {
    const n = toPersonName(`${g} ${f}`.trim());
    if (n) {
      if (g && f && toPersonName(g) && toPersonName(f)) return { first: g, last: f };
      return n;
    }
  }
  return full ? toPersonName(full) : null;
}

/**
 * The name of a classic hCard's fn (its "implied n optimisation"): two words are the given then the family
 * name, except that "Doe, Jane" and "Doe J." name the family first; any other fn is read as a name.
 */
export function nameOfFn(fn: string): PersonName | null {
  const [a = '', b = '', more] = collapse(fn).split(' ');
  if (b && more === undefined && (a.endsWith(',') || /^\p{L}\.?$/u.test(b))) return nameFromParts(b.replace(/\.$/, ''), a.replace(/,$/, ''), '');
  return toPersonName(fn);
}

// ---------------------------------------------------------------------------------------
// mailto: links

/**
 * The name a mailto: link gives: the display name of "Jane Doe <jane@x.com>" in its address, else
 * its text when that is not itself an address. Only a link with a valid address names anyone.
 */
function nameOfMailtoLink(link: ContactLink): PersonName | null {
  if (!link.emails.length || !/^mailto:/i.test(link.href)) return null;
  let decoded = link.href.slice(7).split('?')[0] ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    /* ignore */
  }
  const named = /^\s*"?([^"<>]+?)"?\s*<[^<>]+>\s*$/.exec(decoded);
  const text = link.text;
  return (named?.[1] && toPersonName(named[1])) || (text && !text.includes('@') ? toPersonName(text) : null);
}

/** The names the mailto: links give, in link order. */
export function namesOfMailtoLinks(links: ContactLink[]): PersonName[] {
  const out: PersonName[] = [];
  for (const link of links) {
    const n = nameOfMailtoLink(link);
    if (n) out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Free text (selection / context)

const LABELS =
  '(from|sender|reply-to|name|full name|your name|contact name|client name|customer name|lead name|prospect|submitted by|requester|requestor|first name|given name|last name|surname|family name)';
/** "Name: Jane Smith" */
const LABEL_RE = new RegExp(String.raw`^\s*(?:>\s*)*(?:[*•·-]\s*)?${LABELS}\s*[:：]\s*(.*)$`, 'i');
/** "Name" (or "Name:") alone on a line, the value on the next line (copied form tables). */
const LABEL_ALONE_RE = new RegExp(String.raw`^\s*${LABELS}\s*[:：*]?\s*$`, 'i');
const SIGNOFF_RE =
  /^\s*(?:(?:best|kind|warm|warmest|many|with)\s+(?:regards|wishes|thanks)|regards|best|thanks|thank you|many thanks|thanks again|thanks so much|sincerely|sincerely yours|yours sincerely|yours truly|yours faithfully|very truly yours|respectfully|respectfully yours|cheers|all the best|take care|warmly|cordially|mit freundlichen grüßen|freundliche grüße|viele grüße|cordialement|bien cordialement|bien à vous|met vriendelijke groet(?:en)?|saludos(?: cordiales)?|un saludo|atentamente|cordiali saluti|distinti saluti|atenciosamente|--|—)\s*[,.!]?\s*$/i;
const NAME_EMAIL_RE =
  /(?:"([^"\n]{1,100})"|'([^'\n]{1,100})'|([^\s<>"'()[\]:;,][^<>"()[\]:;,\n]{0,100}?))[ \t]*(?:<|\[mailto:|\()[ \t]*(?:mailto:)?([^\s<>()[\]@]{1,64}@[^\s<>()[\]]{1,255}?)[ \t]*(?:>|\]|\))/g;
const EMAIL_NAME_RE = /([^\s<>()@]{1,64}@[^\s<>()]{1,255})[ \t]*\(([^()\n<>]{1,100})\)/g;

/** A labelled value without its addresses: "Jane Smith <jane@x.com>" → "Jane Smith". */
function stripAddresses(v: string): string {
  return v
    .replace(/<[^<>]*>|\[mailto:[^\]]*\]|\([^()]*@[^()]*\)/gi, ' ')
    .replace(EMAIL_IN_TEXT_RE, ' ')
    .trim();
}

/** A signature line's name: the whole line, or what comes before "|", "–", "•" or a comma ("Jane Doe | Partner"). */
function nameFromSignatureLine(line: string): PersonName | null {
  const t = line.trim();
  if (!t || t.length > 120) return null;
  const whole = toPersonName(t, true);
  if (whole) return whole;
  const head = t.split(/\s+[|–—•·-]\s+|\s*[|•·]\s*|,\s*/)[0] ?? '';
  return head && head !== t ? toPersonName(head, true) : null;
}

/** A short line holding an address or a phone number. */
function isContactLine(line: string, country: CountryCode | undefined): boolean {
  if (line.length > 300) return false;
  return emailsInText(line).length > 0 || findPhonesInText(line, country, true).length > 0;
}

/**
 * The names in free text (`lines` is `text` split into lines), best first: labelled fields, names
 * beside an address, introductions, signatures after a sign-off, then names heading a contact block.
 */
export function namesInText(text: string, lines: string[], country: CountryCode | undefined): PersonName[] {
  const labelled: PersonName[] = [];
  const withEmail: PersonName[] = [];
  const signature: PersonName[] = [];
  const headings: PersonName[] = [];
  let firstPart = '';
  let lastPart = '';

  const nextValue = (i: number): string => {
    for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
      const l = (lines[j] ?? '').trim();
      if (l) return l;
    }
    return '';
  };

  const contact = lines.map((l) => isContactLine(l, country));

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > 1000) continue;

    // 1. Labelled fields: "From: Jane Smith <…>", "Name: Jane Smith", "First name: Jane".
    const lm = LABEL_RE.exec(line);
    const label = (lm?.[1] ?? LABEL_ALONE_RE.exec(line)?.[1] ?? '').toLowerCase();
    if (label) {
      const value = (lm?.[2] ?? '').trim() || nextValue(i);
      if (value) {
        if (label === 'first name' || label === 'given name') firstPart = firstPart || value;
        else if (label === 'last name' || label === 'surname' || label === 'family name') lastPart = lastPart || value;
        else {
          const n = toPersonName(stripAddresses(value).replace(/\s+(?:via|on behalf of)\s+.*$/i, ''));
          if (n) labelled.push(n);
        }
      }
    }

    if (RECIPIENT_LINE_RE.test(line)) continue;

    // 2. "Jane Smith <jane@x.com>", "\"Smith, Jane\" <jane@x.com>", "jane@x.com (Jane Smith)".
    NAME_EMAIL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = NAME_EMAIL_RE.exec(line)) !== null && guard++ < 50) {
      if (!normalizeEmail(m[4] ?? '')) continue;
      const quoted = m[1] ?? m[2];
      const n = quoted !== undefined ? toPersonName(quoted) : toPersonNameTrimmingFront(m[3] ?? '');
      if (n) withEmail.push(n);
    }
    EMAIL_NAME_RE.lastIndex = 0;
    guard = 0;
    while ((m = EMAIL_NAME_RE.exec(line)) !== null && guard++ < 50) {
      if (!normalizeEmail(m[1] ?? '')) continue;
      const n = toPersonName(m[2] ?? '');
      if (n) withEmail.push(n);
    }

    // 4. Signature after a sign-off: the first line, and lines next to a contact line.
    if (SIGNOFF_RE.test(line)) {
      let firstSeen = false;
      for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
        const l = lines[j] ?? '';
        if (!l.trim()) continue;
        const nearContact = !!contact[j - 1] || !!contact[j + 1];
        if (!firstSeen || nearContact) {
          const n = contact[j] ? null : nameFromSignatureLine(l);
          if (n) signature.push(n);
        }
        firstSeen = true;
      }
    }

    // 5. A name heading a contact block (directory entries): up to 3 lines above a contact line.
    if (contact[i] && !contact[i - 1]) {
      for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
        const l = lines[j] ?? '';
        if (!l.trim() || contact[j]) break;
        const n = nameFromSignatureLine(l);
        if (n) {
          headings.push(n);
          break;
        }
      }
    }
  }

  if (firstPart) {
    const n = nameFromParts(firstPart, lastPart, '');
    if (n) labelled.unshift(n);
  } else if (lastPart) {
    const n = toPersonName(lastPart);
    if (n) labelled.push({ first: '', last: n.last ? `${n.first} ${n.last}` : n.first });
  }

  // 3. Introductions: "My name is José García", "I'm Zoë O'Neil".
  const intros = findIntroNames(text);
  return [...labelled, ...withEmail, ...intros, ...signature, ...headings];
}
