/**
 * What a page says about which matter it belongs to, read from its DOM for "Suggested for this page": the
 * email addresses (mailto: links, `Name <address>` and bare addresses in the text), the phone numbers (tel:
 * links and number-like runs in the text), identifier-like words that may be a matter's display number or a
 * client's reference (they hold a digit), and the title and headings (where client names and matter numbers
 * sit). Only reads; never writes to the page. Bounded work on any page: at most MAX_SIGNAL_TEXT characters of
 * text are scanned and each list is capped, so a 1 MB webmail page is read in a few milliseconds.
 * Matching them against the local index happens in the background (lib/matters/page-match.ts).
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
export const MAX_SIGNAL_EMAILS = 200;
export const MAX_SIGNAL_PHONES = 100;
export const MAX_SIGNAL_IDS = 300;
export const MAX_SIGNAL_HEADINGS = 30;
const MAX_HEADING_CHARS = 300;

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

/**
 * The page's text, one text node a line, up to `max` characters. Not `textContent` (which runs the text of
 * adjacent blocks together: "2024-CV-0113" + "Our file" → "2024-CV-0113Our file"), not `innerText` (layout).
 */
function textOf(root: Node, max: number): string {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let size = 0;
  for (let n = walker.nextNode(); n && size < max; n = walker.nextNode()) {
    if (SKIPPED.test(n.parentElement?.tagName ?? '')) continue;
    const v = n.nodeValue ?? '';
    if (!v.trim()) continue;
    parts.push(v);
    size += v.length + 1;
  }
  return parts.join('\n').slice(0, max);
}

/** The signals of `doc`, read once. */
export function readPageSignals(doc: Document): PageSignals {
  const title = (doc.title ?? '').slice(0, MAX_HEADING_CHARS);
  const headings = Array.from(doc.querySelectorAll('h1,h2,h3'))
    .slice(0, MAX_SIGNAL_HEADINGS)
    .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_HEADING_CHARS))
    .filter(Boolean);
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href^="mailto:" i],a[href^="tel:" i]')).slice(0, MAX_SIGNAL_EMAILS)) {
    const href = decodeURIComponentSafe((a.getAttribute('href') ?? '').replace(/^(?:mailto|tel):/i, '').split('?')[0]!);
    if (/^mailto:/i.test(a.getAttribute('href') ?? '')) collect(emails, href, EMAIL_RE, MAX_SIGNAL_EMAILS);
    else if (digitsIn(href) >= 6) phones.add(href.trim());
  }
  const ids = new Set<string>();
  for (const t of [title, ...headings]) collect(ids, t, ID_RE, MAX_SIGNAL_IDS, isId);
  const text = doc.body ? textOf(doc.body, MAX_SIGNAL_TEXT) : '';
  collect(emails, text, EMAIL_RE, MAX_SIGNAL_EMAILS);
  collect(phones, text, PHONE_RE, MAX_SIGNAL_PHONES, (s) => digitsIn(s) >= 7 && digitsIn(s) <= 15);
  collect(ids, text, ID_RE, MAX_SIGNAL_IDS, isId);
  return { url: doc.location?.href ?? doc.URL, title, headings, emails: [...emails], phones: [...phones], ids: [...ids] };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
