/**
 * Persistence of the matter index and its sync state: in memory (tests, fallbacks) or in
 * IndexedDB in the extension's origin. The IndexedDB schema version is the matter format
 * version: bumping MATTER_FORMAT_VERSION drops both object stores, and the missing meta makes
 * the next sync a full one.
 */
import { MATTER_FORMAT_VERSION, type IndexedMatter } from './matter';

export interface SyncInProgress {
  kind: 'full' | 'incremental';
  /** The absolute `meta.paging.next` URL of the last page stored; null before the first page. */
  cursor: string | null;
  fetched: number;
  total: number | null;
  startedAt: string;
  /** Full pass only: ids seen so far, to drop matters that disappeared. */
  seenIds?: number[];
  /** Max updated_at seen in this pass so far (ISO, UTC). */
  maxUpdatedAt?: string | null;
}

export interface SyncMeta {
  formatVersion: number;
  userId: number;
  lastFullSyncAt: string | null;
  lastSyncAt: string | null;
  /** High-water mark for updated_since: the max updated_at seen, capped at the pass's start time. */
  updatedSince: string | null;
  inProgress: null | SyncInProgress;
}

export interface MatterStore {
  loadAll(): Promise<IndexedMatter[]>;
  put(matters: IndexedMatter[]): Promise<void>;
  remove(ids: number[]): Promise<void>;
  /** Drops every matter and the sync meta. */
  clear(): Promise<void>;
  getMeta(): Promise<SyncMeta | undefined>;
  setMeta(m: SyncMeta): Promise<void>;
}

const clone = <T>(v: T): T => structuredClone(v);

export function memoryMatterStore(): MatterStore {
  const matters = new Map<number, IndexedMatter>();
  let meta: SyncMeta | undefined;
  return {
    async loadAll() {
      return [...matters.values()].map(clone);
    },
    async put(list) {
      for (const m of list) matters.set(m.id, clone(m));
    },
    async remove(ids) {
      for (const id of ids) matters.delete(id);
    },
    async clear() {
      matters.clear();
      meta = undefined;
    },
    async getMeta() {
      return meta && clone(meta);
    },
    async setMeta(m) {
      meta = clone(m);
    },
  };
}

const MATTERS = 'matters';
const META = 'meta';
const META_KEY = 'sync';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

function openDb(factory: IDBFactory, name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name, version);
    r.onupgradeneeded = () => {
      // Any version change means another stored shape: start empty (a full sync rebuilds).
      const db = r.result;
      for (const s of Array.from(db.objectStoreNames)) db.deleteObjectStore(s);
      db.createObjectStore(MATTERS, { keyPath: 'id' });
      db.createObjectStore(META);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => {
      /* an older connection is closing (it closes on versionchange) */
    };
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

  async function open(): Promise<IDBDatabase> {
    const factory = opts.factory ?? globalThis.indexedDB;
    try {
      return await openDb(factory, dbName, version);
    } catch (e) {
      // A newer format on disk (the extension was downgraded): drop it and start again.
      if (e instanceof DOMException && e.name === 'VersionError') {
        await req(factory.deleteDatabase(dbName) as IDBRequest<unknown>);
        return openDb(factory, dbName, version);
      }
      throw e;
    }
  }

  function db(): Promise<IDBDatabase> {
    if (!opening) {
      opening = open().then((d) => {
        const forget = () => {
          d.close();
          opening = null;
        };
        d.onversionchange = forget;
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

  async function write(stores: string[], fn: (tx: IDBTransaction) => void): Promise<void> {
    const tx = (await db()).transaction(stores, 'readwrite');
    const finished = done(tx);
    fn(tx);
    await finished;
  }

  return {
    async loadAll() {
      const tx = (await db()).transaction(MATTERS, 'readonly');
      return req(tx.objectStore(MATTERS).getAll() as IDBRequest<IndexedMatter[]>);
    },
    put(list) {
      if (!list.length) return Promise.resolve();
      return write([MATTERS], (tx) => {
        const s = tx.objectStore(MATTERS);
        for (const m of list) s.put(m);
      });
    },
    remove(ids) {
      if (!ids.length) return Promise.resolve();
      return write([MATTERS], (tx) => {
        const s = tx.objectStore(MATTERS);
        for (const id of ids) s.delete(id);
      });
    },
    clear() {
      return write([MATTERS, META], (tx) => {
        tx.objectStore(MATTERS).clear();
        tx.objectStore(META).clear();
      });
    },
    async getMeta() {
      const tx = (await db()).transaction(META, 'readonly');
      return (await req(tx.objectStore(META).get(META_KEY) as IDBRequest<SyncMeta | undefined>)) ?? undefined;
    },
    setMeta(m) {
      return write([META], (tx) => {
        tx.objectStore(META).put(m, META_KEY);
      });
    },
  };
}
