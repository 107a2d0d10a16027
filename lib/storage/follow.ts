/**
 * The one way a surface binds to stored state: read a set of sources in one go (one render, not one per
 * source as each answers), then follow every change from any surface or the background. Storage items are
 * read together, one call per area, and told of changes on their channels (item.ts). State the background
 * keeps in a store of its own is a `Source` too: `announcedSource` reads it and follows the background's
 * announcements (the background calls `announce` after each write).
 */
import { onAnnounced } from './announce';
import { getValues, type StorageItem } from './item';

/** Anything a surface can read and follow. */
export interface Source<T> {
  getValue(): Promise<T>;
  watch(cb: (value: T) => void): () => void;
}

export type Sources<T> = { [K in keyof T]: Source<T[K]> | StorageItem<T[K]> };

const isItem = (s: Source<unknown> | StorageItem<unknown>): s is StorageItem<unknown> => 'fromStored' in s;

/** A source the background writes elsewhere and announces on the channel `name` after each write. */
export function announcedSource<T>(name: string, read: () => Promise<T>): Source<T> {
  return { getValue: read, watch: (cb) => onAnnounced(name, () => void read().then(cb)) };
}

/** Calls `onState` with the whole state once it is read, then again on every change. Returns the stop. */
export function followItems<T extends object>(sources: Sources<T>, onState: (state: T) => void, onError: (e: unknown) => void): () => void {
  const keys = Object.keys(sources) as Array<keyof T>;
  let state: T | undefined;
  // Changes that arrive while the first read is under way win over what it answers.
  const early: Partial<T> = {};
  const stops = keys.map((key) =>
    sources[key].watch((value) => {
      if (!state) Object.assign(early, { [key]: value });
      else onState((state = { ...state, [key]: value }));
    }),
  );
  readAll(sources, keys).then((values) => onState((state = { ...values, ...early })), onError);
  return () => {
    for (const stop of stops) stop();
  };
}

async function readAll<T extends object>(sources: Sources<T>, keys: Array<keyof T>): Promise<T> {
  const items = Object.fromEntries(keys.filter((k) => isItem(sources[k] as never)).map((k) => [k, sources[k]])) as { [K in keyof T]: StorageItem<T[K]> };
  const others = keys.filter((k) => !isItem(sources[k] as never));
  const [fromStorage, rest] = await Promise.all([getValues<T>(items), Promise.all(others.map(async (k) => [k, await sources[k].getValue()] as const))]);
  return { ...fromStorage, ...Object.fromEntries(rest) } as T;
}
