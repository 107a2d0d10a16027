/**
 * A small key-value store for secrets (OAuth tokens). In the extension it is IndexedDB in the
 * extension's own origin: it keeps them from web pages and from content scripts (which can read
 * `storage.local`), and only the background service worker opens it. It is not encrypted: it does not
 * protect against someone who can read the browser profile on disk, or another program running as the user.
 */
export interface SecretStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memorySecretStore(): SecretStore {
  const map = new Map<string, unknown>();
  return {
    async get<T>(key: string) {
      return structuredClone(map.get(key)) as T | undefined;
    },
    async set<T>(key: string, value: T) {
      map.set(key, structuredClone(value));
    },
    async delete(key: string) {
      map.delete(key);
    },
  };
}

import { openOnce, request } from './idb';

const STORE = 'secrets';

export function indexedDbSecretStore(dbName = 'clio-companion-secrets'): SecretStore {
  const open = openOnce(dbName, (db) => db.createObjectStore(STORE));
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> =>
    request(op((await open()).transaction(STORE, mode).objectStore(STORE))) as Promise<T>;
  return {
    get: <T>(key: string) => run<T | undefined>('readonly', (s) => s.get(key)),
    set: async (key, value) => void (await run('readwrite', (s) => s.put(value, key))),
    delete: async (key) => void (await run('readwrite', (s) => s.delete(key))),
  };
}
