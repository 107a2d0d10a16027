/** The stored state the popup shows, read in one go before its first render and followed on every change. */
import { accountItem, type AccountState } from '@/lib/auth/account-item';
import { type PopupDraft, popupDraftItem } from '@/lib/drafts/drafts';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import { outboxViewItem } from '@/lib/outbox/outbox-store';
import { followItems, type Sources } from '@/lib/storage/follow';
import type { TimerState } from '@/lib/timer/model';
import { type AutoStop, autoStopItem } from '@/lib/timer/reminder-items';
import { type IdleSpan, idleItem, pausedTimersItem, timerItem } from '@/lib/timer/timer-items';

export interface PopupState {
  account: AccountState;
  draft: PopupDraft;
  timer: TimerState | null;
  paused: TimerState[];
  idle: IdleSpan | null;
  /** A timer the extension stopped by itself (a set time, away too long), to tell of. */
  autoStop: AutoStop | null;
  outbox: OutboxEntry[];
}

const ITEMS: Sources<PopupState> = {
  account: accountItem,
  draft: popupDraftItem,
  timer: timerItem,
  paused: pausedTimersItem,
  idle: idleItem,
  autoStop: autoStopItem,
  outbox: outboxViewItem,
};

/** Calls `onState` with the whole state once it is read, then again on every change. Returns the stop. */
export const followPopupState = (onState: (state: PopupState) => void, onError: (e: unknown) => void): (() => void) => followItems(ITEMS, onState, onError);
