import 'fake-indexeddb/auto';

/** A database as format 1 (the previous release) wrote it: matters without client fields, and its meta. */
export async function formatOneDatabase(name: string, matters: object[], meta: object): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      r.result.createObjectStore('matters', { keyPath: 'id' });
      r.result.createObjectStore('meta');
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction(['matters', 'meta'], 'readwrite');
  for (const m of matters) tx.objectStore('matters').put(m);
  tx.objectStore('meta').put(meta, 'sync');
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}
