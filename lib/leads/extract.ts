/**
 * Lead extraction: turns facts gathered from a web page (selection, nearby text,
 * mailto:/tel: links, JSON-LD, h-cards) into candidate names, emails and phones
 * for the "Capture as Clio Grow lead" dialog.
 *
 * Pure (no DOM, no I/O), never throws, bounded work on any input. Nothing is invented:
 * every candidate is text found on the page, tagged with where it came from, best first
 * (structured sources, then the selection, then the context).
 */
import type { CountryCode } from 'libphonenumber-js/core';
import { findIntroNames, toPersonName, toPersonNameTrimmingFront } from './extract-names';
import type { PersonName } from './extract-names';
import { findPhonesInText, parseStructuredPhone } from '../page-reading/phones';
import type { FoundPhone } from '../page-reading/phones';

export type { CountryCode } from 'libphonenumber-js/core';
export type { PersonName } from './extract-names';

export interface PageFacts {
  url: string; // the page URL (becomes referring_url)
  title: string;
  description?: string; // <meta name="description">
  selection: string; // the selected text ('' when none)
  /** Text around the selection (e.g. the selection's containing block, up to ~2,000 chars), '' when none. */
  context: string;
  links: Array<{ href: string; text: string }>; // mailto:/tel: links in or near the selection (or the whole page when nothing is selected)
  jsonLd: string[]; // raw text of <script type="application/ld+json"> blocks
  hCards: Array<Record<string, string[]>>; // microformats h-card / vCard properties already read from the DOM
}
export type FieldSource = 'mailto-link' | 'tel-link' | 'json-ld' | 'h-card' | 'selection' | 'context';
export interface Candidate<T = string> {
  value: T;
  source: FieldSource;
}
/** A phone candidate; `ext` is present only when the page wrote an extension ("ext. 89"). */
export interface PhoneCandidate extends Candidate {
  ext?: string;
}
export interface ExtractedLead {
  names: Array<Candidate<{ first: string; last: string }>>;
  emails: Candidate[]; // lower-cased, deduplicated, valid syntax only
  phones: PhoneCandidate[]; // E.164 when parseable ("+15551234567"), deduplicated
  message: string; // the selection trimmed (whitespace collapsed, max 5,000 chars); else `${title}\n${url}` (+ `\n${description}`)
}
export interface ExtractOptions {
  /** Country for numbers written without "+<calling code>". Default 'US'. */
  defaultCountry?: CountryCode;
}

/** Only this much of the selection / context is scanned. */
export const MAX_SCAN_CHARS = 20_000;
export const MAX_MESSAGE_CHARS = 5_000;
const MAX_CANDIDATES = 50;
const MAX_LINKS = 500;
const MAX_JSONLD_BLOCKS = 20;
const MAX_JSONLD_CHARS = 200_000;
const MAX_JSONLD_NODES = 2_000;
const MAX_HCARDS = 100;

// ---------------------------------------------------------------------------------------
// Small helpers

function str(v: unknown, max = MAX_SCAN_CHARS): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

function arr<T = unknown>(v: unknown, max: number): T[] {
  return Array.isArray(v) ? (v.slice(0, max) as T[]) : [];
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1); // don't split a surrogate pair
  return out;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function cleanText(s: string): string {
  return s
    .slice(0, MAX_SCAN_CHARS)
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

class Bucket<T> {
  readonly items: Array<Candidate<T> & { ext?: string }> = [];
  private readonly seen = new Set<string>();
  constructor(private readonly keyOf: (v: T) => string) {}
  add(value: T, source: FieldSource, ext?: string): void {
    if (this.items.length >= MAX_CANDIDATES) return;
    const k = this.keyOf(value);
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.items.push(ext ? { value, source, ext } : { value, source });
  }
}

interface Acc {
  names: Bucket<PersonName>;
  emails: Bucket<string>;
  phones: Bucket<string>;
  country: CountryCode | undefined;
}

// ---------------------------------------------------------------------------------------
// Emails

const IMAGE_TLDS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'svg',
  'bmp',
  'ico',
  'tif',
  'tiff',
  'avif',
  'heic',
  'css',
  'js',
  'json',
  'xml',
  'pdf',
  'doc',
  'docx',
  'mp4',
  'webm',
  'woff',
  'woff2',
  'ttf',
  'html',
  'htm',
  'php',
  'aspx',
]);
const EMAIL_BODY = String.raw`[a-z0-9._%+'-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}(?:[a-z]{2,24}|xn--[a-z0-9-]{1,59})`;
const EMAIL_IN_TEXT_RE = new RegExp(String.raw`(?<![a-z0-9._%+'-])${EMAIL_BODY}(?![a-z0-9-])`, 'gi');
const EMAIL_EXACT_RE = new RegExp(String.raw`^${EMAIL_BODY}$`, 'i');

