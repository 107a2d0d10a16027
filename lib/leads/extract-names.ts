/**
 * Person-name recognition and first/last splitting for lead extraction (pure).
 */

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
