/** The stored state the popup shows, as signals: it paints from storage at once and follows every change. */
import { useEffect, useMemo } from 'preact/hooks';
import { storedSignal } from '@/components/use-stored';
import type { OutboxEntry } from '@/lib/outbox/machine';
import { popupDraftItem } from '@/lib/storage/drafts';
import { accountItem } from '@/lib/storage/items';
import { storageOutboxStore } from '@/lib/storage/outbox-store';
import { idleItem, recentMattersItem, timerItem } from '@/lib/timer/items';

export function usePopupState() {
  const s = useMemo(
    () => ({
      account: storedSignal(accountItem),
      draft: storedSignal(popupDraftItem),
      timer: storedSignal(timerItem),
      idle: storedSignal(idleItem),
      recent: storedSignal(recentMattersItem),
      outbox: storedSignal(storageOutboxStore<OutboxEntry>().item),
    }),
    [],
  );
  useEffect(() => () => Object.values(s).forEach((x) => x.stop()), [s]);
  return {
    account: s.account.value,
    draft: s.draft.value,
    timer: s.timer.value,
    idle: s.idle.value,
    recent: s.recent.value,
    outbox: s.outbox.value,
  };
}
