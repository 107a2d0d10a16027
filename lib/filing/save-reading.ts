/**
 * What the "Save to Clio" dialog opens with, and how it is made from what the content script read and what the
 * right-click was on. Pure: the background's save-dialog service keeps a reading under the dialog's one-time id
 * (lib/storage/hand-offs.ts), and the dialog's page takes it once.
 */
import type { MatterRef } from '../matter-ref';
import { collapse, str } from '../page-reading/text';
import { MAX_BODY_CHARS, MAX_PARTY_TEXT, MAX_TITLE_CHARS, MAX_URL_CHARS } from '../page-reading/limits';
import { cleanFileName, pdfFileName } from './pdf-source';

/** What the content script read of its page (untrusted: it crosses from the page's tab). */
export interface SavePageFacts {
  pageUrl: string;
  pageTitle: string;
  /** The selection, as text. */
  selection: string;
  /** A readable excerpt of the page (its main text), for a communication's body when nothing is selected. */
  excerpt: string;
  /** Lines of the page's visible text near the top (email headers: "From: …", "To: …"). */
  headerText: string;
}

/** Where a document's bytes come from: a copy of the page, a PDF (the tab's or a link's), or nothing to file. */
export type SaveSource = { kind: 'page-copy' } | { kind: 'pdf'; url: string; fileName: string } | { kind: 'none' };

export interface SaveReading {
  pageUrl: string;
  pageTitle: string;
  selection: string;
  excerpt: string;
  /**
   * The text the dialog reads an email's senders and receivers from (mail-parties.ts `partiesOf`, run in the
   * dialog's page: they only fill its From and To fields, which the filing checks when they come back).
   */
  partyText: string;
  source: SaveSource;
  /** The browser window of the page (for "Suggested for this page"); absent in a window opened for a PDF tab. */
  windowId?: number;
  /** The matter the dialog was opened for (the side panel's "Save this page"). */
  matter?: MatterRef;
}

/** The facts as the background takes them: strings only, cut to their limits. */
export function cleanSaveFacts(raw: unknown): SavePageFacts {
  const r = (raw ?? {}) as Record<string, unknown>;
  return {
    pageUrl: str(r.pageUrl, MAX_URL_CHARS),
    pageTitle: collapse(str(r.pageTitle, MAX_TITLE_CHARS)),
    selection: str(r.selection, MAX_BODY_CHARS).trim(),
    excerpt: str(r.excerpt, MAX_BODY_CHARS).trim(),
    headerText: str(r.headerText, MAX_PARTY_TEXT),
  };
}

/** The reading for facts read from a page; `pdfUrl` when the right-click was on a link to a PDF. */
export function readingOf(facts: SavePageFacts, opts: { windowId?: number; pdfUrl?: string; matter?: MatterRef } = {}): SaveReading {
  return {
    pageUrl: facts.pageUrl,
    pageTitle: facts.pageTitle,
    selection: facts.selection,
    excerpt: facts.excerpt,
    partyText: `${facts.selection}\n${facts.headerText}`,
    source: opts.pdfUrl ? { kind: 'pdf', url: opts.pdfUrl, fileName: pdfFileName(opts.pdfUrl) } : { kind: 'page-copy' },
    ...(opts.windowId !== undefined ? { windowId: opts.windowId } : {}),
    ...(opts.matter ? { matter: opts.matter } : {}),
  };
}

/** The reading for a page nothing can be read from (a PDF tab, a browser page): what the click knew of it. */
export function readingOfClick(click: { pageUrl: string; pageTitle: string; selectionText: string }, pdfUrl: string | null, matter?: MatterRef): SaveReading {
  return {
    pageUrl: click.pageUrl,
    pageTitle: click.pageTitle || (pdfUrl ? pdfFileName(pdfUrl) : ''),
    selection: click.selectionText.slice(0, MAX_BODY_CHARS).trim(),
    excerpt: '',
    partyText: click.selectionText,
    source: pdfUrl ? { kind: 'pdf', url: pdfUrl, fileName: pdfFileName(pdfUrl) } : { kind: 'none' },
    ...(matter ? { matter } : {}),
  };
}

/** A document's name by default: the page's title (or the PDF's name) and the day it was saved. */
export function defaultDocumentName(reading: SaveReading, date: string): string {
  const base = reading.source.kind === 'pdf' ? reading.source.fileName.replace(/\.pdf$/i, '') : reading.pageTitle || hostOf(reading.pageUrl) || 'Page';
  return `${base.slice(0, 200)} (${date})`;
}

/** The file name a document is uploaded under (Clio keeps it beside the name). */
export function fileNameOf(name: string, source: 'page-copy' | 'pdf'): string {
  const base = cleanFileName(name).slice(0, 150) || 'document';
  return source === 'pdf' ? (/\.pdf$/i.test(base) ? base : `${base}.pdf`) : `${base}.html`;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};
