/**
 * Where every `local:` item lives (item.ts): a key-value object store in the extension's own IndexedDB, one
 * record per item key. Content scripts can read and write `storage.local`, but they run in the page's origin and
 * cannot reach the extension's IndexedDB. The background and the extension's pages share it.
 *
 * Each call is one transaction: a write is all there or not at all, even when the worker is killed during it,
 * and once it resolves every context reads the new value. The same shape as a `storage` area, so the migration
 * chain and `defineItem` use both alike.
 */
import { committed, openOnce } from './idb';

export interface KeyValueArea {
  /** The stored values of `names` (every stored value for null); a name with nothing stored is absent. */
  get(names: string[] | null): Promise<Record<string, unknown>>;
  /** Stores the values in one transaction; answers what they replaced. */
  set(values: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Forgets the names in one transaction; answers what they held. */
  remove(names: string[]): Promise<Record<string, unknown>>;
}

export const ITEMS_DB = 'clio-companion-items';
export const ITEMS_STORE = 'items';

export function indexedDbItemStore(dbName = ITEMS_DB): KeyValueArea {
  const open = openOnce(dbName, (db) => db.createObjectStore(ITEMS_STORE));
  /** Runs `op` in one transaction; resolves with what it gathered once the transaction is committed. */
  const inTransaction = async (mode: IDBTransactionMode, op: (store: IDBObjectStore, got: Record<string, unknown>) => void) => {
    const tx = (await open()).transaction(ITEMS_STORE, mode);
    const got: Record<string, unknown> = {};
    const done = committed(tx).then(() => got);
    try {
      op(tx.objectStore(ITEMS_STORE), got);
    } catch (e) {
      // A value that cannot be stored (not cloneable): nothing of this call is.
      tx.abort();
      void done.catch(() => undefined);
      throw e;
    }
    return done;
  };
  /** Reads `names` into `got` (a name with no record stays absent). */
  const read = (store: IDBObjectStore, names: string[], got: Record<string, unknown>) => {
    for (const name of names) {
      const req = store.get(name);
      req.onsuccess = () => {
        if (req.result !== undefined) got[name] = req.result;
      };
    }
  };
  return {
    get: (names) =>
      inTransaction('readonly', (store, got) => {
        if (names) return read(store, names, got);
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          got[c.key as string] = c.value;
          c.continue();
        };
      }),
    set: (values) =>
      inTransaction('readwrite', (store, old) => {
        read(store, Object.keys(values), old);
        for (const [name, value] of Object.entries(values)) store.put(value, name);
      }),
    remove: (names) =>
      inTransaction('readwrite', (store, old) => {
        read(store, names, old);
        for (const name of names) store.delete(name);
      }),
  };
}

let shared: KeyValueArea | undefined;
/** The items' store of this context, opened once. */
export const itemStore = (): KeyValueArea => (shared ??= indexedDbItemStore());
