import { defineItem } from '../storage/item';
import type { SyncStatus } from './matter-service';

/** The sync's progress and freshness, for the side panel ("Syncing 1,200 of 3,000 matters"). */
export const matterSyncItem = defineItem<SyncStatus>('local:matter-sync', {
  fallback: { running: false, fetched: 0, total: null, lastSyncAt: null, ready: false },
});

/** A query handed to the side panel (the `search-matters` menu item); extension pages only. */
export const panelQueryItem = defineItem<{ query: string; at: number } | null>('session:panel-query', { fallback: null });

/** The conflict check the `check-conflicts` menu item hands to the side panel (a panel opened after the click, or already open). */
export const panelConflictItem = defineItem<{ query: string; at: number } | null>('session:panel-conflict', { fallback: null });
