/**
 * The one way a surface binds to stored state: read a set of items in one go (one render, not one per
 * item as each answers), then follow every change from any surface or the background. A source is
 * anything with a key, a raw read and a watch: a storage item, or (for state the background keeps in
 * IndexedDB, which has no change events) a source whose watch listens to the background's announcements.
 */
import { getValues, type StorageItem } from './item';

export type Sources<T> = { [K in keyof T]: StorageItem<T[K]> };

/** Calls `onState` with the whole state once it is read, then again on every change. Returns the stop. */
export function followItems<T extends object>(items: Sources<T>, onState: (state: T) => void, onError: (e: unknown) => void): () => void {
  const keys = Object.keys(items) as Array<keyof T>;
  let state: T | undefined;
  // Changes that arrive while the first read is under way win over what it answers.
  const early: Partial<T> = {};
  const stops = keys.map((key) =>
    items[key].watch((value) => {
      if (!state) Object.assign(early, { [key]: value });
      else onState((state = { ...state, [key]: value }));
    }),
  );
  getValues<T>(items).then((values) => onState((state = { ...values, ...early })), onError);
  return () => {
    for (const stop of stops) stop();
  };
}