/** Validates and normalises one address found in text; null when not a plausible email. */
export function normalizeEmail(raw: string): string | null {
  let e = raw.toLowerCase();
  const at = e.lastIndexOf('@');
  if (at < 0) return null;
  let local = e.slice(0, at).replace(/^[^a-z0-9]+/, '');
  const domain = e.slice(at + 1);
  if (!local || local.length > 64 || local.endsWith('.') || local.includes('..')) return null;
  if (/^'|'$/.test(local)) local = local.replace(/^'+|'+$/g, '');
  e = `${local}@${domain}`;
  if (e.length > 254 || !EMAIL_EXACT_RE.test(e)) return null;
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (IMAGE_TLDS.has(tld)) return null; // "logo@2x.png"
  return e;
}

/** A structured email value: "mailto:Jane%40x.com?subject=…", "<jane@x.com>", "jane@x.com". */
function structuredEmails(raw: string): string[] {
  let s = raw.trim().slice(0, 2000);
  if (/^mailto:/i.test(s)) s = s.slice(7);
  const q = s.indexOf('?');
  if (q >= 0) s = s.slice(0, q);
  try {
    s = decodeURIComponent(s);
  } catch {
    /* keep as is */
  }
  const out: string[] = [];
  for (const part of s.split(/[,;]/).slice(0, 10)) {
    const p = part.trim();
    const angle = /<([^<>]*)>\s*$/.exec(p);
    const addr = (angle?.[1] ?? p).trim().replace(/^mailto:/i, '');
    const e = normalizeEmail(addr);
    if (e && EMAIL_EXACT_RE.test(addr)) out.push(e);
  }
  return out;
}

function emailsInText(text: string): string[] {
  const out: string[] = [];
  EMAIL_IN_TEXT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = EMAIL_IN_TEXT_RE.exec(text)) !== null && guard++ < 500) {
    const e = normalizeEmail(m[0]);
    if (e) out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Links

function fromLinks(links: unknown, acc: Acc): void {
  for (const link of arr<{ href?: unknown; text?: unknown }>(links, MAX_LINKS)) {
    if (!link || typeof link !== 'object') continue;
    const href = str(link.href, 2000).trim();
    const text = collapse(str(link.text, 300));
    if (/^mailto:/i.test(href)) {
      const emails = structuredEmails(href);
      for (const e of emails) acc.emails.add(e, 'mailto-link');
      if (emails.length) {
        let decoded = href.slice(7).split('?')[0] ?? '';
        try {
          decoded = decodeURIComponent(decoded);
        } catch {
          /* ignore */
        }
        const named = /^\s*"?([^"<>]+?)"?\s*<[^<>]+>\s*$/.exec(decoded);
        const n = (named?.[1] && toPersonName(named[1])) || (text && !text.includes('@') ? toPersonName(text) : null);
        if (n) acc.names.add(n, 'mailto-link');
      }
    } else if (/^(?:tel|callto):/i.test(href)) {
      const value = href.replace(/^callto:/i, 'tel:');
      for (const p of parseStructuredPhone(value, acc.country)) addPhone(acc, p, 'tel-link');
    }
  }
}

function addPhone(acc: Acc, p: FoundPhone, source: FieldSource): void {
  acc.phones.add(p.e164, source, p.ext);
}

// ---------------------------------------------------------------------------------------
// JSON-LD

type Json = Record<string, unknown>;

function textOf(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 300);
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 5)) {
      const t = textOf(x);
      if (t) return t;
    }
    return '';
  }
  if (v && typeof v === 'object') return textOf((v as Json)['@value']);
  return '';
}

function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v.slice(0, 300)];
  if (Array.isArray(v)) return v.slice(0, 20).flatMap((x) => (typeof x === 'string' ? [x.slice(0, 300)] : []));
  if (v && typeof v === 'object') {
    const inner = (v as Json)['@value'];
    return typeof inner === 'string' ? [inner.slice(0, 300)] : [];
  }
  return [];
}

