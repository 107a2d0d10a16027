/**
 * LiveIndex over the matter store (fake-indexeddb): opened from every matter or from the packed
 * index and the changes after it, then following the store's writes in place.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LiveIndex } from '@/lib/matters/live-index';
import { indexedDbMatterStore } from '@/lib/matters/matter-store-idb';
import { matter } from './fixtures';

let n = 0;
const firm = (count: number) => Array.from({ length: count }, (_, i) => matter({ id: 1000 + i, description: `Matter ${i} alpha`, clientName: `Client ${i}` }));
const ids = (live: LiveIndex, q: string) =>
  live
    .search(q, { limit: 10_000 })
    .map((m) => m.id)
    .sort((a, b) => a - b);

describe('LiveIndex', () => {
  it('opens from every matter, a chunk at a time, pausing between slices', async () => {
    const store = indexedDbMatterStore(`live-${++n}`);
    await store.put(firm(2_500));
    let pauses = 0;
    const live = await LiveIndex.open(store, { chunkSize: 1_000, sliceSize: 400, pause: async () => void pauses++ });
    expect(live.size).toBe(2_500);
    expect(ids(live, 'client 1234')).toEqual([1234, 2234]); // the matter numbered 1234, and Client 1234's
    expect(pauses).toBe(5); // two slices of each full chunk, one of the last
  });

  it('follows writes in place; packed, a new reader opens it with the changes after it applied', async () => {
    const store = indexedDbMatterStore(`live-${++n}`);
    const ms = firm(300);
    await store.put(ms);
    const panel = await LiveIndex.open(store);

    await store.put([{ ...ms[5]!, description: 'Quixotic renamed' }, matter({ id: 5000, description: 'Brand new beta' })]);
    await store.remove([1010]);
    await panel.catchUp();
    expect(ids(panel, 'quixotic')).toEqual([1005]);
    expect(ids(panel, 'beta')).toEqual([5000]);
    expect(ids(panel, 'alpha')).not.toContain(1010);
    expect(panel.size).toBe(300);

    expect(await panel.packIfBehind(0)).toBe(true);
    expect(await store.log()).toMatchObject({ packedSeq: panel.seq });
    await store.put([{ ...ms[7]!, clientName: 'Ngozi Adeyemi' }]);
    const background = await LiveIndex.open(store);
    expect(background.size).toBe(300);
    expect(ids(background, 'adeyemi')).toEqual([1007]);
    expect(ids(background, 'quixotic')).toEqual([1005]);
    expect(await background.packIfBehind(5)).toBe(false); // one change since: not worth it
  });

  it('a reader whose changes were forgotten (a newer packed index) or whose store was cleared opens afresh', async () => {
    const store = indexedDbMatterStore(`live-${++n}`);
    const ms = firm(50);
    await store.put(ms);
    const panel = await LiveIndex.open(store);
    const background = await LiveIndex.open(store);
    await store.put([{ ...ms[0]!, description: 'Zephyr' }]);
    await background.packIfBehind(0); // forgets the change the panel has not seen
    await store.put([{ ...ms[1]!, description: 'Yonder' }]);
    await panel.catchUp();
    expect(ids(panel, 'zephyr')).toEqual([1000]);
    expect(ids(panel, 'yonder')).toEqual([1001]);

    await store.clear();
    await panel.catchUp();
    expect(panel.size).toBe(0);
    await store.put([matter({ id: 9, description: 'After sign-in' })]);
    await panel.catchUp();
    expect(ids(panel, 'after')).toEqual([9]);
  });
});
