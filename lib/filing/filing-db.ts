/**
 * The filing database: IndexedDB `clio-companion-filing`, of the extension's origin (content scripts cannot reach
 * it; never `storage.local`). Two stores: `bytes`, a document's bytes waiting to be filed, by the dialog's one-time
 * id (bytes-store.ts); `steps`, what a filing entry has done so far, by outbox entry id (entry-steps.ts).
 * Written by the background only.
 */
export const FILING_DB = 'clio-companion-filing';
export const BYTES = 'bytes';
export const STEPS = 'steps';

/** Open databases, by factory (tests swap `indexedDB` for a fresh one) and name. */
const openedBy = new WeakMap<IDBFactory, Map<string, Promise<IDBDatabase>>>();

export function openFilingDb(name = FILING_DB): Promise<IDBDatabase> {
  const factory = indexedDB;
  let opened = openedBy.get(factory);
  if (!opened) openedBy.set(factory, (opened = new Map()));
  let db = opened.get(name);
  if (!db) {
    db = new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(name, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(BYTES, { keyPath: 'id' });
        req.result.createObjectStore(STEPS, { keyPath: 'entryId' });
      };
      req.onsuccess = () => {
        // Another context deleting or upgrading the database: let it, and open afresh next time.
        req.result.onversionchange = () => {
          req.result.close();
          opened?.delete(name);
        };
        resolve(req.result);
      };
      req.onerror = () => {
        opened?.delete(name);
        reject(req.error);
      };
    });
    opened.set(name, db);
  }
  return db;
}
