/**
 * The side panel's own copy of the matter index, read from the extension's IndexedDB (which the
 * background keeps in sync), so a keystroke is answered without a message round trip.
 */
import { indexedDbMatterStore } from '@/lib/matters/matter-store';
import { createMatterIndex, type MatterIndex } from '@/lib/matters/search';

const store = indexedDbMatterStore();
let current: { index: MatterIndex; loadedFor: number } | null = null;
let loading: Promise<MatterIndex> | null = null;

/** The index as of the sync that finished at `syncedAt`; reloaded when a newer sync finished. */
export function localIndex(syncedAt: number): Promise<MatterIndex> {
  if (current && current.loadedFor >= syncedAt) return Promise.resolve(current.index);
  return (loading ??= store
    .loadAll()
    .then((all) => {
      const index = createMatterIndex(all);
      current = { index, loadedFor: syncedAt };
      return index;
    })
    .finally(() => (loading = null)));
}

export const loadedIndex = (): MatterIndex | null => current?.index ?? null;