function typesOf(node: Json): string[] {
  const t = node['@type'];
  const list = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
  return list.map((x) => x.replace(/^.*[/#:]/, ''));
}

/** A name from given/family parts, validated as a whole; the parts are kept as written. */
function nameFromParts(given: string, family: string, full: string): PersonName | null {
  const g = collapse(given);
  const f = collapse(family);
  if (g || f) {
    const n = toPersonName(`${g} ${f}`.trim());
    if (n) {
      if (g && f && toPersonName(g) && toPersonName(f)) return { first: g, last: f };
      return n;
    }
  }
  return full ? toPersonName(full) : null;
}

const ORG_TYPES =
  /^(?:Organization|Corporation|LocalBusiness|LegalService|Attorney|Notary|ProfessionalService|GovernmentOrganization|NGO|EducationalOrganization|WebSite|WebPage|Brand|Place|Product|Service)$/;

interface Ranked<T> {
  rank: number;
  value: T;
}

function fromJsonLd(blocks: unknown, acc: Acc): void {
  const names: Array<Ranked<PersonName>> = [];
  const emails: Array<Ranked<string>> = [];
  const phones: Array<Ranked<FoundPhone>> = [];
  let nodes = 0;

  const visit = (v: unknown, depth: number, inPerson: boolean): void => {
    if (depth > 12 || nodes > MAX_JSONLD_NODES || v === null || typeof v !== 'object') return;
    nodes++;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 200)) visit(x, depth + 1, inPerson);
      return;
    }
    const node = v as Json;
    const types = typesOf(node);
    const isOrg = types.some((t) => ORG_TYPES.test(t));
    const isPerson = types.includes('Person') || (!isOrg && (node.givenName !== undefined || node.familyName !== undefined));
    const rank = isPerson ? 0 : types.includes('ContactPoint') ? (inPerson ? 0 : 1) : 2;
    if (isPerson) {
      const n = nameFromParts(textOf(node.givenName), textOf(node.familyName), textOf(node.name));
      if (n) names.push({ rank, value: n });
    }
    for (const e of stringsOf(node.email)) for (const x of structuredEmails(e)) emails.push({ rank, value: x });
    for (const t of stringsOf(node.telephone)) for (const p of parseStructuredPhone(t, acc.country)) phones.push({ rank, value: p });
    for (const [k, child] of Object.entries(node)) {
      if (k === '@context' || child === null || typeof child !== 'object') continue;
      visit(child, depth + 1, isPerson || (inPerson && !isOrg));
    }
  };

  for (const block of arr(blocks, MAX_JSONLD_BLOCKS)) {
    if (typeof block !== 'string' || block.length > MAX_JSONLD_CHARS) continue;
    const src = block
      .trim()
      .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
      .replace(/^<!--|-->$/g, '')
      .trim();
    let data: unknown;
    try {
      data = JSON.parse(src);
    } catch {
      continue; // malformed JSON-LD is ignored
    }
    visit(data, 0, false);
  }
  const byRank = <T>(a: Ranked<T>, b: Ranked<T>): number => a.rank - b.rank; // Array#sort is stable
  for (const n of names.sort(byRank)) acc.names.add(n.value, 'json-ld');
  for (const e of emails.sort(byRank)) acc.emails.add(e.value, 'json-ld');
  for (const p of phones.sort(byRank)) addPhone(acc, p.value, 'json-ld');
}

// ---------------------------------------------------------------------------------------
// h-card / vCard

function fromHCards(cards: unknown, acc: Acc): void {
  for (const card of arr(cards, MAX_HCARDS)) {
    if (!card || typeof card !== 'object' || Array.isArray(card)) continue;
    const props = new Map<string, string[]>();
    for (const [k, v] of Object.entries(card as Record<string, unknown>).slice(0, 100)) {
      const key = k.toLowerCase().replace(/^(?:p|u|dt|e|h)-/, '');
      const vals = (typeof v === 'string' ? [v] : Array.isArray(v) ? v : [])
        .slice(0, 20)
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.slice(0, 500));
      props.set(key, [...(props.get(key) ?? []), ...vals]);
    }
    const first = (k: string): string => props.get(k)?.[0] ?? '';
    const full = collapse(first('name') || first('fn'));
    const org = collapse(first('org'));
    const isOrgCard = !!full && full === org && !first('given-name') && !first('family-name');
    if (!isOrgCard) {
      const n = nameFromParts(first('given-name'), first('family-name'), full);
      if (n) acc.names.add(n, 'h-card');
    }
    for (const e of props.get('email') ?? []) for (const x of structuredEmails(e)) acc.emails.add(x, 'h-card');
    for (const t of props.get('tel') ?? []) for (const p of parseStructuredPhone(t, acc.country)) addPhone(acc, p, 'h-card');
  }
}

