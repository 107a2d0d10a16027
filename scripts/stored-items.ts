/**
 * What the extension keeps in its items' store (lib/storage/item-store.ts: IndexedDB, one record per item key),
 * read or written from one of its pages by the e2e tests (Chromium and Firefox) and the bench. Each function runs
 * in the page (`page.evaluate(readItemsInPage, { names, ...ITEMS })`, with Playwright or Puppeteer): it refers to
 * nothing outside itself.
 */
import { ITEMS_DB, ITEMS_STORE } from '../lib/storage/item-store';

/** Where the items are, for the functions below. */
export const ITEMS = { db: ITEMS_DB, store: ITEMS_STORE };

/** In the page: the stored values of `names` (all for null), by name (a name with nothing stored is absent). */
export async function readItemsInPage({ names, db: dbName, store }: { names: string[] | null; db: string; store: string }): Promise<Record<string, unknown>> {
  const req = indexedDB.open(dbName, 1);
  // Not made yet by the extension: nothing is stored (and the test must not make it without its store).
  req.onupgradeneeded = () => req.transaction?.abort();
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
  });
  if (!db) return {};
  const tx = db.transaction(store, 'readonly');
  const got: Record<string, unknown> = {};
  const keys =
    names ??
    (await new Promise<string[]>((resolve) => (tx.objectStore(store).getAllKeys().onsuccess = (e) => resolve((e.target as IDBRequest<string[]>).result))));
  for (const name of keys) {
    const get = tx.objectStore(store).get(name);
    get.onsuccess = () => {
      if (get.result !== undefined) got[name] = get.result;
    };
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
  return got;
}

/** In the page: stores `values` in IndexedDB as they are (as a migration would: nobody is told, the surfaces' copy is left as it was). */
export async function writeItemsInPage({ values, db: dbName, store }: { values: Record<string, unknown>; db: string; store: string }): Promise<void> {
  const req = indexedDB.open(dbName, 1);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction(store, 'readwrite');
  for (const [name, value] of Object.entries(values)) tx.objectStore(store).put(value, name);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}
