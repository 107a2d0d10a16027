/**
 * A storage item declared once: its area and key, and the value it falls back to. The same shape as
 * WXT's `storage.defineItem` in a few lines (WXT's, with its locking and metadata, costs 3.7 kB gzip in
 * every surface). Stored shapes change through the one migration chain (migrations.ts), not per item.
 *
 * An item marked `perUser` belongs to the signed-in Clio user: user-state.ts puts it aside when another
 * user signs in ('keep'), or clears it ('reset'), and every such item registers here as it is declared.
 */
import { browser } from 'wxt/browser';

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

type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;

const perUser = new Map<string, { item: StorageItem<unknown>; mode: 'keep' | 'reset' }>();

/** Every per-user item declared so far, by key. */
export function perUserItems(): ReadonlyMap<string, { item: StorageItem<unknown>; mode: 'keep' | 'reset' }> {
  return perUser;
}

export function defineItem<T>(key: `${Area}:${string}`, opts: ItemOptions<T>): StorageItem<T> {
  const [area, name] = splitKey(key);
  const store = () => browser.storage[area];
  const item: StorageItem<T> = {
    key,
    fallback: opts.fallback,
    fromStored: (got) => (got[name] ?? opts.fallback) as T,
    async getValue() {
      const value = (await store().get(name))[name];
      return (value ?? opts.fallback) as T;
    },
    async setValue(value) {
      await store().set({ [name]: value });
    },
    async remove() {
      await store().remove(name);
    },
    watch(cb) {
      const listener = (changes: Changes, areaName: string) => {
        const change = areaName === area ? changes[name] : undefined;
        if (change) cb((change.newValue ?? opts.fallback) as T, (change.oldValue ?? opts.fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
  if (opts.perUser) perUser.set(key, { item: item as StorageItem<unknown>, mode: opts.perUser });
  return item;
}

/**
 * The values of several items in one storage call per area (each call is a trip to the browser
 * process, and the popup waits for these before its first paint).
 */
export async function getValues<T extends object>(items: { [K in keyof T]: StorageItem<T[K]> }): Promise<T> {
  const keys = Object.keys(items) as Array<keyof T & string>;
  const byArea = new Map<Area, string[]>();
  for (const k of keys) {
    const [area, name] = splitKey(items[k].key);
    byArea.set(area, [...(byArea.get(area) ?? []), name]);
  }
  const got: Record<string, Record<string, unknown>> = {};
  await Promise.all([...byArea].map(async ([area, names]) => (got[area] = await browser.storage[area].get(names))));
  const out = {} as T;
  for (const k of keys) out[k] = items[k].fromStored(got[splitKey(items[k].key)[0]]!);
  return out;
}

function splitKey(key: string): [Area, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as Area, key.slice(i + 1)];
}
