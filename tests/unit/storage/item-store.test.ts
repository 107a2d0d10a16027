import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexedDbItemStore } from '@/lib/storage/item-store';

describe('the items’ key-value store in IndexedDB', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('keeps one record per key, read back by a store opened afresh (a restarted worker)', async () => {
    await indexedDbItemStore().set({ timer: { note: 'x', recordedMs: Number.POSITIVE_INFINITY }, 'rate-limiter:grow': null });
    const again = indexedDbItemStore();
    expect(await again.get(['timer', 'missing'])).toEqual({ timer: { note: 'x', recordedMs: Number.POSITIVE_INFINITY } });
    expect(await again.get(null)).toEqual({ timer: { note: 'x', recordedMs: Number.POSITIVE_INFINITY }, 'rate-limiter:grow': null });
  });

  it('answers what a write replaced and what a removal forgot', async () => {
    const store = indexedDbItemStore();
    expect(await store.set({ a: 1 })).toEqual({});
    expect(await store.set({ a: 2, b: 3 })).toEqual({ a: 1 });
    expect(await store.remove(['a', 'c'])).toEqual({ a: 2 });
    expect(await store.get(null)).toEqual({ b: 3 });
  });

  it('writes all of a call or nothing of it', async () => {
    const store = indexedDbItemStore();
    await store.set({ a: 1 });
    await expect(store.set({ a: 2, b: () => 'not cloneable' })).rejects.toThrow();
    expect(await store.get(null)).toEqual({ a: 1 });
  });

  it('opens again when the browser closes its connection (its data cleared in DevTools)', async () => {
    const opened: IDBDatabase[] = [];
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      const req = open(...args);
      req.addEventListener('success', () => opened.push(req.result));
      return req;
    };
    const store = indexedDbItemStore();
    await store.set({ a: 1 });
    forceCloseDatabase(opened[0]! as never);
    expect(await store.get(['a'])).toEqual({ a: 1 });
    expect(opened).toHaveLength(2);
  });
});
