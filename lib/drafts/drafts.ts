/**
 * Half-typed input of the popup and the side panel, kept so closing a surface loses nothing: the shapes,
 * the items the surfaces read, and the rules of what a saved entry leaves behind. Pure but for the item
 * declarations. The one writer of these items is draft-keeper.ts, in the background.
 */
import type { MatterRef } from '../matter-ref';
import { defineItem } from '../storage/item';

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

export interface ExpenseDraft {
  /** Names this expense in the outbox once saving began (as for a time entry). */
  key?: string;
  matter: MatterRef | null;
  date: string;
  /** As typed: "$12.50", "12,50". */
  amount: string;
  /** As typed; empty is 1. */
  quantity: string;
  categoryId: number | null;
  note: string;
  nonBillable: boolean;
}

export interface PopupDraft {
  tab: 'timer' | 'entry' | 'expense' | 'today';
  timer: TimerDraft;
  entry: TimeEntryDraft;
  /** Absent in drafts kept before expenses existed: read it as EMPTY_EXPENSE. */
  expense?: ExpenseDraft;
}

export const EMPTY_EXPENSE: ExpenseDraft = { matter: null, date: '', amount: '', quantity: '', categoryId: null, note: '', nonBillable: false };

export const EMPTY_DRAFT: PopupDraft = {
  tab: 'timer',
  timer: { matter: null, note: '', activityDescriptionId: null },
  entry: { matter: null, date: '', duration: '', note: '', activityDescriptionId: null, nonBillable: false },
};

export const popupDraftItem = defineItem<PopupDraft>('local:popup-draft', { fallback: EMPTY_DRAFT, perUser: 'keep' });

/** Time typed in the side panel's "Log time" form, by matter id, until saved. */
export const panelDraftsItem = defineItem<Record<string, TimeEntryDraft>>('local:panel-entry-drafts', { fallback: {}, perUser: 'keep' });

/** What the time-entry form keeps of an entry once it is saved: matter, date, activity; no save key. */
export function afterSave(d: TimeEntryDraft): TimeEntryDraft {
  const { key: _saved, ...rest } = d;
  return { ...rest, duration: '', note: '' };
}

/** Nothing typed that would be lost (what `afterSave` leaves). */
export function isBlankEntry(d: TimeEntryDraft): boolean {
  return !d.key && !d.duration.trim() && !d.note.trim();
}

/** The side-panel drafts with `draft` kept for `matterId`, or without it once blank. Pure. */
export function withPanelDraft(all: Record<string, TimeEntryDraft>, matterId: number, draft: TimeEntryDraft): Record<string, TimeEntryDraft> {
  const { [String(matterId)]: _old, ...others } = all;
  return isBlankEntry(draft) ? others : { ...others, [String(matterId)]: draft };
}

/** What the expense form keeps once an expense is saved: matter, date, category; no save key. */
export function afterExpenseSave(d: ExpenseDraft): ExpenseDraft {
  const { key: _saved, ...rest } = d;
  return { ...rest, amount: '', quantity: '', note: '', nonBillable: false };
}

/** The drafts once a save made under `key` is held: panel drafts carrying it are gone, the popup's is `afterSave`d. Pure. */
export function withoutSaved(
  popup: PopupDraft,
  panel: Record<string, TimeEntryDraft>,
  key: string,
): { popup: PopupDraft; panel: Record<string, TimeEntryDraft> } {
  return {
    popup:
      popup.entry.key === key
        ? { ...popup, entry: afterSave(popup.entry) }
        : popup.expense?.key === key
          ? { ...popup, expense: afterExpenseSave(popup.expense) }
          : popup,
    panel: Object.fromEntries(Object.entries(panel).filter(([, d]) => d.key !== key)),
  };
}
