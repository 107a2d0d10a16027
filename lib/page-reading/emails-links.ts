/**
 * Email addresses and the page's mailto:/tel: links (pure, no DOM): validating and normalising an
 * address, reading the addresses of a structured value (a mailto: href, a JSON-LD or h-card email),
 * finding addresses in free text, and reading contact links into their addresses and phone numbers.
 * The name a mailto: link gives is a name heuristic and is read in names.ts.
 */
import type { CountryCode } from 'libphonenumber-js/core';
import { MAX_HREF_CHARS, MAX_LINK_TEXT_CHARS, MAX_LINKS } from './limits';
import { parseStructuredPhone } from './phones';
import type { FoundPhone } from './phones';
import { arr, collapse, str } from './text';

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
/** An address inside free text (global: reset lastIndex before exec loops). */
export const EMAIL_IN_TEXT_RE = new RegExp(String.raw`(?<![a-z0-9._%+'-])${EMAIL_BODY}(?![a-z0-9-])`, 'gi');
const EMAIL_EXACT_RE = new RegExp(String.raw`^${EMAIL_BODY}$`, 'i');
/** "To:", "Cc:", "Bcc:" lines of a pasted email: their addresses are usually the firm itself. */
export const RECIPIENT_LINE_RE = /^\s*(?:>\s*)*(?:to|cc|bcc)\s*:/i;

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
export function structuredEmails(raw: string): string[] {
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

/** The addresses in a piece of free text, in order. */
export function emailsInText(text: string): string[] {
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

/** The addresses in lines of free text, in order, with those on To:/Cc: lines (usually the firm itself) last. */
export function emailsInLines(lines: string[]): string[] {
  const first: string[] = [];
  const later: string[] = [];
  for (const line of lines) {
    const found = emailsInText(line);
    if (RECIPIENT_LINE_RE.test(line)) later.push(...found);
    else first.push(...found);
  }
  return [...first, ...later];
}

// ---------------------------------------------------------------------------------------
// mailto: / tel: links

/** One contact link of the page, read. */
export interface ContactLink {
  /** The href, trimmed and cut to MAX_HREF_CHARS. */
  href: string;
  /** The link's text, whitespace collapsed. */
  text: string;
  /** The valid addresses of a mailto: link; empty for tel: links. */
  emails: string[];
  /** The numbers of a tel:/callto: link; empty for mailto: links. */
  phones: FoundPhone[];
}

/** The mailto: and tel:/callto: links among `links` (untrusted), read in order; anything else is skipped. */
export function readContactLinks(links: unknown, country: CountryCode | undefined): ContactLink[] {
  const out: ContactLink[] = [];
  for (const link of arr<{ href?: unknown; text?: unknown }>(links, MAX_LINKS)) {
    if (!link || typeof link !== 'object') continue;
    const href = str(link.href, MAX_HREF_CHARS).trim();
    const text = collapse(str(link.text, MAX_LINK_TEXT_CHARS));
    if (/^mailto:/i.test(href)) {
      out.push({ href, text, emails: structuredEmails(href), phones: [] });
    } else if (/^(?:tel|callto):/i.test(href)) {
      const value = href.replace(/^callto:/i, 'tel:');
      out.push({ href, text, emails: [], phones: parseStructuredPhone(value, country) });
    }
  }
  return out;
}
