/**
 * The matter store in IndexedDB, in the extension's origin (`clio-companion-matters`): the matters
 * (matter-record.ts), their lookup keys hashed into bucket records (key-buckets.ts, kept in the same
 * transaction as every write of a matter), the sync meta, the change log and the packed search
 * index. The background writes it; the side panel reads it directly. Every write that changes what
 * a search index sees appends the matter's id to the change log in the same transaction.
 */
import { BucketEdits, bucketOf, idsUnder, type KeyBucket, keyHash } from './key-buckets';
import { lookupKeysOf } from './lookup-keys';
import { type IndexedMatter, MATTER_FORMAT_VERSION } from './matter';
import { fromRecord, type MatterRecord, toRecord } from './matter-record';
import type { IndexChanges, IndexLog, KeyedMatter, MatterStore, PutResult, SyncMeta } from './matter-store';
import {
  CHANGES,
  INITIAL_LOG,
  KEY_BUCKETS,
  MATTERS,
  META,
  META_KEYS_DEFERRED,
  META_KEYS_VERSION,
  META_LOG,
  META_SYNC,
  PACKED,
  PACKED_KEY,
  upgradeMatterDb,
} from './matter-store-upgrade';
import { committed, request } from '../storage/idb';
import { packedToBlob } from './search-packed';
import { searchedAlike } from './search';

function openDb(factory: IDBFactory, name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name, version);
    r.onupgradeneeded = (e) => upgradeMatterDb(r.result, r.transaction!, e.oldVersion, e.newVersion ?? version);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => {
      /* an older connection is closing (it closes on versionchange) */
    };
  });
}

/** Whether two versions of a matter are the same in every field. */
function sameMatter(a: IndexedMatter, b: IndexedMatter): boolean {
  for (const k of Object.keys(b) as Array<keyof IndexedMatter>) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) {
      return false;
    }
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/** Marks the key buckets changed (in `tx`, which holds META): readers drop the buckets they kept. */
async function bumpKeysVersion(tx: IDBTransaction): Promise<void> {
  const meta = tx.objectStore(META);
  meta.put((((await request(meta.get(META_KEYS_VERSION))) as number | undefined) ?? 0) + 1, META_KEYS_VERSION);
}

/** Writes what these edits make of their buckets (in `tx`, which holds KEY_BUCKETS and META). */
async function writeBuckets(tx: IDBTransaction, edits: BucketEdits): Promise<void> {
  const store = tx.objectStore(KEY_BUCKETS);
  const touched = edits.buckets();
  if (!touched.length) return;
  await bumpKeysVersion(tx);
  const stored = await Promise.all(touched.map((b) => request(store.get(b) as IDBRequest<KeyBucket | undefined>)));
  touched.forEach((b, i) => {
    const next = edits.apply(b, stored[i]);
    if (next) store.put(next, b);
    else store.delete(b);
  });
}

/** Matters read at a time when the keys are built at once. */
const BUILD_CHUNK = 2_000;

/** Candidates a key reads beyond the limit asked: a pair may be another key's with the same hash. */
const HASH_SLACK = 4;

const logOf = (v: unknown): IndexLog => (v as IndexLog | undefined) ?? INITIAL_LOG;

/** Appends these ids to the change log (in `tx`, which holds CHANGES and META). */
function appendLog(tx: IDBTransaction, log: IndexLog, ids: number[]): void {
  if (!ids.length) return;
  const changes = tx.objectStore(CHANGES);
  let seq = log.seq;
  for (const id of ids) changes.put(id, ++seq);
  tx.objectStore(META).put({ ...log, seq } satisfies IndexLog, META_LOG);
}

/** The matters behind the logged ids (in `tx`, which holds MATTERS): as stored now, or removed. */
async function resolveChanges(tx: IDBTransaction, log: IndexLog, ids: number[]): Promise<IndexChanges> {
  const distinct = [...new Set(ids)];
  const matters = tx.objectStore(MATTERS);
  const found = await Promise.all(distinct.map((id) => request(matters.get(id) as IDBRequest<MatterRecord | undefined>)));
  const upserted: IndexedMatter[] = [];
  const removed: number[] = [];
  found.forEach((r, i) => {
    if (r) upserted.push(fromRecord(r));
    else removed.push(distinct[i]!);
  });
  return { log, upserted, removed };
}

