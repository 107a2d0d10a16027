/** Half-typed input of the popup, mirrored to storage so closing the popup loses nothing. */
import { defineItem } from './item';

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

/** Time entries typed in the side panel, by matter id, until saved: closing the panel loses nothing. */
export const panelEntryDraftsItem = defineItem<Record<string, TimeEntryDraft>>('local:panel-entry-drafts', { fallback: {}, version: 1 });

/** Nothing typed that would be lost (what the form leaves after a save). */
export function isBlankEntry(d: TimeEntryDraft): boolean {
  return !d.key && !d.duration.trim() && !d.note.trim();
}

let writes: Promise<unknown> = Promise.resolve();

/** Keeps (or, when blank, forgets) the panel's draft for a matter; writes run one after another. */
export function keepPanelEntryDraft(matterId: number, draft: TimeEntryDraft): Promise<void> {
  const write = writes.then(async () => {
    const { [String(matterId)]: _old, ...others } = await panelEntryDraftsItem.getValue();
    await panelEntryDraftsItem.setValue(isBlankEntry(draft) ? others : { ...others, [String(matterId)]: draft });
  });
  writes = write.catch(() => undefined);
  return write;
}
