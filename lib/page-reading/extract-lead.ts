/**
 * Lead extraction: turns the facts read from a web page (selection, nearby text, mailto:/tel: links,
 * JSON-LD, h-cards; see page-facts.ts) into candidate names, emails and phones for the "Capture as
 * Clio Grow lead" dialog, by composing the readers of this folder. Pure (no DOM, no I/O), never
 * throws, bounded work on any input (limits.ts). Nothing is invented: every candidate is text found
 * on the page, tagged with where it came from, best first (structured sources, then the selection,
 * then the context), each value once. An organisation's name (as the page's JSON-LD or cards give it) is
 * no person's name, whichever source offers it.
 */
import type { CountryCode } from 'libphonenumber-js/core';
import { emailsInLines, readContactLinks } from './emails-links';
import { MAX_CANDIDATES, MAX_DESCRIPTION_CHARS, MAX_MESSAGE_CHARS, MAX_SCAN_CHARS, MAX_SCAN_LINES, MAX_TITLE_CHARS, MAX_URL_CHARS } from './limits';
import { namesInText, namesOfMailtoLinks, toPersonName } from './names';
import type { PersonName } from './names';
import { findPhonesInText } from './phones';
import type { FoundPhone } from './phones';
import { readHCards, readJsonLd } from './structured-data';
import type { StructuredFinds } from './structured-data';
import { collapse, str } from './text';

export type { CountryCode } from 'libphonenumber-js/core';
export type { PersonName } from './names';

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

// ---------------------------------------------------------------------------------------
// Candidates: each value once, in the order first found, at most MAX_CANDIDATES of a kind

class Bucket<T> {
  readonly items: Array<Candidate<T> & { ext?: string }> = [];
  private readonly seen: Set<string>;
  /** `refused`: keys never taken (as if already seen). */
  constructor(
    private readonly keyOf: (v: T) => string,
    refused: Iterable<string> = [],
  ) {
    this.seen = new Set(refused);
  }
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

function addPhone(acc: Acc, p: FoundPhone, source: FieldSource): void {
  acc.phones.add(p.e164, source, p.ext);
}

function addFinds(acc: Acc, found: StructuredFinds, source: FieldSource): void {
  for (const n of found.names) acc.names.add(n, source);
  for (const e of found.emails) acc.emails.add(e, source);
  for (const p of found.phones) addPhone(acc, p, source);
}

// ---------------------------------------------------------------------------------------
// Sources

function fromLinks(links: unknown, acc: Acc): void {
  const read = readContactLinks(links, acc.country);
  for (const link of read) for (const e of link.emails) acc.emails.add(e, 'mailto-link');
  for (const n of namesOfMailtoLinks(read)) acc.names.add(n, 'mailto-link');
  for (const link of read) for (const p of link.phones) addPhone(acc, p, 'tel-link');
}

function cleanText(s: string): string {
  return s
    .slice(0, MAX_SCAN_CHARS)
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

function fromText(raw: string, source: FieldSource, acc: Acc): void {
  const text = cleanText(raw);
  if (!text.trim()) return;
  const lines = text.split('\n').slice(0, MAX_SCAN_LINES);
  for (const n of namesInText(text, lines, acc.country)) acc.names.add(n, source);
  for (const e of emailsInLines(lines)) acc.emails.add(e, source);
  for (const p of findPhonesInText(text, acc.country)) addPhone(acc, p, source);
}

// ---------------------------------------------------------------------------------------
// Message

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1); // don't split a surrogate pair
  return out;
}

function buildMessage(facts: Partial<PageFacts>): string {
  const selection = collapse(str(facts.selection, MAX_SCAN_CHARS * 2));
  if (selection) return truncate(selection, MAX_MESSAGE_CHARS);
  const parts = [collapse(str(facts.title, MAX_TITLE_CHARS)), str(facts.url, MAX_URL_CHARS).trim(), collapse(str(facts.description, MAX_DESCRIPTION_CHARS))];
  return truncate(parts.filter(Boolean).join('\n'), MAX_MESSAGE_CHARS);
}

// ---------------------------------------------------------------------------------------

const nameKey = (n: PersonName): string => `${n.first}\u0000${n.last}`.toLowerCase();

/**
 * Extracts lead candidates from page facts. Never throws; unknown fields stay empty.
 */
export function extractLead(facts: PageFacts, opts?: ExtractOptions): ExtractedLead {
  const f: Partial<PageFacts> = facts && typeof facts === 'object' ? facts : {};
  const country = typeof opts?.defaultCountry === 'string' ? opts.defaultCountry : 'US';
  const read = (reader: () => StructuredFinds): StructuredFinds => {
    try {
      return reader();
    } catch {
      return { names: [], emails: [], phones: [], orgs: [] };
    }
  };
  const jsonLd = read(() => readJsonLd(f.jsonLd, country));
  const hCards = read(() => readHCards(f.hCards, country));
  // An organisation's name is never a person's, wherever it appears (a signature, a heading, a link).
  const orgNames = [...jsonLd.orgs, ...hCards.orgs].flatMap((o) => {
    const n = toPersonName(o);
    return n ? [nameKey(n)] : [];
  });
  const acc: Acc = {
    names: new Bucket<PersonName>(nameKey, orgNames),
    emails: new Bucket<string>((e) => e),
    phones: new Bucket<string>((p) => p),
    country,
  };
  let message = '';
  try {
    message = buildMessage(f);
  } catch {
    message = '';
  }
  const steps: Array<() => void> = [
    () => fromLinks(f.links, acc),
    () => addFinds(acc, jsonLd, 'json-ld'),
    () => addFinds(acc, hCards, 'h-card'),
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
