/**
 * A storage item declared once: its area and key, the value it falls back to, its version and the
 * migrations that bring older stored values up to it. The same shape as WXT's `storage.defineItem`
 * in a few lines (WXT's, with its locking and metadata, costs 3.7 kB gzip in every surface).
 */
import { browser } from 'wxt/browser';

type Area = 'local' | 'session';

export interface StorageItem<T> {
  readonly key: string;
  readonly fallback: T;
  /** Whether what is stored now is at this version (a raw read of it needs no migration). */
  isMigrated(): boolean;
  /** The value from what a `get` of this item's area answered (begun while `isMigrated()`). */
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
  version?: number;
  /** `migrations[n]` turns a value stored at version n − 1 into version n. */
  migrations?: Record<number, (old: never) => unknown>;
}

type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;

export function defineItem<T>(key: `${Area}:${string}`, opts: ItemOptions<T>): StorageItem<T> {
  const [area, name] = splitKey(key);
  const metaName = `${name}$`;
  const target = opts.version ?? 1;
  const store = () => browser.storage[area];
  let ready: Promise<void> | undefined;
  let migrated = !opts.migrations;

  /** Brings a value stored by an older version up to this one, once per context. */
  const migrate = () =>
    (ready ??= (async () => {
      if (!opts.migrations) return;
      const got = await store().get([name, metaName]);
      const from = (got[metaName] as { v?: number } | undefined)?.v ?? 1;
      if (got[name] === undefined || from >= target) return;
      let value = got[name];
      for (let v = from + 1; v <= target; v++) value = opts.migrations[v]?.(value as never) ?? value;
      await store().set({ [name]: value, [metaName]: { v: target } });
    })().then(() => void (migrated = true)));

  return {
    key,
    fallback: opts.fallback,
    isMigrated: () => migrated,
    fromStored: (got) => (got[name] ?? opts.fallback) as T,
    async getValue() {
      await migrate();
      const value = (await store().get(name))[name];
      return (value ?? opts.fallback) as T;
    },
    async setValue(value) {
      await migrate();
      await store().set(opts.migrations ? { [name]: value, [metaName]: { v: target } } : { [name]: value });
    },
    async remove() {
      await store().remove([name, metaName]);
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
}

/**
 * The values of several items in one storage call per area (each call is a trip to the browser
 * process, and the popup waits for these before its first paint).
 */
export async function getValues<T extends object>(items: { [K in keyof T]: StorageItem<T[K]> }): Promise<T> {
  const keys = Object.keys(items) as Array<keyof T & string>;
  // Decided before the reads begin: a migration finishing meanwhile must not let an old value through.
  const direct = keys.filter((k) => items[k].isMigrated());
  const byArea = new Map<Area, string[]>();
  for (const k of direct) {
    const [area, name] = splitKey(items[k].key);
    byArea.set(area, [...(byArea.get(area) ?? []), name]);
  }
  const got: Record<string, Record<string, unknown>> = {};
  const out = {} as T;
  await Promise.all([
    ...[...byArea].map(async ([area, names]) => (got[area] = await browser.storage[area].get(names))),
    ...keys.filter((k) => !direct.includes(k)).map(async (k) => (out[k] = await items[k].getValue())),
  ]);
  for (const k of direct) out[k] = items[k].fromStored(got[splitKey(items[k].key)[0]]!);
  return out;
}

function splitKey(key: string): [Area, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as Area, key.slice(i + 1)];
}
