/**
 * What this browser keeps for the signed-in Clio user: every item declared `perUser` (the timer, the
 * popup's and the side panel's half-typed entries, recent matters, and whatever later features add).
 * When another user signs in, the previous user's are put aside: never shown to the new user, never
 * stopped or sent as them; they come back when that user signs in again.
 */
import { defineItem, perUserItems } from './item';

/** Whose state is the one in storage (Clio origin # user id). */
const stateOwnerItem = defineItem<string | null>('local:state-owner', { fallback: null });
/** Other users' state: owner → item key → value. */
const asideItem = defineItem<Record<string, Record<string, unknown>>>('local:user-state-aside', { fallback: {} });

/** Whose browser state is on show (Clio origin # user id): the last user who signed in, even once signed out. */
export const stateOwner = (): Promise<string | null> => stateOwnerItem.getValue();

export async function showUserStateOf(owner: string): Promise<void> {
  const previous = await stateOwnerItem.getValue();
  if (previous === owner) return;
  // No owner yet (the first sign-in, or state kept before owners were recorded): it is this user's.
  if (previous !== null) {
    const { [owner]: mine = {}, ...others } = await asideItem.getValue();
    const leaving: Record<string, unknown> = {};
    for (const [key, { item, mode }] of perUserItems()) if (mode === 'keep') leaving[key] = await item.getValue();
    await asideItem.setValue({ ...others, [previous]: leaving });
    for (const [key, { item, mode }] of perUserItems()) {
      if (mode === 'keep' && mine[key] !== undefined) await item.setValue(mine[key]);
      else await item.remove(); // 'reset' items (idle time, when Clio was last asked) start afresh
    }
  }
  await stateOwnerItem.setValue(owner);
}
