import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MATTER_FORMAT_VERSION, MATTER_SYNC_FIELDS } from '@/lib/matters/matter';
import { createMatterIndex } from '@/lib/matters/search';
import type { MatterStore } from '@/lib/matters/matter-store';
import { indexedDbMatterStore } from '@/lib/matters/matter-store-idb';
import { MatterSync, type SyncChanges, type SyncProgress } from '@/lib/matters/matter-sync';
import { clioMatter } from './fixtures';
import { FakeMatterSource } from './fake-source';

const T0 = Date.parse('2025-03-10T12:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** N matters updated one second apart, the last at T0 - 10 h + (N-1) s. */
function firm(n: number, updatedAt = T0 - 10 * HOUR) {
  return Array.from({ length: n }, (_, i) => clioMatter(100_001 + i, { updatedAt: iso(updatedAt + i * 1000) }));
}

let stores = 0;
/** A matter store of its own (fake-indexeddb). */
const freshStore = () => indexedDbMatterStore(`sync-test-${++stores}`);

function setup(n: number, store: MatterStore = freshStore()) {
  const source = new FakeMatterSource(firm(n));
  let clock = T0;
  const progress: SyncProgress[] = [];
  const changes: SyncChanges[] = [];
  const make = () => new MatterSync({ source, store, now: () => clock, userId: 1001, onProgress: (p) => progress.push(p), onChanges: (c) => changes.push(c) });
  return { source, store, progress, changes, sync: make(), make, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('MatterSync', () => {
  it('first sync: a full pass in ⌈N/200⌉ requests with progress after every page', async () => {
    const t = setup(1_234);
    const r = await t.sync.run();
    expect(r).toEqual({ kind: 'full', fetched: 1_234, removed: 0, requests: 7 });
    expect(t.source.requestCount).toBe(Math.ceil(1_234 / 200));
    expect(t.source.requests[0]!.params).toEqual({ fields: MATTER_SYNC_FIELDS, limit: 200, order: 'id(asc)' });
    expect(t.progress.map((p) => p.fetched)).toEqual([200, 400, 600, 800, 1_000, 1_200, 1_234]);
    expect(t.progress.every((p) => p.total === 1_234 && p.kind === 'full')).toBe(true);
    expect(await t.store.loadAll()).toHaveLength(1_234);
    const meta = await t.store.getMeta();
    expect(meta).toMatchObject({ formatVersion: MATTER_FORMAT_VERSION, userId: 1001, inProgress: null, lastFullSyncAt: iso(T0).replace('Z', '.000Z') });
    expect(meta!.updatedSince).toBe(new Date(T0 - 10 * HOUR + 1_233_000).toISOString()); // the newest updated_at
  });

  it('asks for the next page while it stores the one it has (the request and the writes overlap)', async () => {
    const store = freshStore();
    let releasePut: () => void = () => undefined;
    const putHeld = new Promise<void>((done) => {
      releasePut = done;
    });
    const held: MatterStore = { ...store, put: async (...args) => (await putHeld, store.put(...args)) };
    const t = setup(450, held);
    const run = t.sync.run();
    await expect.poll(() => t.source.requestCount).toBe(2); // the second page asked for while the first waits to be stored
    expect(t.progress).toHaveLength(0);
    releasePut();
    expect(await run).toMatchObject({ fetched: 450, requests: 3 });
    expect(t.source.requestCount).toBe(3); // nothing asked twice or past the last page
    expect(await store.loadAll()).toHaveLength(450);
  });

  it('exactly 200 matters take one request', async () => {
    const t = setup(200);
    expect((await t.sync.run()).requests).toBe(1);
  });

  it('incremental passes ask for updated_since (minus 1 s) and pick up only the changes', async () => {
    const t = setup(1_000);
    await t.sync.run();
    t.advance(HOUR);
    const r0 = await t.sync.run();
    expect(r0).toEqual({ kind: 'incremental', fetched: 2, removed: 0, requests: 1 }); // the last second again
    expect(t.source.requests.at(-1)!.params.updatedSince).toBe(new Date(T0 - 10 * HOUR + 999_000 - 1000).toISOString());

    // Three matters change (one in the same second as the mark), one is new.
    t.advance(HOUR);
    const changed = T0 + HOUR;
    t.source.matters.set(100_005, clioMatter(100_005, { updatedAt: iso(changed), description: 'Renamed matter', status: 'Closed' }));
    t.source.matters.set(100_500, clioMatter(100_500, { updatedAt: iso(changed + 2000) }));
    t.source.matters.set(200_000, clioMatter(200_000, { updatedAt: iso(changed), description: 'Brand new' }));
    t.changes.length = 0;
    const before = t.source.requestCount;
    const r1 = await t.sync.run();
    expect(r1.kind).toBe('incremental');
    expect(r1.requests).toBe(1);
    expect(t.source.requestCount - before).toBe(1);
    const stored = new Map((await t.store.loadAll()).map((m) => [m.id, m]));
    expect(stored.size).toBe(1_001);
    expect(stored.get(100_005)).toMatchObject({ description: 'Renamed matter', status: 'Closed' });
    expect(stored.get(200_000)?.description).toBe('Brand new');
    // Only what differs from what is stored is a change (not the overlap second of the previous mark).
    expect(t.changes.flatMap((c) => c.upserted.map((m) => m.id)).sort((a, b) => a - b)).toEqual([100_005, 100_500, 200_000]);

    // The next incremental starts from the newest updated_at seen.
    t.advance(HOUR);
    await t.sync.run();
    expect(t.source.requests.at(-1)!.params.updatedSince).toBe(new Date(changed + 2000 - 1000).toISOString());
  });

  it('a periodic full pass (after 24 h) removes matters that disappeared', async () => {
    const t = setup(450);
    await t.sync.run();
    t.source.matters.delete(100_002);
    t.source.matters.delete(100_449);
    t.advance(2 * HOUR);
    expect((await t.sync.run()).kind).toBe('incremental'); // deletions are invisible to updated_since
    expect(await t.store.loadAll()).toHaveLength(450);
    t.advance(23 * HOUR);
    t.changes.length = 0;
    const r = await t.sync.run();
    expect(r).toMatchObject({ kind: 'full', fetched: 448, removed: 2, requests: 3 });
    const ids = new Set((await t.store.loadAll()).map((m) => m.id));
    expect(ids.size).toBe(448);
    expect(ids.has(100_002) || ids.has(100_449)).toBe(false);
    // Each page stands for its range of ids: a matter gone is removed with the page that would hold it; unchanged ones are not rewritten.
    expect(t.changes).toEqual([
      { reset: false, upserted: [], removed: [100_002] },
      { reset: false, upserted: [], removed: [100_449] },
    ]);
    // And `full: true` forces one.
    expect((await t.sync.run({ full: true })).kind).toBe('full');
  });

  it('resumes after a worker restart from the persisted cursor, without re-fetching pages', async () => {
    const store = freshStore();
    const t = setup(1_000, store);
    t.source.failAfter = 2;
    await expect(t.sync.run()).rejects.toThrow('service worker terminated');
    const meta = await store.getMeta();
    expect(meta?.inProgress).toMatchObject({ kind: 'full', fetched: 400, total: 1_000 });
    expect(meta?.inProgress?.cursor).toContain('page_token=after%3A100400');
    expect(meta?.inProgress?.lastId).toBe(100_400);
    expect(await store.loadAll()).toHaveLength(400);

    const fresh = t.make(); // a new MatterSync on the same store
    const r = await fresh.run();
    expect(r).toEqual({ kind: 'full', fetched: 1_000, removed: 0, requests: 3 });
    // 2 pages before the failure + 3 after; nothing fetched twice, the first resumed request used the cursor.
    expect(t.source.requestCount).toBe(5);
    expect(t.source.requests[2]!.cursor).toBe(meta!.inProgress!.cursor);
    expect(t.progress.map((p) => p.fetched)).toEqual([200, 400, 400, 600, 800, 1_000]);
    expect(await store.loadAll()).toHaveLength(1_000);
    expect((await store.getMeta())?.inProgress).toBeNull();
  });

  it('a saved cursor Clio no longer accepts starts the pass again from its first page, once', async () => {
    const store = freshStore();
    const t = setup(1_000, store);
    t.source.failAfter = 2;
    await expect(t.sync.run()).rejects.toThrow('service worker terminated');
    t.source.refuseNextCursor = true;
    const r = await t.make().run();
    // The refused resume, then all 5 pages again.
    expect(r).toEqual({ kind: 'full', fetched: 1_000, removed: 0, requests: 6 });
    expect(t.source.requests.slice(3).map((q) => q.cursor === null)).toEqual([true, false, false, false, false]);
    expect(await store.loadAll()).toHaveLength(1_000);
    expect((await store.getMeta())?.inProgress).toBeNull();
  });

  it('a cursor refused twice in one pass, or any other failure, still fails the pass', async () => {
    const t = setup(1_000);
    t.source.failAfter = 2;
    await expect(t.sync.run()).rejects.toThrow('service worker terminated');
    t.source.refuseNextCursor = true;
    const fresh = t.make();
    const original = t.source.page.bind(t.source);
    let calls = 0;
    t.source.page = async (cursor, params) => {
      if (++calls === 3) t.source.refuseNextCursor = true; // the restarted pass's second page is refused too
      return original(cursor, params);
    };
    await expect(fresh.run()).rejects.toThrow('Invalid page_token');
  });

  it('a full pass interrupted and resumed still removes what disappeared, before and after the interruption', async () => {
    const t = setup(600);
    await t.sync.run();
    t.source.matters.delete(100_010); // on the first page
    t.source.matters.delete(100_590); // on the last
    t.source.failAfter = t.source.requestCount + 1;
    await expect(t.sync.run({ full: true })).rejects.toThrow();
    expect(await t.store.get(100_010)).toBeUndefined();
    const r = await t.make().run();
    expect(r).toMatchObject({ kind: 'full', fetched: 598, removed: 2, requests: 2 });
    expect((await t.store.loadAll()).map((m) => m.id)).not.toContain(100_590);
  });

  it('a matter created behind a full pass (an id below its last page) is fetched by the next pass', async () => {
    const t = setup(450);
    await t.sync.run();
    t.advance(25 * HOUR);
    const original = t.source.page.bind(t.source);
    t.source.page = async (cursor, params) => {
      const p = await original(cursor, params);
      if (cursor) t.source.matters.set(100_000, clioMatter(100_000, { updatedAt: iso(t.now()) })); // after the first page went by
      return p;
    };
    const r = await t.sync.run();
    expect(r).toMatchObject({ kind: 'full', fetched: 450, removed: 0 });
    t.source.page = original;
    t.advance(HOUR);
    await t.sync.run();
    expect(await t.store.get(100_000)).toMatchObject({ id: 100_000 });
  });

  it('concurrent runs join one pass', async () => {
    const t = setup(500);
    const [a, b] = await Promise.all([t.sync.run(), t.sync.run({ full: true })]);
    expect(a).toBe(b);
    expect(t.source.requestCount).toBe(3);
  });

  it('a format-version bump (or another user) clears the store and rebuilds', async () => {
    const t = setup(300);
    await t.sync.run();
    const meta = (await t.store.getMeta())!;
    await t.store.put([{ ...(await t.store.loadAll())[0]!, id: 999_999 }]); // a stale record
    await t.store.setMeta({ ...meta, formatVersion: MATTER_FORMAT_VERSION - 1 });
    t.changes.length = 0;
    t.advance(HOUR);
    const r = await t.sync.run();
    expect(r).toMatchObject({ kind: 'full', fetched: 300, requests: 2 });
    expect(t.changes[0]).toEqual({ reset: true, upserted: [], removed: [] });
    expect((await t.store.loadAll()).some((m) => m.id === 999_999)).toBe(false);
    expect((await t.store.getMeta())?.formatVersion).toBe(MATTER_FORMAT_VERSION);

    const other = new MatterSync({ source: t.source, store: t.store, now: t.now, userId: 2002 });
    expect((await other.run()).kind).toBe('full');
    expect((await t.store.getMeta())?.userId).toBe(2002);
  });

  it('skips malformed records and feeds an index through onChanges', async () => {
    const t = setup(3);
    t.source.matters.set(5, { id: 5, description: 'ok' });
    const source = {
      page: async (...args: Parameters<FakeMatterSource['page']>) => {
        const p = await t.source.page(...args);
        return { ...p, matters: [...p.matters, null, 'x', { id: -1 }, { id: 'nope' }] };
      },
    };
    const index = createMatterIndex([]);
    const sync = new MatterSync({
      source,
      store: t.store,
      now: t.now,
      userId: 1,
      onChanges: (c) => {
        if (c.reset) index.clear();
        index.upsert(c.upserted);
        index.remove(c.removed);
      },
    });
    await sync.run();
    expect((await t.store.loadAll()).map((m) => m.id).sort((a, b) => a - b)).toEqual([5, 100_001, 100_002, 100_003]);
    expect(index.size).toBe(4);
    expect(index.search('client 100002', { statuses: ['Open'] }).map((m) => m.id)).toEqual([100_002]);
  });
});
