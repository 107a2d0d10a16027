/**
 * Where the outbox's entries live: the extension's IndexedDB, one record per entry (a large entry never
 * fills one shared value for all the others), out of reach of content scripts, which can read and write
 * `storage.local` but not the extension's IndexedDB. The surfaces see a copy the background writes after every
 * change to `storage.session`, which content scripts cannot read either (the extension never widens its
 * access level). Only the background writes both.
 */
import { committed, openOnce, request } from '../storage/idb';
import { defineItem } from '../storage/item';
import type { OutboxEntry } from './outbox-machine';
import type { OutboxStore } from './outbox';

/** What the popup and the options page show of the outbox (written by the background only). */
export const outboxViewItem = defineItem<OutboxEntry[]>('session:outbox-view', { fallback: [] });

const STORE = 'entries';

interface Row {
  id: string;
  /** The entry's place in the outbox: entries of a kind go in the order they were made. */
  order: number;
  entry: OutboxEntry;
}

export function indexedDbOutboxStore(dbName = 'clio-companion-outbox', view: { setValue(e: OutboxEntry[]): Promise<void> } = outboxViewItem): OutboxStore {
  const open = openOnce(dbName, (db) => db.createObjectStore(STORE, { keyPath: 'id' }));
  return {
    async load() {
      const rows = (await request((await open()).transaction(STORE, 'readonly').objectStore(STORE).getAll())) as Row[];
      return rows.sort((a, b) => a.order - b.order).map((r) => r.entry);
    },
    async save(entries) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.clear();
      for (const [order, entry] of entries.entries()) store.put({ id: entry.id, order, entry } satisfies Row);
      await committed(tx);
      await view.setValue(entries);
    },
  };
}
