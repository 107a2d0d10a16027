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

/**
 * Opens database `name` at version 1 once, `upgrade` making its stores the first time. Opened again on the next call
 * after a failed open, after the browser closed the connection (its data cleared), or under a new factory (a test's
 * fresh browser profile).
 */
export function openOnce(name: string, upgrade: (db: IDBDatabase) => void): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | undefined;
  let openedWith: IDBFactory | undefined;
  return () => {
    if (openedWith !== indexedDB) db = undefined;
    openedWith = indexedDB;
    return (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => {
        r.result.onclose = () => (db = undefined);
        resolve(r.result);
      };
      r.onerror = () => {
        db = undefined;
        reject(r.error);
      };
    }));
  };
}
