/**
 * The matter store's IndexedDB schema, and its upgrade in place from an older one. The database's
 * version is MATTER_FORMAT_VERSION: opening it at a newer version runs, inside IndexedDB's own
 * version-change transaction, the step to each version after the stored one, so whichever context
 * opens it first (the background or the side panel) upgrades it once and no reader ever sees the old
 * shape with new code. A version without a step (or a database newer than the code) starts empty:
 * the next sync is a full one.
 */
import { lookupKeysOf } from './lookup-keys';
import type { IndexedMatter } from './matter';
import type { IndexLog, SyncMeta } from './matter-store';

export const MATTERS = 'matters';
/** The multiEntry index of `matters` over each matter's lookup keys. */
export const KEYS_INDEX = 'keys';
export const META = 'meta';
/** The change log: seq → matter id, for the changes a search index sees. */
export const CHANGES = 'changes';
/** The packed search index (one record). */
export const PACKED = 'packed';

export const META_SYNC = 'sync';
export const META_LOG = 'log';
export const PACKED_KEY = 'search';

export const INITIAL_LOG: IndexLog = { seq: 0, epoch: 0, packedSeq: null, forgottenThrough: 0 };

/**
 * The fields of a stored matter, in the order its `v` holds them: a matter is stored as its id, its
 * lookup keys (which the keys index reads) and its fields' values, not as an object whose every record
 * repeats the field names (a quarter of its bytes). Changing it is a new format: a version and a step.
 */
export const STORED_FIELDS = [
  'displayNumber',
  'number',
  'description',
  'status',
  'clientId',
  'clientName',
  'responsibleAttorneyId',
  'responsibleAttorneyName',
  'practiceArea',
  'openDate',
  'lastActivityDate',
  'updatedAt',
  'clientReference',
  'clientEmails',
  'clientPhones',
] as const satisfies ReadonlyArray<Exclude<keyof IndexedMatter, 'id'>>;

/** A matter as stored. */
export interface StoredMatter {
  id: number;
  keys: string[];
  v: unknown[];
}

export function toStored(m: IndexedMatter): StoredMatter {
  return { id: m.id, keys: lookupKeysOf(m), v: STORED_FIELDS.map((f) => m[f]) };
}

export function fromStored(r: StoredMatter): IndexedMatter {
  const m: Record<string, unknown> = { id: r.id };
  STORED_FIELDS.forEach((f, i) => {
    m[f] = r.v[i];
  });
  return m as unknown as IndexedMatter;
}

/** The schema of the current version, in an empty database. */
function createSchema(db: IDBDatabase, tx: IDBTransaction): void {
  db.createObjectStore(MATTERS, { keyPath: 'id' }).createIndex(KEYS_INDEX, 'keys', { multiEntry: true });
  db.createObjectStore(META);
  db.createObjectStore(CHANGES);
  db.createObjectStore(PACKED);
  tx.objectStore(META).put(INITIAL_LOG, META_LOG);
}

/** Each step brings the database from the version before to its own. */
const STEPS: Record<number, (db: IDBDatabase, tx: IDBTransaction) => void> = {
  /**
   * 2: the client's emails and phones, the client reference, the lookup keys, the packed index and
   * its change log. Matters keep what they had (search goes on working) and get empty client fields;
   * the sync meta asks for a full pass, which fills them in (`learning` until it is done). A pass
   * under way is dropped: its saved cursor asks for the old fields.
   */
  2(db, tx) {
    const matters = tx.objectStore(MATTERS);
    matters.createIndex(KEYS_INDEX, 'keys', { multiEntry: true });
    db.createObjectStore(CHANGES);
    db.createObjectStore(PACKED);
    const meta = tx.objectStore(META);
    meta.put(INITIAL_LOG, META_LOG);
    const sync = meta.get(META_SYNC);
    sync.onsuccess = () => {
      const s = sync.result as SyncMeta | undefined;
      if (s) meta.put({ ...s, formatVersion: 2, inProgress: null, learning: true } satisfies SyncMeta, META_SYNC);
    };
    const cursor = matters.openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const v1 = c.value as Omit<IndexedMatter, 'clientReference' | 'clientEmails' | 'clientPhones'>;
      c.update(toStored({ ...v1, clientReference: '', clientEmails: [], clientPhones: [] }));
      c.continue();
    };
  },
};

/** Brings the database from `oldVersion` to `newVersion` (in the version-change transaction `tx`). */
export function upgradeMatterDb(db: IDBDatabase, tx: IDBTransaction, oldVersion: number, newVersion: number): void {
  const steps: number[] = [];
  for (let v = oldVersion + 1; v <= newVersion; v++) steps.push(v);
  if (oldVersion === 0 || steps.some((v) => !STEPS[v])) {
    for (const s of Array.from(db.objectStoreNames)) db.deleteObjectStore(s);
    createSchema(db, tx);
    return;
  }
  for (const v of steps) STEPS[v]!(db, tx);
}
