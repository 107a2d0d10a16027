/** Half-typed input of the popup, mirrored to storage so closing the popup loses nothing. */
import { browser } from 'wxt/browser';
import { defineItem } from '../storage/item';

import type { MatterRef } from '../matter-ref';

export interface TimerDraft {
  matter: MatterRef | null;
  note: string;
  activityDescriptionId: number | null;
}

export interface TimeEntryDraft {
  /** Names this entry in the outbox once saving began: saving again (after the popup closed mid-save) sends it once. */
  key?: string;
  matter: MatterRef | null;
  date: string;
  duration: string;
  note: string;
  activityDescriptionId: number | null;
  nonBillable: boolean;
}

export interface PopupDraft {
  tab: 'timer' | 'entry' | 'today';
  timer: TimerDraft;
  entry: TimeEntryDraft;
}

export const EMPTY_DRAFT: PopupDraft = {
  tab: 'timer',
  timer: { matter: null, note: '', activityDescriptionId: null },
  entry: { matter: null, date: '', duration: '', note: '', activityDescriptionId: null, nonBillable: false },
};

export const popupDraftItem = defineItem<PopupDraft>('local:popup-draft', { fallback: EMPTY_DRAFT, version: 1 });

const PANEL_DRAFT_PREFIX = 'panel-entry-draft:';

/**
 * Time typed in the side panel's "Log time" form for one matter, until saved: closing the panel loses
 * nothing. One key per matter, so two panels (two windows) never write over each other's drafts.
 */
export const panelEntryDraftItem = (matterId: number) =>
  defineItem<TimeEntryDraft | null>(`local:${PANEL_DRAFT_PREFIX}${matterId}`, { fallback: null, version: 1 });

/** What the time-entry form keeps of an entry once it is saved: matter, date, activity; no save key. */
export function afterSave(d: TimeEntryDraft): TimeEntryDraft {
  const { key: _saved, ...rest } = d;
  return { ...rest, duration: '', note: '' };
}

/** Nothing typed that would be lost (what `afterSave` leaves). */
export function isBlankEntry(d: TimeEntryDraft): boolean {
  return !d.key && !d.duration.trim() && !d.note.trim();
}

/** Every kept side-panel draft, by storage key. */
export async function panelEntryDrafts(): Promise<Record<string, TimeEntryDraft>> {
  const all = await browser.storage.local.get(null);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(PANEL_DRAFT_PREFIX))) as Record<string, TimeEntryDraft>;
}

/** Puts `drafts` (from `panelEntryDrafts`) in place of every kept side-panel draft. */
export async function replacePanelEntryDrafts(drafts: Record<string, TimeEntryDraft>): Promise<void> {
  await browser.storage.local.remove(Object.keys(await panelEntryDrafts()));
  if (Object.keys(drafts).length) await browser.storage.local.set(drafts);
}

/** Keeps the panel's draft for a matter, or forgets it once blank. */
export function keepPanelEntryDraft(matterId: number, draft: TimeEntryDraft): Promise<void> {
  const item = panelEntryDraftItem(matterId);
  return isBlankEntry(draft) ? item.remove() : item.setValue(draft);
}

/**
 * Once the background holds a save, no draft may offer it again: a surface closed before the answer
 * came would otherwise reopen with the entry filled in, and a second "Save" would bill the time twice.
 */
export async function forgetDraftsSavedAs(key: string): Promise<void> {
  const all = await panelEntryDrafts();
  const saved = Object.keys(all).filter((k) => all[k]?.key === key);
  if (saved.length) await browser.storage.local.remove(saved);
  const popup = await popupDraftItem.getValue();
  if (popup.entry.key === key) await popupDraftItem.setValue({ ...popup, entry: afterSave(popup.entry) });
}
