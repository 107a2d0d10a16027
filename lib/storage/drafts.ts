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
