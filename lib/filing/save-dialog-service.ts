/**
 * The background's side of the "Save to Clio" dialog: where it opens (a frame over the page that the `save`
 * content script mounts, or an extension window where nothing can be injected: lib/page-dialogs/page-dialog.ts),
 * what it opens with (the page's facts and what the right-click was on, under a one-time id), and the bytes a
 * document would be made of: a copy
 * of the page (built by the content script in the page, handed over once, only by the tab the id was made for) or
 * a PDF (the tab's or a link's, fetched here). The bytes wait in the extension's IndexedDB (bytes-store.ts); the
 * dialog follows their state (`copy`) while the person fills the form.
 */
import { appError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import { type DialogTab, type PageClick, type PageDialogDeps, pageDialog } from '../page-dialogs/page-dialog';
import { handOffs } from '../storage/hand-offs';
import { looksLikePdf, pdfFileName } from './pdf-source';
import { cleanSaveFacts, readingOf, readingOfClick, type SaveReading } from './save-reading';

/** What a document's bytes are doing while the dialog is open. `leftOut`: what the page copy could not keep. */
export type CopyState = { state: 'pending' } | { state: 'ready'; bytes: number; leftOut: string[] } | { state: 'failed'; message: string } | { state: 'none' };

/** The most a page copy may weigh when it crosses from the page (a larger one is refused at the dialog). */
export const MAX_PAGE_COPY_BYTES = 20 * 1024 * 1024;
/** How long the dialog's `copy` question waits for the bytes before it answers "still pending". */
const COPY_WAIT_MS = 20_000;
const COPY_POLL_MS = 150;

/** What the right-click knew (or the side panel's "Save this page"). */
export type SaveClick = PageClick;
export type SaveTab = DialogTab;

export interface SaveDialogDeps extends PageDialogDeps {
  /** Keeps a document's bytes under the dialog's id until they are filed or swept (bytes-store.ts). */
  keepBytes(id: string, bytes: Blob, meta: { contentType: string; filename: string }): Promise<void>;
  /** Fetches a PDF's bytes (checked to be a PDF, within the size cap). */
  fetchPdf(url: string): Promise<Blob>;
  /** Waits (the dialog's `copy` question polls the stored state). */
  sleep?(ms: number): Promise<void>;
}

interface ClickKept {
  click: SaveClick;
  pdfUrl: string | null;
  matter?: MatterRef;
}

const copyTabs = handOffs<number>('save-copy-tab');
const copies = handOffs<CopyState>('save-copy');

export function saveDialogService(deps: SaveDialogDeps) {
  const host = pageDialog<ClickKept, SaveReading>(deps, { script: 'save', page: 'save-window' });
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const fetchPdfInto = async (id: string, url: string) => {
    try {
      const blob = await deps.fetchPdf(url);
      await deps.keepBytes(id, blob, { contentType: 'application/pdf', filename: pdfFileName(url) });
      await copies.keep(id, { state: 'ready', bytes: blob.size, leftOut: [] });
    } catch (e) {
      await copies.keep(id, { state: 'failed', message: e instanceof Error && e.message ? e.message : t('pdfUnreachable', url) });
    }
  };

  const inWindow = async (reading: SaveReading) => {
    const id = await host.keep(reading);
    if (reading.source.kind === 'pdf') {
      await copies.keep(id, { state: 'pending' });
      void fetchPdfInto(id, reading.source.url);
    } else await copies.keep(id, { state: 'none' });
    await host.openWindow(id);
  };

  /** A click on "Save to Clio matter…" (or the side panel's "Save this page", with its matter): opens the dialog. */
  const open = async (click: SaveClick, tab: SaveTab | undefined, matter?: MatterRef): Promise<void> => {
    const tabPdf = looksLikePdf(tab?.url) ? tab!.url! : null;
    const pdfUrl = looksLikePdf(click.linkUrl) ? click.linkUrl! : tabPdf;
    // A PDF open in the tab is shown by the browser's viewer, which takes no script: the window, at once.
    if (!tabPdf && (await host.overPage(tab, { click, pdfUrl, ...(matter ? { matter } : {}) }))) return;
    await inWindow(readingOfClick({ ...click, pageTitle: click.pageTitle || tab?.title || '' }, pdfUrl, matter));
  };

  return {
    open,

    /**
     * The side panel's "Save this page" for `matter`: the dialog over the window's active tab. A click in the panel
     * grants no access to the page, so where the extension may not script it the dialog opens in a window, saying
     * that a right-click on the page copies it.
     */
    async openOnActiveTab(windowId: number | undefined, matter: MatterRef): Promise<void> {
      const { tab, click } = await host.activeTab(windowId);
      await open(click, tab, matter);
    },

    /** From the `save` content script: what it read of its page; answers the dialog's id and whether to copy the page. */
    async handOff(raw: unknown, tab: SaveTab | undefined): Promise<{ id: string; copy: boolean }> {
      if (tab?.id === undefined) throw appError('bad-request', t('saveRightClickAgain', t('menuFileToMatter')));
      const kept = await host.clickOf(tab.id);
      const facts = cleanSaveFacts(raw);
      if (kept) {
        facts.pageTitle ||= kept.click.pageTitle;
        facts.selection ||= kept.click.selectionText.trim();
      }
      const pdfUrl = kept?.pdfUrl ?? null;
      const reading = readingOf(facts, {
        ...(tab.windowId !== undefined ? { windowId: tab.windowId } : {}),
        ...(pdfUrl ? { pdfUrl } : {}),
        ...(kept?.matter ? { matter: kept.matter } : {}),
      });
      const id = await host.keep(reading);
      await copies.keep(id, { state: 'pending' });
      if (pdfUrl) void fetchPdfInto(id, pdfUrl);
      else await copyTabs.keep(id, tab.id);
      return { id, copy: !pdfUrl };
    },

    /** The reading a dialog opened with, once; null for an unknown or used id. */
    reading: host.reading,

    /** From the `save` content script: its page's copy, accepted once and only from the tab the id was made for. */
    async pageCopy(req: { id: string; html?: unknown; leftOut?: unknown; failed?: unknown }, tab: SaveTab | undefined): Promise<void> {
      const owner = await copyTabs.take(req.id);
      if (owner === null || owner !== tab?.id) throw appError('forbidden', t('saveRightClickAgain', t('menuFileToMatter')));
      if (typeof req.html !== 'string' || req.failed) {
        await copies.keep(req.id, { state: 'failed', message: t('pageCopyFailed') });
        return;
      }
      const blob = new Blob([req.html], { type: 'text/html' });
      if (blob.size > MAX_PAGE_COPY_BYTES) {
        await copies.keep(req.id, { state: 'failed', message: t('pageCopyTooBig', String(Math.round(MAX_PAGE_COPY_BYTES / 1048576))) });
        return;
      }
      const leftOut = Array.isArray(req.leftOut) ? req.leftOut.filter((x): x is string => typeof x === 'string').slice(0, 20) : [];
      try {
        await deps.keepBytes(req.id, blob, { contentType: 'text/html', filename: 'page.html' });
        await copies.keep(req.id, { state: 'ready', bytes: blob.size, leftOut });
      } catch (e) {
        await copies.keep(req.id, { state: 'failed', message: e instanceof Error && e.message ? e.message : t('pageCopyFailed') });
      }
    },

    /** The state of the dialog's bytes, once it is no longer pending (or after a wait, still pending). */
    async copy(id: string): Promise<CopyState> {
      for (let waited = 0; ; waited += COPY_POLL_MS) {
        const s = (await copies.peek(id)) ?? { state: 'none' as const };
        if (s.state !== 'pending' || waited >= COPY_WAIT_MS) return s;
        await sleep(COPY_POLL_MS);
      }
    },
  };
}

export type SaveDialogService = ReturnType<typeof saveDialogService>;
