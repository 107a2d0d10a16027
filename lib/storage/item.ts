/**
 * A storage item declared once: its area and key, and the value it falls back to. The same shape as
 * WXT's `storage.defineItem` in a few lines (WXT's, with its locking and metadata, costs 3.7 kB gzip in
 * every surface). Stored shapes change through the one migration chain (migrations.ts), not per item.
 *
 * Where an item lives, by the area its key names; content scripts can reach neither:
 * - `local:` items live in the extension's IndexedDB (item-store.ts, one record per key) and survive a restart.
 *   Not in `storage.local`, which content scripts (steered by a hostile page) can read and write. The surfaces'
 *   first read (`getValues`) answers from a copy in `storage.session`, which is faster to reach (items-copy.ts).
 * - `session:` items live in `storage.session`, which is closed to content scripts (the extension never calls
 *   `setAccessLevel`) and goes with the browser session.
 * Every write is told to the other contexts on the item's BroadcastChannel (announce.ts, named after its key),
 * with the new and the old value, once it is stored: `watch` listens there, in every area alike.
 *
 * An item marked `perUser` belongs to the signed-in Clio user: user-state.ts puts it aside when another
 * user signs in ('keep'), or clears it ('reset'), and every such item registers here as it is declared.
 */
import { browser } from 'wxt/browser';
import { announce, onAnnounced } from './announce';
import { itemStore, type KeyValueArea } from './item-store';
import { copyItem, readWithCopy } from './items-copy';

type Area = 'local' | 'session';

export interface StorageItem<T> {
  readonly key: string;
  readonly fallback: T;
  /** The value from what a `get` of this item's area answered. */
  fromStored(got: Record<string, unknown>): T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Forgets the stored value: it reads as the fallback again. */
  remove(): Promise<void>;
  /** Calls `cb` on every change (from any surface); returns the function that stops watching. */
  watch(cb: (value: T, old: T) => void): () => void;
}

export interface ItemOptions<T> {
  fallback: T;
  /** The signed-in user's: kept for them when another user signs in ('keep'), or cleared ('reset'). */
  perUser?: 'keep' | 'reset';
}

/** What an item's channel carries after each write (undefined: removed). */
interface Change {
  value: unknown;
  old: unknown;
}

/** `storage.session` as a KeyValueArea: a write reads what it replaces first (for the watchers' `old`). */
const sessionArea: KeyValueArea = {
  get: (names) => browser.storage.session.get(names),
  async set(values) {
    const old = await browser.storage.session.get(Object.keys(values));
    await browser.storage.session.set(values);
    return old;
  },
  async remove(names) {
    const old = await browser.storage.session.get(names);
    await browser.storage.session.remove(names);
    return old;
  },
};

const areaOf = (area: Area): KeyValueArea => (area === 'local' ? itemStore() : sessionArea);

const perUser = new Map<string, { item: StorageItem<unknown>; mode: 'keep' | 'reset' }>();

/** Every per-user item declared so far, by key. */
export function perUserItems(): ReadonlyMap<string, { item: StorageItem<unknown>; mode: 'keep' | 'reset' }> {
  return perUser;
}

export function defineItem<T>(key: `${Area}:${string}`, opts: ItemOptions<T>): StorageItem<T> {
  const [area, name] = splitKey(key);
  const store = () => areaOf(area);
  const item: StorageItem<T> = {
    key,
    fallback: opts.fallback,
    fromStored: (got) => (got[name] ?? opts.fallback) as T,
    async getValue() {
      return item.fromStored(await store().get([name]));
    },
    async setValue(value) {
      const old = await store().set({ [name]: value });
      if (area === 'local') await copyItem(name, value);
      announce(key, { value, old: old[name] } satisfies Change);
    },
    async remove() {
      const old = await store().remove([name]);
      if (area === 'local') await copyItem(name, undefined);
      announce(key, { value: undefined, old: old[name] } satisfies Change);
    },
    watch: (cb) => onAnnounced<Change>(key, (c) => cb((c.value ?? opts.fallback) as T, (c.old ?? opts.fallback) as T)),
  };
  if (opts.perUser) perUser.set(key, { item: item as StorageItem<unknown>, mode: opts.perUser });
  return item;
}

/**
 * The values of several items, read for a surface's first paint (the popup waits for these): one
 * `storage.session` call for the session items and the copy of the local ones (items-copy.ts); one IndexedDB
 * transaction more for the local ones while that copy is not whole.
 */
export async function getValues<T extends object>(items: { [K in keyof T]: StorageItem<T[K]> }): Promise<T> {
  const keys = Object.keys(items) as Array<keyof T & string>;
  const names: Record<Area, string[]> = { local: [], session: [] };
  for (const k of keys) {
    const [area, name] = splitKey(items[k].key);
    names[area].push(name);
  }
  const { session, local } = await readWithCopy(names.local, names.session);
  const got: Record<Area, Record<string, unknown>> = { session, local: local ?? (names.local.length ? await itemStore().get(names.local) : {}) };
  const out = {} as T;
  for (const k of keys) out[k] = items[k].fromStored(got[splitKey(items[k].key)[0]]);
  return out;
}

function splitKey(key: string): [Area, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as Area, key.slice(i + 1)];
}
