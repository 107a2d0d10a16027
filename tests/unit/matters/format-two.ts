import 'fake-indexeddb/auto';
import { lookupKeysOf } from '@/lib/matters/lookup-keys';
import type { IndexedMatter } from '@/lib/matters/matter';

/**
 * A database as format 2 (the previous release) wrote it: each matter an object with its lookup keys as
 * strings under a multiEntry index, the sync meta, the change log, the packed index (a Blob) and the log's meta.
 */
export async function formatTwoDatabase(
  name: string,
  matters: IndexedMatter[],
  stored: { meta: object; log: object; changes?: Array<[number, number]>; packed?: Blob },
): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 2);
    r.onupgradeneeded = () => {
      r.result.createObjectStore('matters', { keyPath: 'id' }).createIndex('keys', 'keys', { multiEntry: true });
      r.result.createObjectStore('meta');
      r.result.createObjectStore('changes');
      r.result.createObjectStore('packed');
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction(['matters', 'meta', 'changes', 'packed'], 'readwrite');
  for (const m of matters) tx.objectStore('matters').put({ ...m, keys: lookupKeysOf(m) });
  tx.objectStore('meta').put(stored.meta, 'sync');
  tx.objectStore('meta').put(stored.log, 'log');
  for (const [seq, id] of stored.changes ?? []) tx.objectStore('changes').put(id, seq);
  if (stored.packed) tx.objectStore('packed').put(stored.packed, 'search');
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}
