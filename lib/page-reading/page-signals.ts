/**
 * What a page says about which matter it belongs to, read from its DOM for "Suggested for this page": the
 * email addresses (mailto: links, `Name <address>` and bare addresses in the text), the phone numbers (tel:
 * links and number-like runs in the text), identifier-like words that may be a matter's display number or a
 * client's reference (they hold a digit), and the title and headings (where client names and matter numbers
 * sit). Only reads; never writes to the page. Bounded work on any page: each list holds as many as the lookup
 * asks (lib/suggestions/page-match.ts, `queryOf`), in page order, and the text is read a chunk at a time
 * (TEXT_CHUNK) only until every list is full, at most MAX_SIGNAL_TEXT characters of it. Matching them against
 * the local index happens in the background (lib/suggestions/page-match.ts).
 */

/** What the background matches against the matter index. Untrusted: it comes from a page. */
export interface PageSignals {
  url: string;
  title: string;
  /** The text of the page's h1–h3 headings, in order. */
  headings: string[];
  /** Email addresses, as written (mailto: links first). */
  emails: string[];
  /** Phone numbers, as written (tel: links first). */
  phones: string[];
  /** Words holding a digit ("00042-Okafor", "REF-2291", "2024-CV-0113"), the title's and headings' first. */
  ids: string[];
}

export const MAX_SIGNAL_TEXT = 1_000_000;
/** The lookup asks for the first 40 emails and 60 identifiers (queryOf), and 20 distinct phones once normalised. */
export const MAX_SIGNAL_EMAILS = 40;
export const MAX_SIGNAL_PHONES = 40;
export const MAX_SIGNAL_IDS = 60;
export const MAX_SIGNAL_HEADINGS = 30;
const MAX_HEADING_CHARS = 300;
/** mailto: and tel: links read, at most. */
const MAX_LINKS = 200;
/**
 * Text nodes are joined (one a line) into chunks of about this many characters, each matched before the next is
 * read: a number written across inline elements ("+1 (312)" "555-1000") is still one phone inside a chunk (not
 * across a chunk's edge), and a page whose lists fill early is not read to its end (of the bench's 1 MB webmail
 * page, 32 kB).
 */
const TEXT_CHUNK = 8_000;

const EMAIL_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** A run that may be a phone number: an optional + or 00, then 7+ digits with spaces, dots, dashes, brackets. */
const PHONE_RE = /(?:\+|\b00)?\(?\d[\d\s().\u2010-\u2013-]{5,20}\d/g;
/** Words joined by - . / _ ("00042-Okafor", "REF-2291", "2024-CV-0113"); kept when they hold a digit (isId). */
const ID_RE = /[A-Za-z0-9]+(?:[-./_][A-Za-z0-9]+)*/g;

function collect(into: Set<string>, text: string, re: RegExp, max: number, keep: (s: string) => boolean = () => true): void {
  if (into.size >= max) return;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (keep(s)) into.add(s);
    if (into.size >= max) return;
  }
}

const digitsIn = (s: string) => s.replace(/\D/g, '').length;
const isId = (s: string) => s.length >= 3 && s.length <= 40 && /\d/.test(s);
/** The identifier-like words of a text (what `ids` holds). */
export function idsIn(text: string): string[] {
  return (text.match(ID_RE) ?? []).filter(isId);
}

const SKIPPED = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;

/** The lists read so far, each in page order. */
interface Found {
  emails: Set<string>;
  phones: Set<string>;
  ids: Set<string>;
}

const full = (f: Found) => f.emails.size >= MAX_SIGNAL_EMAILS && f.phones.size >= MAX_SIGNAL_PHONES && f.ids.size >= MAX_SIGNAL_IDS;

/** Adds what `text` holds to the lists not yet full (an address needs an @, a phone or an identifier a digit). */
function collectText(f: Found, text: string): void {
  if (text.includes('@')) collect(f.emails, text, EMAIL_RE, MAX_SIGNAL_EMAILS);
  if (!/\d/.test(text)) return;
  collect(f.phones, text, PHONE_RE, MAX_SIGNAL_PHONES, (s) => digitsIn(s) >= 7 && digitsIn(s) <= 15);
  collect(f.ids, text, ID_RE, MAX_SIGNAL_IDS, isId);
}

/**
 * Reads the text under `root` into the lists, one text node a line (not `textContent`, which runs the text of
 * adjacent blocks together: "2024-CV-0113" + "Our file" → "2024-CV-0113Our file"; not `innerText`, which lays the
 * page out), a chunk at a time, until the lists are full or MAX_SIGNAL_TEXT characters are read.
 */
function readText(root: Node, f: Found): void {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let parts: string[] = [];
  let chunk = 0;
  let size = 0;
  for (let n = walker.nextNode(); n && size < MAX_SIGNAL_TEXT; n = walker.nextNode()) {
    if (SKIPPED.test(n.parentElement?.tagName ?? '')) continue;
    const v = (n as Text).data;
    if (!v.trim()) continue;
    const kept = v.length > MAX_SIGNAL_TEXT - size ? v.slice(0, MAX_SIGNAL_TEXT - size) : v;
    parts.push(kept);
    size += v.length + 1;
    chunk += kept.length + 1;
    if (chunk < TEXT_CHUNK) continue;
    collectText(f, parts.join('\n'));
    parts = [];
    chunk = 0;
    if (full(f)) return;
  }
  if (parts.length) collectText(f, parts.join('\n'));
}

/** The signals of `doc`, read once. */
export function readPageSignals(doc: Document): PageSignals {
  const title = (doc.title ?? '').slice(0, MAX_HEADING_CHARS);
  const headings = Array.from(doc.querySelectorAll('h1,h2,h3'))
    .slice(0, MAX_SIGNAL_HEADINGS)
    .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_HEADING_CHARS))
    .filter(Boolean);
  const f: Found = { emails: new Set(), phones: new Set(), ids: new Set() };
  for (const a of Array.from(doc.querySelectorAll('a[href^="mailto:" i],a[href^="tel:" i]')).slice(0, MAX_LINKS)) {
    const raw = a.getAttribute('href') ?? '';
    const href = decodeURIComponentSafe(raw.replace(/^(?:mailto|tel):/i, '').split('?')[0]!);
    if (/^mailto:/i.test(raw)) collect(f.emails, href, EMAIL_RE, MAX_SIGNAL_EMAILS);
    else if (digitsIn(href) >= 6 && f.phones.size < MAX_SIGNAL_PHONES) f.phones.add(href.trim());
  }
  for (const t of [title, ...headings]) collect(f.ids, t, ID_RE, MAX_SIGNAL_IDS, isId);
  if (doc.body) readText(doc.body, f);
  return { url: doc.location?.href ?? doc.URL, title, headings, emails: [...f.emails], phones: [...f.phones], ids: [...f.ids] };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
