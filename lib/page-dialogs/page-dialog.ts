/**
 * The background's side of a dialog that opens over a web page on a click ("Save to Clio", "Add deadline"): where it
 * opens and what it opens with. Over the page where the extension may script it: the click is kept by tab, the
 * dialog's content script is injected, and the script's hand-off takes the click back (once) and gets the dialog's
 * one-time id. Elsewhere (browser pages, a page without a grant, a PDF viewer), in an extension window. Either way
 * the dialog's page reads what it opens with by that id, once (lib/storage/hand-offs.ts). The side panel's buttons
 * open the dialog for a matter over the active tab of their window.
 */
import { handOffs } from '../storage/hand-offs';

/** What the right-click knew (or the side panel's button: the active tab's address and title). */
export interface PageClick {
  pageUrl: string;
  pageTitle: string;
  selectionText: string;
  linkUrl?: string;
}

export interface DialogTab {
  id?: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/** The browser calls the hosting needs (one set for every dialog, built in the background's services). */
export interface PageDialogDeps {
  /** Adds a content script (`/content-scripts/<name>.js`) to the tab; false where nothing can be injected. */
  inject(tabId: number, file: string): Promise<boolean>;
  /** Opens an extension page (`/<page>.html?id=…`) in a small window of its own. */
  openWindow(path: string): Promise<void>;
  /** The active tab of a window (the side panel's buttons). */
  activeTab(windowId: number | undefined): Promise<DialogTab | undefined>;
}

/** The hosting of one dialog: `name` is its content script's (`save`) and its page is `<page>.html`. */
export function pageDialog<Click, Reading>(deps: PageDialogDeps, opts: { script: string; page: string }) {
  const clicks = handOffs<Click>(`${opts.script}-click`);
  const readings = handOffs<Reading>(`${opts.script}-reading`);
  const path = (id: string) => `/${opts.page}.html?id=${encodeURIComponent(id)}`;

  return {
    path,

    /**
     * Keeps `click` for the tab and injects the dialog's content script there; false (and nothing kept) where it
     * cannot go, and the caller opens the window instead.
     */
    async overPage(tab: DialogTab | undefined, click: Click): Promise<boolean> {
      if (tab?.id === undefined || tab.id < 0) return false;
      await clicks.keep(String(tab.id), click);
      if (await deps.inject(tab.id, `/content-scripts/${opts.script}.js`)) return true;
      await clicks.take(String(tab.id));
      return false;
    },

    /** The click kept for the tab whose content script now hands off, once; null when there is none. */
    clickOf: (tabId: number) => clicks.take(String(tabId)),

    /** Keeps what the dialog opens with under a new one-time id. */
    async keep(reading: Reading): Promise<string> {
      const id = crypto.randomUUID();
      await readings.keep(id, reading);
      return id;
    },

    /** The dialog, for the id `keep` answered, in an extension window. */
    openWindow: (id: string) => deps.openWindow(path(id)),

    /** What a dialog opened with, once; null for an unknown or used id. */
    reading: (id: string) => readings.take(id),

    /** The side panel's button: the active tab of its window, and the click that tab stands for (no selection). */
    async activeTab(windowId: number | undefined): Promise<{ tab: DialogTab | undefined; click: PageClick }> {
      const tab = await deps.activeTab(windowId);
      return { tab, click: { pageUrl: tab?.url ?? '', pageTitle: tab?.title ?? '', selectionText: '' } };
    },
  };
}

export type PageDialog<Click, Reading> = ReturnType<typeof pageDialog<Click, Reading>>;