// ---------------------------------------------------------------------------------------
// Free text (selection / context)

const RECIPIENT_LINE_RE = /^\s*(?:>\s*)*(?:to|cc|bcc)\s*:/i;
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

function stripAddresses(v: string): string {
  return v
    .replace(/<[^<>]*>|\[mailto:[^\]]*\]|\([^()]*@[^()]*\)/gi, ' ')
    .replace(EMAIL_IN_TEXT_RE, ' ')
    .trim();
}

function nameFromSignatureLine(line: string): PersonName | null {
  const t = line.trim();
  if (!t || t.length > 120) return null;
  const whole = toPersonName(t, true);
  if (whole) return whole;
  const head = t.split(/\s+[|–—•·-]\s+|\s*[|•·]\s*|,\s*/)[0] ?? '';
  return head && head !== t ? toPersonName(head, true) : null;
}

function isContactLine(line: string, country: CountryCode | undefined): boolean {
  if (line.length > 300) return false;
  return emailsInText(line).length > 0 || findPhonesInText(line, country, true).length > 0;
}

function namesInText(text: string, lines: string[], country: CountryCode | undefined): PersonName[] {
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

function fromText(raw: string, source: FieldSource, acc: Acc): void {
  const text = cleanText(raw);
  if (!text.trim()) return;
  const lines = text.split('\n').slice(0, 2_000);

  for (const n of namesInText(text, lines, acc.country)) acc.names.add(n, source);

  // Emails, with addresses on To:/Cc: lines (usually the firm itself) last.
  const later: string[] = [];
  for (const line of lines) {
    const found = emailsInText(line);
    if (RECIPIENT_LINE_RE.test(line)) later.push(...found);
    else for (const e of found) acc.emails.add(e, source);
  }
  for (const e of later) acc.emails.add(e, source);

  for (const p of findPhonesInText(text, acc.country)) addPhone(acc, p, source);
}

// ---------------------------------------------------------------------------------------
// Message

function buildMessage(facts: Partial<PageFacts>): string {
  const selection = collapse(str(facts.selection, MAX_SCAN_CHARS * 2));
  if (selection) return truncate(selection, MAX_MESSAGE_CHARS);
  const parts = [collapse(str(facts.title, 1_000)), str(facts.url, 4_000).trim(), collapse(str(facts.description, 2_000))];
  return truncate(parts.filter(Boolean).join('\n'), MAX_MESSAGE_CHARS);
}

// ---------------------------------------------------------------------------------------

const nameKey = (n: PersonName): string => `${n.first}\u0000${n.last}`.toLowerCase();

/**
 * Extracts lead candidates from page facts. Never throws; unknown fields stay empty.
 */
export function extractLead(facts: PageFacts, opts?: { defaultCountry?: CountryCode }): ExtractedLead {
  const f: Partial<PageFacts> = facts && typeof facts === 'object' ? facts : {};
  const acc: Acc = {
    names: new Bucket<PersonName>(nameKey),
    emails: new Bucket<string>((e) => e),
    phones: new Bucket<string>((p) => p),
    country: typeof opts?.defaultCountry === 'string' ? opts.defaultCountry : 'US',
  };
  let message = '';
  try {
    message = buildMessage(f);
  } catch {
    message = '';
  }
  const steps: Array<() => void> = [
    () => fromLinks(f.links, acc),
    () => fromJsonLd(f.jsonLd, acc),
    () => fromHCards(f.hCards, acc),
    () => fromText(str(f.selection), 'selection', acc),
    () => fromText(str(f.context), 'context', acc),
  ];
  for (const step of steps) {
    try {
      step();
    } catch {
      // Defensive: a bug in one source must not lose the others.
    }
  }
  return {
    names: acc.names.items.map(({ value, source }) => ({ value: { first: value.first, last: value.last }, source })),
    emails: acc.emails.items.map(({ value, source }) => ({ value, source })),
    phones: acc.phones.items.map(({ value, source, ext }) => (ext ? { value, source, ext } : { value, source })),
    message,
  };
}
