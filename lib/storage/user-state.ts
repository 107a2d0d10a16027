/**
 * What this browser keeps for the signed-in Clio user: the timer, the popup's and the side panel's
 * half-typed entries and the recent matters. When another user signs in, the previous user's are put
 * aside: never shown to the new user, never stopped or sent as them; they come back when that user
 * signs in again.
 */
import type { MatterRef } from '../matter-ref';
import type { TimerState } from '../timer/model';
import { idleItem, recentMattersItem, timerCheckedAtItem, timerItem } from '../timer/timer-items';
import { EMPTY_DRAFT, panelEntryDrafts, popupDraftItem, replacePanelEntryDrafts, type PopupDraft, type TimeEntryDraft } from '../drafts/drafts';
import { defineItem } from './item';

interface UserState {
  timer: TimerState | null;
  draft: PopupDraft;
  recent: MatterRef[];
  panelDrafts: Record<string, TimeEntryDraft>;
}

/** Whose state is the one in storage (Clio origin # user id). */
const stateOwnerItem = defineItem<string | null>('local:state-owner', { fallback: null, version: 1 });
const asideItem = defineItem<Record<string, UserState>>('local:user-state-aside', { fallback: {}, version: 1 });

export async function showUserStateOf(owner: string): Promise<void> {
  const previous = await stateOwnerItem.getValue();
  if (previous === owner) return;
  // No owner yet (the first sign-in, or state kept before owners were recorded): it is this user's.
  if (previous !== null) {
    const { [owner]: mine, ...others } = await asideItem.getValue();
    const leaving: UserState = {
      timer: await timerItem.getValue(),
      draft: await popupDraftItem.getValue(),
      recent: await recentMattersItem.getValue(),
      panelDrafts: await panelEntryDrafts(),
    };
    await asideItem.setValue({ ...others, [previous]: leaving });
    await timerItem.setValue(mine?.timer ?? null);
    await idleItem.setValue(null); // idle time belonged to the timer put aside (which keeps it)
    await timerCheckedAtItem.setValue(0); // ask Clio about this user's timer on the next look
    await popupDraftItem.setValue(mine?.draft ?? EMPTY_DRAFT);
    await recentMattersItem.setValue(mine?.recent ?? []);
    await replacePanelEntryDrafts(mine?.panelDrafts ?? {});
  }
  await stateOwnerItem.setValue(owner);
}
