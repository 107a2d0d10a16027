/**
 * The background's side of the "Add deadline" dialog, hosted like "Save to Clio" (lib/page-dialogs/page-dialog.ts):
 * a frame over the page that the `deadline` content script mounts, or an extension window. It opens with what the
 * click gives (the selection, the page's address and title; a matter from the side panel), nothing read from the
 * page beyond that: the dialog's page reads the date from the selection itself.
 */
import { appError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import { type DialogTab, type PageClick, type PageDialogDeps, pageDialog } from '../page-dialogs/page-dialog';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from '../page-reading/limits';

/** The most of a selection the dialog reads a date from (a docket entry, a paragraph of a letter). */
export const MAX_DEADLINE_SELECTION = 2_000;

/** What the "Add deadline" dialog opens with. */
export interface DeadlineDialogReading {
  pageUrl: string;
  pageTitle: string;
  /** The selected words the date is read from (empty from the side panel). */
  selection: string;
  /** The browser window of the page (for "Suggested for this page"), when the dialog is over the page. */
  windowId?: number;
  /** The matter the dialog was opened for (the side panel's "Add deadline"). */
  matter?: MatterRef;
}

/** The reading for a click: strings cut to their limits. */
export function deadlineReadingOf(click: PageClick, tab: DialogTab | undefined, matter?: MatterRef): DeadlineDialogReading {
  return {
    pageUrl: (click.pageUrl || tab?.url || '').slice(0, MAX_URL_CHARS),
    pageTitle: (click.pageTitle || tab?.title || '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS),
    selection: click.selectionText.trim().slice(0, MAX_DEADLINE_SELECTION),
    ...(matter ? { matter } : {}),
  };
}

export function deadlineDialogService(deps: PageDialogDeps) {
  const host = pageDialog<DeadlineDialogReading, DeadlineDialogReading>(deps, { script: 'deadline', page: 'deadline-window' });

  /** A click on "Add to Clio as deadline…" (or the side panel's "Add deadline", with its matter): opens the dialog. */
  const open = async (click: PageClick, tab: DialogTab | undefined, matter?: MatterRef): Promise<void> => {
    const reading = deadlineReadingOf(click, tab, matter);
    if (await host.overPage(tab, reading)) return;
    await host.openWindow(await host.keep(reading));
  };

  return {
    open,

    /** The side panel's "Add deadline" for `matter`: the dialog over the window's active tab (or in a window). */
    async openOnActiveTab(windowId: number | undefined, matter: MatterRef): Promise<void> {
      const { tab, click } = await host.activeTab(windowId);
      await open(click, tab, matter);
    },

    /** From the `deadline` content script, which reads nothing: the dialog's one-time id for the click on its tab. */
    async handOff(tab: DialogTab | undefined): Promise<{ id: string }> {
      const kept = tab?.id === undefined ? null : await host.clickOf(tab.id);
      if (!kept) throw appError('bad-request', t('deadlineRightClickAgain', t('menuAddDeadline')));
      return { id: await host.keep({ ...kept, ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}) }) };
    },

    /** The reading a dialog opened with, once; null for an unknown or used id. */
    reading: host.reading,
  };
}

export type DeadlineDialogService = ReturnType<typeof deadlineDialogService>;
