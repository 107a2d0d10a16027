/**
 * The matter store in IndexedDB (fake-indexeddb): what it writes and skips, the change log a search
 * index follows, the packed index, exact lookups by key, and the upgrade in place of a database
 * written by the previous version (format 1, built here as that version built it).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IndexedMatter } from '@/lib/matters/matter';
import { bucketOf, keyHash } from '@/lib/matters/key-buckets';
import { MATTER_FORMAT_VERSION } from '@/lib/matters/matter';
import { indexedDbMatterStore } from '@/lib/matters/matter-store-idb';
import type { SyncMeta } from '@/lib/matters/matter-store';
import { MatterSync } from '@/lib/matters/matter-sync';
import { createMatterIndex } from '@/lib/matters/search';
import { packedFromBlob, packedToBlob } from '@/lib/matters/search-packed';
import { FakeMatterSource } from './fake-source';
import { clioMatter, matter } from './fixtures';
import { formatOneDatabase } from './format-one';
import { formatTwoDatabase } from './format-two';

let n = 0;
const dbName = () => `matter-store-test-${++n}`;

const chidi = (p: Partial<IndexedMatter> = {}) =>
  matter({
    id: 42,
    number: 42,
    displayNumber: '00042-Okafor',
    description: 'Okafor v. Harlan Logistics',
    clientName: 'Chidi Okafor',
    clientReference: 'REF-1234',
    clientEmails: ['chidi@example.com'],
    clientPhones: ['(617) 555-0142'],
    ...p,
  });

describe('indexedDbMatterStore', () => {
  it('writes only matters that differ, and logs only changes a search index sees', async () => {
    const store = indexedDbMatterStore(dbName());
    const a = chidi();
    const b = matter({ id: 43, description: 'Estate of Zoë Lindqvist' });
    expect(await store.put([a, b])).toEqual({ changed: [a, b], removed: [] });
    expect(await store.log()).toMatchObject({ seq: 2, epoch: 0, packedSeq: null });

    expect(await store.put([a, b])).toEqual({ changed: [], removed: [] }); // the same again: nothing written
    const newPhone = { ...a, clientPhones: ['(617) 555-0199'] };
    expect((await store.put([newPhone])).changed).toEqual([newPhone]); // stored…
    expect((await store.log()).seq).toBe(2); // …but the search index does not see phones
    const renamed = { ...b, description: 'Estate of Zoe Lindqvist, deceased' };
    await store.put([renamed]);
    expect((await store.log()).seq).toBe(3);
    expect(await store.changesSince(2)).toMatchObject({ upserted: [renamed], removed: [] });
    expect(await store.get(42)).toEqual(newPhone); // the lookup keys stay inside the store
  });

  it('a write standing for a range of ids removes what it no longer holds', async () => {
    const store = indexedDbMatterStore(dbName());
    const ms = [10, 20, 30, 40, 50].map((id) => matter({ id, description: `Matter ${id}` }));
    await store.put(ms);
    const r = await store.put([ms[0]!, ms[2]!], { after: 0, through: 35 }); // 20 went; 40 and 50 are beyond the range
    expect(r).toEqual({ changed: [], removed: [20] });
    expect((await store.put([], { after: 35, through: null })).removed).toEqual([40, 50]);
    expect((await store.loadAll()).map((m) => m.id)).toEqual([10, 30]);
    expect((await store.changesSince(5)).removed.sort()).toEqual([20, 40, 50]);
    expect((await store.chunk(10, 5)).map((m) => m.id)).toEqual([30]);
  });

  it('finds matters by exact keys, saying which matched; an old email finds nothing once changed', async () => {
    const store = indexedDbMatterStore(dbName());
    const other = matter({ id: 7, description: 'Another', clientName: 'Chidi Okafor', clientPhones: ['+1 617 555 0142'] });
    await store.put([chidi(), other]);
    const found = await store.byKeys(['e:chidi@example.com', 'p:6175550142', 'd:00042okafor', 'r:ref1234', 'n:chidi okafor', 'e:nobody@x.org'], 10);
    expect(found.map((f) => [f.matter.id, f.keys])).toEqual([
      [42, ['e:chidi@example.com', 'p:6175550142', 'd:00042okafor', 'r:ref1234', 'n:chidi okafor']],
      [7, ['p:6175550142', 'n:chidi okafor']],
    ]);
    expect(found[0]!.matter).toEqual(chidi());
    expect(await store.byKeys(['n:chidi okafor'], 1)).toHaveLength(1); // at most this many a key

    await store.put([chidi({ clientEmails: ['c.okafor@example.net'] })]);
    expect(await store.byKeys(['e:chidi@example.com'], 10)).toEqual([]);
    expect((await store.byKeys(['e:c.okafor@example.net'], 10)).map((f) => f.matter.id)).toEqual([42]);
  });

  it('a first pass may leave the keys to its end: none are found until they are built, and a stale key finds nothing', async () => {
    const store = indexedDbMatterStore(dbName());
    await store.put([chidi()], undefined, { deferKeys: true });
    expect(await store.byKeys(['e:chidi@example.com'], 10)).toEqual([]);
    await store.buildKeys();
    expect((await store.byKeys(['e:chidi@example.com', 'r:ref1234'], 10)).map((f) => [f.matter.id, f.keys])).toEqual([
      [42, ['e:chidi@example.com', 'r:ref1234']],
    ]);
    // Put off again, the buckets still hold the old email: the matter read behind it no longer has it.
    await store.put([chidi({ clientEmails: ['c.okafor@example.net'] })], undefined, { deferKeys: true });
    expect(await store.byKeys(['e:chidi@example.com'], 10)).toEqual([]);
    await store.buildKeys();
    expect((await store.byKeys(['e:c.okafor@example.net'], 10)).map((f) => f.matter.id)).toEqual([42]);
    await store.buildKeys(); // nothing put off: nothing to do
    expect((await store.byKeys(['d:00042okafor'], 10)).map((f) => f.matter.id)).toEqual([42]);
  });

  it('a reader keeps the key buckets it read only while no one writes them', async () => {
    const name = dbName();
    const reader = indexedDbMatterStore(name);
    const writer = indexedDbMatterStore(name); // another context, as the background is to a reader
    await writer.put([chidi()]);
    expect(await reader.byKeys(['e:chidi@example.com'], 10)).toHaveLength(1); // its bucket now kept by the reader
    // An email whose key falls in the same bucket, written by the other store: the reader reads the bucket again.
    const bucket = bucketOf(keyHash('e:chidi@example.com'));
    let n = 0;
    while (bucketOf(keyHash(`e:ann${n}@example.org`)) !== bucket) n++;
    await writer.put([matter({ id: 5, description: 'Ann', clientEmails: [`ann${n}@example.org`] })]);
    expect((await reader.byKeys([`e:ann${n}@example.org`], 10)).map((f) => f.matter.id)).toEqual([5]);
    await writer.remove([5]);
    expect(await reader.byKeys([`e:ann${n}@example.org`], 10)).toEqual([]);
  });

  it('a first sync finds matters by key once it is done', async () => {
    const store = indexedDbMatterStore(dbName());
    const source = new FakeMatterSource(Array.from({ length: 450 }, (_, i) => clioMatter(1 + i)));
    await new MatterSync({ source, store, now: Date.now, userId: 1001 }).run();
    expect((await store.byKeys(['e:client7@example.com', 'p:6175550449', 'e:client451@example.com'], 10)).map((f) => [f.matter.id, f.keys])).toEqual([
      [7, ['e:client7@example.com']],
      [449, ['p:6175550449']],
    ]);
  });

  it('keeps a packed index with the changes after it, forgetting those before; a clear starts a new epoch', async () => {
    const store = indexedDbMatterStore(dbName());
    const ms = [1, 2, 3].map((id) => matter({ id, description: `Matter ${id}` }));
    await store.put(ms);
    expect((await store.openPacked()).packed).toBeNull();
    const at = await store.log();
    expect(await store.savePacked(createMatterIndex(ms).pack(), at)).toBe(true);
    expect(await store.savePacked(createMatterIndex(ms).pack(), at)).toBe(false); // nothing newer
    await store.put([{ ...ms[0]!, description: 'Renamed' }]);
    await store.remove([2]);
    const opened = await store.openPacked();
    expect((await packedFromBlob(opened.packed!))?.count).toBe(3);
    expect(opened).toMatchObject({ upserted: [{ id: 1, description: 'Renamed' }], removed: [2], log: { seq: 5, packedSeq: 3, forgottenThrough: 3 } });
    expect((await store.changesSince(0)).upserted).toHaveLength(1); // the log before the packed index is gone

    await store.clear();
    expect(await store.log()).toEqual({ seq: 6, epoch: 1, packedSeq: null, forgottenThrough: 6 });
    expect((await store.openPacked()).packed).toBeNull();
    expect(await store.loadAll()).toEqual([]);
    expect(await store.getMeta()).toBeUndefined();
    expect(await store.savePacked(createMatterIndex(ms).pack(), at)).toBe(false); // packed before the clear
  });

  it('survives a restart mid-sync (a new store object on the same database)', async () => {
    const name = dbName();
    const source = new FakeMatterSource(Array.from({ length: 700 }, (_, i) => clioMatter(100_001 + i)));
    source.failAfter = 2;
    await expect(new MatterSync({ source, store: indexedDbMatterStore(name), now: Date.now, userId: 1001 }).run()).rejects.toThrow();
    const reopened = indexedDbMatterStore(name);
    const r = await new MatterSync({ source, store: reopened, now: Date.now, userId: 1001 }).run();
    expect(r).toMatchObject({ fetched: 700, requests: 2 });
    expect(await reopened.loadAll()).toHaveLength(700);
  });
});

describe('the upgrade of a format-1 database, in place', () => {
  const v1 = (id: number, clientName: string) => {
    const { clientReference: _r, clientEmails: _e, clientPhones: _p, ...old } = matter({ id, number: id, description: `Matter ${id}`, clientName });
    return old;
  };
  const v1Meta = {
    formatVersion: 1,
    userId: 1001,
    lastFullSyncAt: '2025-03-10T12:00:00.000Z',
    lastSyncAt: '2025-03-10T12:05:00.000Z',
    updatedSince: '2025-03-10T11:00:00.000Z',
    inProgress: {
      kind: 'full',
      cursor: 'https://app.clio.com/api/v4/matters.json?fields=id&page_token=x',
      fetched: 200,
      total: 400,
      startedAt: '2025-03-10T12:06:00.000Z',
      seenIds: [1, 2],
    },
  };

  it('keeps every matter searchable, adds the client fields empty, and marks the sync as still learning them', async () => {
    const name = dbName();
    await formatOneDatabase(name, [v1(1, 'Chidi Okafor'), v1(2, 'Zoë Lindqvist')], v1Meta);
    const store = indexedDbMatterStore(name);

    expect(await store.get(1)).toEqual({ ...v1(1, 'Chidi Okafor'), clientReference: '', clientEmails: [], clientPhones: [] });
    expect(await store.loadAll()).toHaveLength(2);
    const meta = await store.getMeta();
    expect(meta).toEqual({ ...v1Meta, formatVersion: MATTER_FORMAT_VERSION, inProgress: null, learning: true } satisfies SyncMeta);
    // Display numbers and client names are keys at once; emails and phones come with the pass that learns them.
    expect((await store.byKeys(['n:zoe lindqvist', 'd:00001test'], 10)).map((f) => f.matter.id)).toEqual([2, 1]);
    expect(await store.log()).toEqual({ seq: 0, epoch: 0, packedSeq: null, forgottenThrough: 0 });
  });

  it('the next pass is a full one that fills in the client fields and ends the learning', async () => {
    const name = dbName();
    const source = new FakeMatterSource([1, 2].map((id) => clioMatter(id)));
    const sync = (store = indexedDbMatterStore(name)) => new MatterSync({ source, store, now: () => Date.parse('2025-03-10T13:00:00Z'), userId: 1001 });
    await formatOneDatabase(name, [v1(1, 'Client 1'), v1(2, 'Client 2')], v1Meta);
    const r = await sync().run();
    expect(r).toMatchObject({ kind: 'full', fetched: 2, requests: 1 });
    expect(source.requests[0]!.cursor).toBeNull(); // not the old pass's cursor, which asks for the old fields
    const store = indexedDbMatterStore(name);
    expect((await store.getMeta())?.learning).toBeUndefined();
    expect(await store.get(1)).toMatchObject({ clientEmails: ['client1@example.com'], clientPhones: ['(617) 555-0001'] });
    expect((await store.byKeys(['e:client1@example.com'], 10)).map((f) => f.matter.id)).toEqual([1]);
  });

  it('a database of a version with no upgrade step, or newer than the code, starts empty', async () => {
    const name = dbName();
    await formatOneDatabase(name, [v1(1, 'A')], v1Meta);
    const ahead = indexedDbMatterStore(name, { formatVersion: MATTER_FORMAT_VERSION + 1 }); // no step to it
    expect(await ahead.loadAll()).toEqual([]);
    expect(await ahead.getMeta()).toBeUndefined();
    const back = indexedDbMatterStore(name); // a downgrade
    expect(await back.loadAll()).toEqual([]);
    expect(await back.log()).toMatchObject({ seq: 0, packedSeq: null });
  });
});

describe('the upgrade of a format-2 database, in place', () => {
  const people = [
    chidi(),
    matter({ id: 7, description: 'Another', clientName: 'Chidi Okafor', clientPhones: ['+1 617 555 0142'] }),
    matter({ id: 9, description: 'Estate of Zoë Lindqvist', clientName: 'Zoë Lindqvist', clientEmails: ['zoe@example.se'] }),
  ];
  const meta: SyncMeta = {
    formatVersion: 2,
    userId: 1001,
    lastFullSyncAt: '2025-03-10T12:00:00.000Z',
    lastSyncAt: '2025-03-10T12:05:00.000Z',
    updatedSince: '2025-03-10T11:00:00.000Z',
    inProgress: null,
  };
  const log = { seq: 4, epoch: 0, packedSeq: 3, forgottenThrough: 3 };

  it('keeps every matter, the packed index and its log; the keys find what they found; no sync starts again', async () => {
    const name = dbName();
    const packed = await packedToBlob(createMatterIndex(people.slice(0, 2)).pack());
    await formatTwoDatabase(name, people, { meta, log, changes: [[4, 9]], packed });
    const store = indexedDbMatterStore(name);

    expect(await store.loadAll()).toEqual([people[1], people[2], people[0]]);
    expect(await store.getMeta()).toEqual({ ...meta, formatVersion: MATTER_FORMAT_VERSION });
    expect(await store.log()).toEqual(log);
    const opened = await store.openPacked();
    expect((await packedFromBlob(opened.packed!))?.count).toBe(2);
    expect(opened.upserted).toEqual([people[2]]);
    const found = await store.byKeys(['e:chidi@example.com', 'p:6175550142', 'n:zoe lindqvist', 'e:zoe@example.se'], 10);
    expect(found.map((f) => [f.matter.id, f.keys])).toEqual([
      [42, ['e:chidi@example.com', 'p:6175550142']],
      [7, ['p:6175550142']],
      [9, ['n:zoe lindqvist', 'e:zoe@example.se']],
    ]);

    // The next pass is the incremental one that was due: nothing is fetched again.
    const source = new FakeMatterSource([]);
    const r = await new MatterSync({ source, store, now: () => Date.parse('2025-03-10T13:00:00Z'), userId: 1001 }).run();
    expect(r).toMatchObject({ kind: 'incremental', fetched: 0, requests: 1 });
  });
});

describe('the upgrade of a format-3 database, in place', () => {
  it('each matter gains an empty currency (the firm’s is shown until a pass brings the matter’s); a pass under way is dropped; the keys still find', async () => {
    const name = dbName();
    const people = [chidi(), matter({ id: 9, description: 'Estate of Zoë Lindqvist', clientName: 'Zoë Lindqvist', clientEmails: ['zoe@example.se'] })];
    const meta: SyncMeta = {
      formatVersion: 3,
      userId: 1001,
      lastFullSyncAt: '2025-03-10T12:00:00.000Z',
      lastSyncAt: '2025-03-10T12:05:00.000Z',
      updatedSince: '2025-03-10T11:00:00.000Z',
      inProgress: {
        kind: 'incremental',
        cursor: 'https://app.clio.com/api/v4/matters.json?page_token=x',
        fetched: 200,
        total: null,
        startedAt: '2025-03-10T13:00:00.000Z',
        maxUpdatedAt: null,
      },
    };
    // Format 3 as it was written: records of 15 values (no currency).
    const old = indexedDbMatterStore(name, { formatVersion: 3 });
    await old.put(people);
    await old.setMeta(meta);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(name, 3);
      r.onsuccess = () => resolve(r.result);
    });
    const tx = db.transaction('matters', 'readwrite');
    for (const m of people) {
      const rec = await new Promise<{ id: number; v: unknown[] }>((resolve) => {
        const g = tx.objectStore('matters').get(m.id);
        g.onsuccess = () => resolve(g.result);
      });
      tx.objectStore('matters').put({ id: rec.id, v: rec.v.slice(0, 15) });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const store = indexedDbMatterStore(name);
    expect(await store.loadAll()).toEqual([people[1], people[0]].map((m) => ({ ...m, currency: '' })));
    expect(await store.getMeta()).toEqual({ ...meta, formatVersion: MATTER_FORMAT_VERSION, inProgress: null });
    const found = await store.byKeys(['e:chidi@example.com', 'e:zoe@example.se'], 10);
    expect(found.map((f) => f.matter.id)).toEqual([42, 9]);
  });

  it('a matter’s currency is kept as Clio gives it', async () => {
    const store = indexedDbMatterStore(dbName());
    await store.put([chidi({ currency: 'EUR' })]);
    expect((await store.get(42))?.currency).toBe('EUR');
  });
});
