/**
 * What the matter store keeps and answers: the matters, the sync's progress, the exact-lookup keys
 * (lookup-keys.ts), the packed search index and the log of changes made after it, so a reader
 * (the side panel, a woken background) opens the index without rebuilding it and follows later
 * syncs in place. The one implementation is IndexedDB (matter-store-idb.ts); its schema and the
 * upgrade of an older one are in matter-store-upgrade.ts.
 */
import type { IndexedMatter } from './matter';
import type { PackedIndex } from './search-packed';

export interface SyncInProgress {
  kind: 'full' | 'incremental';
  /** The absolute `meta.paging.next` URL of the last page stored; null before the first page. */
  cursor: string | null;
  fetched: number;
  total: number | null;
  startedAt: string;
  /**
   * Full pass only: the highest id stored by this pass (0 before the first page). Pages come in id
   * order, so a page stands for every id after this one up to its own last; matters stored in that
   * range and not on the page are gone.
   */
  lastId?: number;
  /** Full pass only: how many stored matters it has removed so far. */
  removed?: number;
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
  /**
   * The matters came from an older format, without their clients' emails and phones or their client
   * reference: the next full pass fills them in, and lookups by those keys are incomplete until then.
   */
  learning?: boolean;
}

/** Where the change log stands. `seq` counts every change a search index sees; `epoch` counts clears. */
export interface IndexLog {
  seq: number;
  epoch: number;
  /** The `seq` the stored packed index is as of; null when there is none. */
  packedSeq: number | null;
  /** Changes up to this `seq` are forgotten: a reader behind it opens the index afresh. */
  forgottenThrough: number;
}

/** What changed after a point of the log: matters as stored now, and ids no longer stored. */
export interface IndexChanges {
  log: IndexLog;
  upserted: IndexedMatter[];
  removed: number[];
}

/** What a page's write did: the matters that differed from what was stored, and those it removed. */
export interface PutResult {
  changed: IndexedMatter[];
  removed: number[];
}

/** A matter found by exact keys, with the keys (as asked, normalised) it was found under. */
export interface KeyedMatter {
  matter: IndexedMatter;
  keys: string[];
}

export interface PutOptions {
  /**
   * Leave the lookup keys of these matters for buildKeys (which the write records). A first full pass does:
   * nothing is looked up before it ends, and keys kept page by page would rewrite every key bucket on every
   * page (at 10,000 matters, four times the buckets' own size written, and left on disk until LevelDB compacts).
   */
  deferKeys?: boolean;
}

export interface MatterStore {
  /** Every matter, in id order (small stores and tests; readers of many use `chunk`). */
  loadAll(): Promise<IndexedMatter[]>;
  /** Up to `limit` matters with ids above `afterId`, in id order. */
  chunk(afterId: number, limit: number): Promise<IndexedMatter[]>;
  get(id: number): Promise<IndexedMatter | undefined>;
  /**
   * Writes the matters that differ from what is stored (an unchanged matter is not written).
   * `replacing` makes the write stand for a range of ids, (after, through] (through null: no end):
   * matters stored in it and not among these are removed.
   */
  put(matters: IndexedMatter[], replacing?: { after: number; through: number | null }, opts?: PutOptions): Promise<PutResult>;
  remove(ids: number[]): Promise<void>;
  /** Drops every matter, the sync meta and the packed index; readers start again (a new epoch). */
  clear(): Promise<void>;
  getMeta(): Promise<SyncMeta | undefined>;
  setMeta(m: SyncMeta): Promise<void>;
  /** Builds the lookup keys of every matter at once if a write put them off (`deferKeys`); nothing otherwise. */
  buildKeys(): Promise<void>;
  /** The matters stored under any of these lookup keys, with the keys each was found under; at most `limitPerKey` a key. */
  byKeys(keys: readonly string[], limitPerKey: number): Promise<KeyedMatter[]>;
  /** Where the change log stands. */
  log(): Promise<IndexLog>;
  /** The stored packed index (as packedToBlob wrote it) and the changes after it, read together (null when none is stored). */
  openPacked(): Promise<{ packed: Blob | null } & IndexChanges>;
  /** The changes after `seq` (meaningful while `seq` ≥ log.forgottenThrough and the epoch is the reader's). */
  changesSince(seq: number): Promise<IndexChanges>;
  /** Stores a packed index as of `at` (a point of the log), forgetting the changes up to it; ignored if the store was cleared or has a newer one since. */
  savePacked(packed: PackedIndex, at: Pick<IndexLog, 'seq' | 'epoch'>): Promise<boolean>;
}
