/**
 * The matter store's IndexedDB schema, and its upgrade in place from an older one. The database's
 * version is MATTER_FORMAT_VERSION: opening it at a newer version runs, inside IndexedDB's own
 * version-change transaction, the step to each version after the stored one, so whichever context
 * opens it first (the background or the side panel) upgrades it once and no reader ever sees the old
 * shape with new code. A version without a step (or a database newer than the code) starts empty:
 * the next sync is a full one.
 */
import { BucketEdits, type KeyBucket } from './key-buckets';
import { lookupKeysOf } from './lookup-keys';
import type { IndexedMatter } from './matter';
import { fromRecord, type MatterRecord, RECORD_FIELDS, toRecord } from './matter-record';
import type { IndexLog, SyncMeta } from './matter-store';

/** The matters, as MatterRecords (key: the matter id). */
export const MATTERS = 'matters';
/** The exact-lookup keys: bucket number → KeyBucket (key-buckets.ts). */
export const KEY_BUCKETS = 'keyBuckets';
export const META = 'meta';
/** The change log: seq → matter id, for the changes a search index sees. */
export const CHANGES = 'changes';
/** The packed search index (one record). */
export const PACKED = 'packed';

export const META_SYNC = 'sync';
export const META_LOG = 'log';
export const PACKED_KEY = 'search';
/** In META: `true` while some matters' lookup keys were put off (PutOptions.deferKeys) until buildKeys. */
export const META_KEYS_DEFERRED = 'keysDeferred';
/** In META: a number bumped by every write of the key buckets, so a reader may keep the buckets it read until it changes. */
export const META_KEYS_VERSION = 'keysVersion';

export const INITIAL_LOG: IndexLog = { seq: 0, epoch: 0, packedSeq: null, forgottenThrough: 0 };

/** The schema of the current version, in an empty database. */
function createSchema(db: IDBDatabase, tx: IDBTransaction): void {
  db.createObjectStore(MATTERS, { keyPath: 'id' });
  db.createObjectStore(KEY_BUCKETS);
  db.createObjectStore(META);
  db.createObjectStore(CHANGES);
  db.createObjectStore(PACKED);
  tx.objectStore(META).put(INITIAL_LOG, META_LOG);
}

/** Format 1's matter: no client emails, phones or reference. */
type FormatOneMatter = Omit<IndexedMatter, 'clientReference' | 'clientEmails' | 'clientPhones'>;
/** Format 2's matter: an object with its lookup keys (a multiEntry index read them). */
type FormatTwoMatter = IndexedMatter & { keys: string[] };

interface Step {
  /** The schema changes to this version. */
  schema(db: IDBDatabase, tx: IDBTransaction): void;
  /** The sync meta as the version before kept it → as this version keeps it. */
  meta(s: SyncMeta): SyncMeta;
  /** A matter as the version before stored it → as this version stores it. */
  matter(stored: unknown): unknown;
}

/** Each step brings the database from the version before to its own; the matters go through every step's `matter` in one pass. */
const STEPS: Record<number, Step> = {
  /**
   * 2: the client's emails and phones, the client reference, the lookup keys, the packed index and
   * its change log. Matters keep what they had (search goes on working) and get empty client fields;
   * the sync meta asks for a full pass, which fills them in (`learning` until it is done). A pass
   * under way is dropped: its saved cursor asks for the old fields.
   */
  2: {
    schema(db, tx) {
      // (Format 2's multiEntry index over the keys is not made: step 3 would drop it at once.)
      db.createObjectStore(CHANGES);
      db.createObjectStore(PACKED);
      tx.objectStore(META).put(INITIAL_LOG, META_LOG);
    },
    meta: (s) => ({ ...s, formatVersion: 2, inProgress: null, learning: true }),
    matter(v1) {
      const m: IndexedMatter = { ...(v1 as FormatOneMatter), clientReference: '', clientEmails: [], clientPhones: [] };
      return { ...m, keys: lookupKeysOf(m) } satisfies FormatTwoMatter;
    },
  },
  /**
   * 3: the same matters in less room. Each matter is a MatterRecord (no field names), and the lookup keys
   * are hashed pairs in bucket records (key-buckets.ts), built here from every matter, in place of the
   * multiEntry index. Nothing is learnt again: the sync meta, the packed index and its log stay as they are.
   */
  3: {
    schema(db, tx) {
      const matters = tx.objectStore(MATTERS);
      if (matters.indexNames.contains('keys')) matters.deleteIndex('keys');
      db.createObjectStore(KEY_BUCKETS);
    },
    meta: (s) => ({ ...s, formatVersion: 3 }),
    matter(v2) {
      const { keys: _keys, ...m } = v2 as FormatTwoMatter;
      return toRecord({ ...m, currency: '' });
    },
  },
  /**
   * 4: the matter's currency, appended to each record ('' until Clio says: the daily full pass brings every matter's,
   * an incremental one the changed ones; meanwhile the firm's currency is shown). A pass under way is dropped: its saved
   * cursor asks for the old fields. Search and lookups are untouched.
   */
  4: {
    schema() {},
    meta: (s) => ({ ...s, formatVersion: 4, inProgress: null }),
    matter: (v3) => {
      const r = v3 as MatterRecord;
      return { id: r.id, v: [...r.v.slice(0, RECORD_FIELDS.length - 1), ''] } satisfies MatterRecord;
    },
  },
};

/** Brings the database from `oldVersion` to `newVersion` (in the version-change transaction `tx`). */
export function upgradeMatterDb(db: IDBDatabase, tx: IDBTransaction, oldVersion: number, newVersion: number): void {
  const steps: Step[] = [];
  for (let v = oldVersion + 1; v <= newVersion; v++) {
    const step = STEPS[v];
    if (!step || oldVersion === 0) {
      for (const s of Array.from(db.objectStoreNames)) db.deleteObjectStore(s);
      createSchema(db, tx);
      return;
    }
    steps.push(step);
  }
  for (const s of steps) s.schema(db, tx);
  const meta = tx.objectStore(META);
  const sync = meta.get(META_SYNC);
  sync.onsuccess = () => {
    const s = sync.result as SyncMeta | undefined;
    if (s)
      meta.put(
        steps.reduce((m, step) => step.meta(m), s),
        META_SYNC,
      );
  };
  // One pass over the matters: each through every step, and its keys into the buckets (which start empty).
  const edits = new BucketEdits();
  const cursor = tx.objectStore(MATTERS).openCursor();
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) {
      const buckets = tx.objectStore(KEY_BUCKETS);
      for (const b of edits.buckets()) {
        const bucket: KeyBucket | null = edits.apply(b, undefined);
        if (bucket) buckets.put(bucket, b);
      }
      return;
    }
    const record = steps.reduce((m, s) => s.matter(m), c.value as unknown) as MatterRecord;
    c.update(record);
    edits.change(record.id, [], lookupKeysOf(fromRecord(record)));
    c.continue();
  };
}
