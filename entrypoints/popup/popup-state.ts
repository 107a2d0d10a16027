/**
 * The stored state the popup shows, read in one go before its first render (one render, not one per
 * item as each answers) and followed on every change from any surface or the background.
 */
import type { OutboxEntry } from '@/lib/outbox/machine';
import { popupDraftItem, type PopupDraft } from '@/lib/drafts/drafts';
import { getValues, type StorageItem } from '@/lib/storage/item';
import { accountItem, type AccountState } from '@/lib/auth/account-item';
import { storageOutboxStore } from '@/lib/outbox/outbox-store';
import type { TimerState } from '@/lib/timer/model';
import { idleItem, timerItem, type IdleSpan } from '@/lib/timer/timer-items';

export interface PopupState {
  account: AccountState;
  draft: PopupDraft;
  timer: TimerState | null;
  idle: IdleSpan | null;
  outbox: OutboxEntry[];
}

const ITEMS: { [K in keyof PopupState]: StorageItem<PopupState[K]> } = {
  account: accountItem,
  draft: popupDraftItem,
  timer: timerItem,
  idle: idleItem,
  outbox: storageOutboxStore<OutboxEntry>().item,
};

/** Calls `onState` with the whole state once it is read, then again on every change. Returns the stop. */
export function followPopupState(onState: (state: PopupState) => void, onError: (e: unknown) => void): () => void {
  const keys = Object.keys(ITEMS) as Array<keyof PopupState>;
  let state: PopupState | undefined;
  // Changes that arrive while the first read is under way win over what it answers.
  const early: Partial<PopupState> = {};
  const stops = keys.map((key) =>
    ITEMS[key].watch((value) => {
      if (!state) Object.assign(early, { [key]: value });
      else onState((state = { ...state, [key]: value }));
    }),
  );
  getValues<PopupState>(ITEMS).then((values) => onState((state = { ...values, ...early })), onError);
  return () => {
    for (const stop of stops) stop();
  };
}
