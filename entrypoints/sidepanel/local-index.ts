/**
 * The side panel's own copy of the matter index, read from the extension's IndexedDB (which the
 * background keeps in sync), so a keystroke is answered without a message round trip. It opens from
 * the packed index the store keeps, in slices that leave the page free to paint and take keystrokes
 * (a keystroke typed meanwhile is answered once it is open), and follows each later sync in place.
 */
import { LiveIndex } from '@/lib/matters/live-index';
import { indexedDbMatterStore } from '@/lib/matters/matter-store-idb';
import { packedFromBlobSliced } from '@/lib/matters/search-packed';

const store = indexedDbMatterStore();
let opening: Promise<LiveIndex> | null = null;
let opened: LiveIndex | null = null;

/** Lets the page paint and take input between slices of work. */
const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** The index, opened once and then brought up to date with what the background wrote since (a sync's changes, in place). */
export function localIndex(): Promise<LiveIndex> {
  if (opened) return opened.catchUp().then(() => opened!);
  // Small slices: a page's worth of IndexedDB records, or of matters to index, is a task of a few ms.
  // A yield once open: the first keystroke's search (cold code, a one-letter query marking tens of thousands of
  // matters at 100,000) runs in a task of its own, not after the last slice of the opening.
  opening ??= LiveIndex.open(store, {
    pause: yieldToPage,
    chunkSize: 250,
    sliceSize: 250,
    unpack: (blob) => packedFromBlobSliced(blob, yieldToPage),
  }).then(
    async (live) => {
      await yieldToPage();
      opened = live;
      return live;
    },
    (e: unknown) => {
      opening = null;
      throw e;
    },
  );
  return opening;
}

/** The index once open, for answering a keystroke in the same task. */
export const loadedIndex = (): LiveIndex | null => opened;

/** A matter as the store holds it (every field), for a matter's detail. */
export const storedMatter = (id: number) => store.get(id);
