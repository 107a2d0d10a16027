/**
 * What a filing entry has done so far, stored after every step (filing-db.ts `steps`, by outbox entry id), so a
 * worker killed mid-way resumes where it stood: a document's UploadState, a communication's matched participants,
 * its id and its time entry's. Dropped once the entry is delivered or discarded. Written by the background only.
 */
import { committed, request } from '../storage/idb';
import { openFilingDb, STEPS } from './filing-db';

export interface EntrySteps {
  get<T>(entryId: string): Promise<T | undefined>;
  set<T>(entryId: string, steps: T): Promise<void>;
  drop(entryId: string): Promise<void>;
}

interface Row {
  entryId: string;
  steps: unknown;
}

export function entrySteps(dbName?: string): EntrySteps {
  const db = () => openFilingDb(dbName);
  const write = async (f: (store: IDBObjectStore) => void) => {
    const tx = (await db()).transaction(STEPS, 'readwrite');
    f(tx.objectStore(STEPS));
    await committed(tx);
  };
  return {
    async get<T>(entryId: string) {
      const row = await request((await db()).transaction(STEPS, 'readonly').objectStore(STEPS).get(entryId) as IDBRequest<Row | undefined>);
      return row?.steps as T | undefined;
    },
    set: (entryId, steps) => write((s) => s.put({ entryId, steps } satisfies Row)),
    drop: (entryId) => write((s) => s.delete(entryId)),
  };
}
