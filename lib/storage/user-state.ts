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
/** Calls `cb` when another user's state comes on show; returns the function that stops watching. */
export const watchStateOwner = (cb: () => void): (() => void) => stateOwnerItem.watch(cb);

export async function showUserStateOf(owner: string): Promise<void> {
  const previous = await stateOwnerItem.getValue();
  if (previous === owner) return;
  const { [owner]: mine, ...others } = await asideItem.getValue();
  if (previous !== null) {
    // Another user's state goes aside for them.
    const leaving: Record<string, unknown> = {};
    for (const [key, { item, mode }] of perUserItems()) if (mode === 'keep') leaving[key] = await item.getValue();
    await asideItem.setValue({ ...others, [previous]: leaving });
  } else if (mine) {
    // Nobody's on show (the last user was forgotten): what was kept for this user comes back.
    await asideItem.setValue(others);
  }
  // With no owner on show and nothing kept for this user (the first sign-in, or state kept before owners
  // were recorded), what is stored is taken as theirs.
  if (previous !== null || mine) {
    for (const [key, { item, mode }] of perUserItems()) {
      if (mode === 'keep' && mine?.[key] !== undefined) await item.setValue(mine[key]);
      else await item.remove(); // 'reset' items (idle time, when Clio was last asked) start afresh
    }
  }
  await stateOwnerItem.setValue(owner);
}

/** What forgetting a user cleared, by item key (only items that held something). */
export type Forgotten = string[];

/**
 * Forgets everything this browser keeps for `owner`: every per-user item on show (when it is theirs) and
 * what was put aside for them. Other users' state stays aside for them.
 */
export async function forgetUserState(owner: string): Promise<Forgotten> {
  const cleared = new Set<string>();
  const { [owner]: theirs, ...others } = await asideItem.getValue();
  if (theirs) {
    for (const [key, value] of Object.entries(theirs)) if (heldSomething(key, value)) cleared.add(key);
    await asideItem.setValue(others);
  }
  if ((await stateOwnerItem.getValue()) === owner) {
    for (const [key, { item }] of perUserItems()) {
      if (heldSomething(key, await item.getValue())) cleared.add(key);
      await item.remove();
    }
    await stateOwnerItem.remove();
  }
  return [...cleared].sort();
}

/** Did the item `key` hold something (anything but what it reads as when nothing is stored)? */
const heldSomething = (key: string, value: unknown): boolean =>
  value !== undefined && value !== null && JSON.stringify(value) !== JSON.stringify(perUserItems().get(key)?.item.fallback);
