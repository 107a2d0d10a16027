/** IndexedDB's requests, transactions and opening as promises: the one place the extension's databases take them from. */

/** One request's result. */
export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** A transaction's end: resolves once it is committed, rejects when it fails or is aborted. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

/** Opens database `name` at version 1 once, `upgrade` making its stores the first time; a failed open is tried again on the next call. */
export function openOnce(name: string, upgrade: (db: IDBDatabase) => void): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | undefined;
  return () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => {
        db = undefined;
        reject(r.error);
      };
    }));
}
