/**
 * The surfaces' copy of the `local:` items, in `storage.session`, read for their first paint: one
 * `storage.session` call answers in a fresh page in about a third of the time IndexedDB takes to open and
 * answer (measured: 2.6 ms against 7.6 ms, the popup's five items, median of 30 fresh pages), and the popup
 * paints only once its state is read. `storage.session` is closed to content scripts (the extension never
 * calls `setAccessLevel`), as IndexedDB is.
 *
 * IndexedDB (item-store.ts) stays the truth: every write goes there first, then here (item.ts), and every
 * `getValue` reads there. The copy is whole (`local:*` set) once the background has copied every item, after
 * a browser start or an update (both empty `storage.session`) and the migration chain; until then readers
 * go to IndexedDB. A context stopped between the two writes leaves this copy of that item behind until its
 * next write (the background's watchers and every `getValue` read the truth).
 */
import { browser } from 'wxt/browser';
import { itemStore } from './item-store';

/** The copy of the item `name`: its item key (`local:<name>`), apart from the session items' names. */
const copyOf = (name: string): string => `local:${name}`;
/** Set once every item is copied. */
const WHOLE = 'local:*';

/** Keeps the copy of `name` in step with what was just stored (undefined: removed). */
export async function copyItem(name: string, value: unknown): Promise<void> {
  if (value === undefined) await browser.storage.session.remove(copyOf(name));
  else await browser.storage.session.set({ [copyOf(name)]: value });
}

/**
 * The session items `sessionNames` and, when the copy is whole, the copied items `names`, in one
 * `storage.session` call; `local` is undefined when the copy is not whole yet.
 */
export async function readWithCopy(names: string[], sessionNames: string[]): Promise<{ session: Record<string, unknown>; local?: Record<string, unknown> }> {
  const got = await browser.storage.session.get([...sessionNames, ...names.map(copyOf), WHOLE]);
  if (!got[WHOLE]) return { session: got };
  return { session: got, local: Object.fromEntries(names.filter((n) => got[copyOf(n)] !== undefined).map((n) => [n, got[copyOf(n)]])) };
}

/**
 * Makes the copy whole, unless it is (the background, once the migration chain has run). An item copied
 * meanwhile by its writer keeps that copy: it is at least as new as what was read here. (A removal racing
 * this copy can still leave the removed value copied, until the item's next write.)
 */
export async function copyAllItems(): Promise<void> {
  if ((await browser.storage.session.get(WHOLE))[WHOLE]) return;
  const all = await itemStore().get(null);
  const already = await browser.storage.session.get(Object.keys(all).map(copyOf));
  const missing = Object.entries(all).filter(([name]) => already[copyOf(name)] === undefined);
  await browser.storage.session.set({ ...Object.fromEntries(missing.map(([name, value]) => [copyOf(name), value])), [WHOLE]: true });
}
