import type { MatterRef } from '../matter-ref';
import { defineItem } from '../storage/item';
import { MAX_PINNED } from './pinned-order';
import type { SyncStatus } from './matter-service';

/** The sync's progress and freshness, for the side panel ("Syncing 1,200 of 3,000 matters"). */
export const matterSyncItem = defineItem<SyncStatus>('local:matter-sync', {
  fallback: { running: false, fetched: 0, total: null, lastSyncAt: null, ready: false },
});

/** A query handed to the side panel (the `search-matters` menu item); extension pages only. */
export const panelQueryItem = defineItem<{ query: string; at: number } | null>('session:panel-query', { fallback: null });

/** The conflict check the `check-conflicts` menu item hands to the side panel (a panel opened after the click, or already open). */
export const panelConflictItem = defineItem<{ query: string; at: number } | null>('session:panel-conflict', { fallback: null });

/** Matters the user pinned, in the order pinned: first in every Matter picker, after the page's suggestions. Written by the background (`matters/pin`). */
export const pinnedMattersItem = defineItem<MatterRef[]>('local:pinned-matters', { fallback: [], perUser: 'keep' });

/** Pins a matter (last in the pinned list) or unpins it; at most `MAX_PINNED`, the oldest pin going first. */
export async function setPinned(matter: MatterRef, pinned: boolean): Promise<MatterRef[]> {
  const now = await pinnedMattersItem.getValue();
  const others = now.filter((m) => m.id !== matter.id);
  const next = pinned ? [...others, matter].slice(-MAX_PINNED) : others;
  await pinnedMattersItem.setValue(next);
  return next;
}