/** Deletes these matters (in `tx`, which holds MATTERS), their keys going into `edits`. */
async function removeMatters(tx: IDBTransaction, ids: number[], edits: BucketEdits): Promise<void> {
  const matters = tx.objectStore(MATTERS);
  const gone = await Promise.all(ids.map((id) => request(matters.get(id) as IDBRequest<MatterRecord | undefined>)));
  ids.forEach((id, i) => {
    const r = gone[i];
    if (r) edits.change(id, lookupKeysOf(fromRecord(r)), []);
    matters.delete(id);
  });
}

export interface IndexedDbMatterStoreOptions {
  /** Defaults to globalThis.indexedDB. */
  factory?: IDBFactory;
  /** Defaults to MATTER_FORMAT_VERSION (overridable for tests). */
  formatVersion?: number;
}

export function indexedDbMatterStore(dbName = 'clio-companion-matters', opts: IndexedDbMatterStoreOptions = {}): MatterStore {
  const version = opts.formatVersion ?? MATTER_FORMAT_VERSION;
  let opening: Promise<IDBDatabase> | null = null;
  /** The key buckets read so far, as of META_KEYS_VERSION `version` (at most every bucket: 3.7 MB at 100,000 matters). */
  let kept: { version: number; buckets: Map<number, KeyBucket | undefined> } | null = null;

  async function open(): Promise<IDBDatabase> {
    const factory = opts.factory ?? globalThis.indexedDB;
    try {
      return await openDb(factory, dbName, version);
    } catch (e) {
      // A newer format on disk (the extension was downgraded): drop it and start again.
      if (e instanceof DOMException && e.name === 'VersionError') {
        await request(factory.deleteDatabase(dbName) as IDBRequest<unknown>);
        return openDb(factory, dbName, version);
      }
      throw e;
    }
  }

  function db(): Promise<IDBDatabase> {
    if (!opening) {
      opening = open().then((d) => {
        d.onversionchange = () => {
          d.close();
          opening = null;
        };
        d.onclose = () => {
          opening = null;
        };
        return d;
      });
      opening.catch(() => {
        opening = null;
      });
    }
    return opening;
  }

  async function tx(stores: string[], mode: IDBTransactionMode): Promise<IDBTransaction> {
    return (await db()).transaction(stores, mode);
  }

  /** Runs `fn` in a read-write transaction and waits for it to commit. */
  async function write<T>(stores: string[], fn: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
    const t = await tx(stores, 'readwrite');
    const finished = committed(t);
    const out = await fn(t);
    await finished;
    return out;
  }

  return {
    async loadAll() {
      const t = await tx([MATTERS], 'readonly');
      return (await request(t.objectStore(MATTERS).getAll() as IDBRequest<MatterRecord[]>)).map(fromRecord);
    },
    async chunk(afterId, limit) {
      const t = await tx([MATTERS], 'readonly');
      return (await request(t.objectStore(MATTERS).getAll(IDBKeyRange.lowerBound(afterId, true), limit) as IDBRequest<MatterRecord[]>)).map(fromRecord);
    },
    async get(id) {
      const t = await tx([MATTERS], 'readonly');
      const r = await request(t.objectStore(MATTERS).get(id) as IDBRequest<MatterRecord | undefined>);
      return r ? fromRecord(r) : undefined;
    },
    put(list, replacing, opts = {}) {
      if (!list.length && !replacing) return Promise.resolve({ changed: [], removed: [] });
      return write([MATTERS, KEY_BUCKETS, CHANGES, META], async (t): Promise<PutResult> => {
        const matters = t.objectStore(MATTERS);
        const range = replacing
          ? replacing.through === null
            ? IDBKeyRange.lowerBound(replacing.after, true)
            : IDBKeyRange.bound(replacing.after, replacing.through, true, false)
          : null;
        const [stored, inRange, log] = await Promise.all([
          Promise.all(list.map((m) => request(matters.get(m.id) as IDBRequest<MatterRecord | undefined>))),
          range ? request(matters.getAllKeys(range) as IDBRequest<number[]>) : Promise.resolve([]),
          request(t.objectStore(META).get(META_LOG)),
        ]);
        const changed: IndexedMatter[] = [];
        const logged: number[] = [];
        const edits = new BucketEdits();
        list.forEach((m, i) => {
          const before = stored[i] ? fromRecord(stored[i]) : undefined;
          if (before && sameMatter(before, m)) return;
          matters.put(toRecord(m));
          if (!opts.deferKeys) edits.change(m.id, before ? lookupKeysOf(before) : [], lookupKeysOf(m));
          changed.push(m);
          if (!before || !searchedAlike(before, m)) logged.push(m.id);
        });
        const onPage = new Set(list.map((m) => m.id));
        const removed = inRange.filter((id) => !onPage.has(id));
        await removeMatters(t, removed, edits);
        await writeBuckets(t, edits);
        if (opts.deferKeys && changed.length) t.objectStore(META).put(true, META_KEYS_DEFERRED);
        appendLog(t, logOf(log), [...logged, ...removed]);
        return { changed, removed };
      });
    },
    remove(ids) {
      if (!ids.length) return Promise.resolve();
      return write([MATTERS, KEY_BUCKETS, CHANGES, META], async (t) => {
        const log = logOf(await request(t.objectStore(META).get(META_LOG)));
        const edits = new BucketEdits();
        await removeMatters(t, ids, edits);
        await writeBuckets(t, edits);
        appendLog(t, log, ids);
      });
    },
    clear() {
      return write([MATTERS, KEY_BUCKETS, META, CHANGES, PACKED], async (t) => {
        const log = logOf(await request(t.objectStore(META).get(META_LOG)));
        t.objectStore(MATTERS).clear();
        t.objectStore(KEY_BUCKETS).clear();
        await bumpKeysVersion(t);
        t.objectStore(CHANGES).clear();
        t.objectStore(PACKED).clear();
        const meta = t.objectStore(META);
        meta.delete(META_SYNC);
        meta.delete(META_KEYS_DEFERRED);
        meta.put({ seq: log.seq + 1, epoch: log.epoch + 1, packedSeq: null, forgottenThrough: log.seq + 1 } satisfies IndexLog, META_LOG);
      });
    },
    async getMeta() {
      const t = await tx([META], 'readonly');
      return (await request(t.objectStore(META).get(META_SYNC) as IDBRequest<SyncMeta | undefined>)) ?? undefined;
    },
    setMeta(m) {
      return write([META], (t) => {
        t.objectStore(META).put(m, META_SYNC);
      });
    },
    buildKeys() {
      return write([MATTERS, KEY_BUCKETS, META], async (t) => {
        const meta = t.objectStore(META);
        if (!(await request(meta.get(META_KEYS_DEFERRED)))) return;
        const matters = t.objectStore(MATTERS);
        const edits = new BucketEdits();
        for (let after = -Infinity; ; ) {
          const chunk = await request(matters.getAll(IDBKeyRange.lowerBound(after, true), BUILD_CHUNK) as IDBRequest<MatterRecord[]>);
          if (!chunk.length) break;
          for (const r of chunk) edits.change(r.id, [], lookupKeysOf(fromRecord(r)));
          after = chunk[chunk.length - 1]!.id;
        }
        const buckets = t.objectStore(KEY_BUCKETS);
        buckets.clear();
        for (const b of edits.buckets()) buckets.put(edits.apply(b, undefined)!, b);
        meta.delete(META_KEYS_DEFERRED);
        await bumpKeysVersion(t);
      });
    },
    async byKeys(keys, limitPerKey) {
      if (!keys.length) return [];
      const t = await tx([KEY_BUCKETS, MATTERS, META], 'readonly');
      // The buckets of the keys asked (those kept from an earlier lookup while the buckets are unchanged, the rest
      // read: a page asks for ~200 keys, and each read is ~0.1 ms), then the matters under their hashes, each kept
      // for the keys it really has.
      const hashes = keys.map(keyHash);
      const version = ((await request(t.objectStore(META).get(META_KEYS_VERSION))) as number | undefined) ?? 0;
      if (kept?.version !== version) kept = { version, buckets: new Map() };
      const buckets = kept.buckets;
      const missing = [...new Set(hashes.map(bucketOf))].filter((b) => !buckets.has(b));
      const bucketStore = t.objectStore(KEY_BUCKETS);
      const got = await Promise.all(missing.map((b) => request(bucketStore.get(b) as IDBRequest<KeyBucket | undefined>)));
      missing.forEach((b, i) => {
        buckets.set(b, got[i]);
      });
      const candidates = hashes.map((h) => idsUnder(buckets.get(bucketOf(h)), h).slice(0, limitPerKey + HASH_SLACK));
      const ids = [...new Set(candidates.flat())];
      const matters = t.objectStore(MATTERS);
      const records = await Promise.all(ids.map((id) => request(matters.get(id) as IDBRequest<MatterRecord | undefined>)));
      const stored = new Map<number, { matter: IndexedMatter; keys: Set<string> }>();
      for (const r of records) {
        if (!r) continue;
        const matter = fromRecord(r);
        stored.set(r.id, { matter, keys: new Set(lookupKeysOf(matter)) });
      }
      const byId = new Map<number, KeyedMatter>();
      keys.forEach((key, i) => {
        let n = 0;
        for (const id of candidates[i]!) {
          const s = stored.get(id);
          if (!s?.keys.has(key) || n >= limitPerKey) continue;
          n++;
          const hit = byId.get(id);
          if (hit) hit.keys.push(key);
          else byId.set(id, { matter: s.matter, keys: [key] });
        }
      });
      return [...byId.values()];
    },
    async log() {
      const t = await tx([META], 'readonly');
      return logOf(await request(t.objectStore(META).get(META_LOG)));
    },
    async openPacked() {
      const t = await tx([PACKED, CHANGES, MATTERS, META], 'readonly');
      const [log, stored] = await Promise.all([request(t.objectStore(META).get(META_LOG)).then(logOf), request(t.objectStore(PACKED).get(PACKED_KEY))]);
      if (log.packedSeq === null || !(stored instanceof Blob)) return { packed: null, log, upserted: [], removed: [] };
      const ids = await request(t.objectStore(CHANGES).getAll(IDBKeyRange.lowerBound(log.packedSeq, true)) as IDBRequest<number[]>);
      // The Blob outlives the transaction: its reader inflates it (packedFromBlob) at its own pace.
      return { packed: stored, ...(await resolveChanges(t, log, ids)) };
    },
    async changesSince(seq) {
      const t = await tx([CHANGES, MATTERS, META], 'readonly');
      const [log, ids] = await Promise.all([
        request(t.objectStore(META).get(META_LOG)).then(logOf),
        request(t.objectStore(CHANGES).getAll(IDBKeyRange.lowerBound(seq, true)) as IDBRequest<number[]>),
      ]);
      return resolveChanges(t, log, ids);
    },
    async savePacked(packed, at) {
      const blob = await packedToBlob(packed);
      return write([PACKED, CHANGES, META], async (t) => {
        const log = logOf(await request(t.objectStore(META).get(META_LOG)));
        if (log.epoch !== at.epoch || at.seq > log.seq || (log.packedSeq !== null && log.packedSeq >= at.seq)) return false;
        t.objectStore(PACKED).put(blob, PACKED_KEY);
        t.objectStore(CHANGES).delete(IDBKeyRange.upperBound(at.seq));
        t.objectStore(META).put({ ...log, packedSeq: at.seq, forgottenThrough: at.seq } satisfies IndexLog, META_LOG);
        return true;
      });
    },
  };
}
