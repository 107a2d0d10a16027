/**
 * What the background does with storage before it serves anything, and how a wake skips it once done. The
 * first wake of a browser session (or after an update, a reload or a re-enable: each empties `storage.session`)
 * runs the migration chain, then makes the surfaces' copy whole, then sets one `storage.session` mark; every
 * later wake reads that mark and nothing else (one `storage.session` call, where the chain alone opens
 * IndexedDB and reads the version). The mark names the chain's latest version, and is set only once the chain
 * succeeded: a chain that failed runs again on the next wake. `storage.session` is closed to content scripts.
 */
import { browser } from 'wxt/browser';
import { copyAllItems } from './items-copy';
import { LATEST_STORAGE_VERSION, migrateStorage } from './migrations';

/** Set in `storage.session` once this session's storage is migrated and the surfaces' copy is whole. */
export const STORAGE_READY_KEY = 'storage-ready';

/**
 * Brings storage up to date unless this session already did; resolves with true when it did the work now (the
 * session's first wake: per-session chores are due), false when the mark said it was done. Never rejects: a
 * failure is logged, and tried again on the next wake.
 */
export async function prepareStorage(): Promise<boolean> {
  try {
    if ((await browser.storage.session.get(STORAGE_READY_KEY))[STORAGE_READY_KEY] === LATEST_STORAGE_VERSION) return false;
  } catch {
    // Unreadable: do the work.
  }
  let migrated = false;
  try {
    await migrateStorage();
    migrated = true;
  } catch (e) {
    console.warn('[clio-companion] storage migration:', (e as Error)?.message);
  }
  try {
    // The surfaces' copy of the items, for their first paint (made after the chain: it copies the newest shapes).
    await copyAllItems();
    if (migrated) await browser.storage.session.set({ [STORAGE_READY_KEY]: LATEST_STORAGE_VERSION });
  } catch (e) {
    console.warn('[clio-companion] items copy:', (e as Error)?.message);
  }
  return true;
}
