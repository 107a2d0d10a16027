import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { itemStore } from '@/lib/storage/item-store';
import { readWithCopy } from '@/lib/storage/items-copy';
import { LATEST_STORAGE_VERSION, STORAGE_VERSION_KEY } from '@/lib/storage/migrations';
import { prepareStorage, STORAGE_READY_KEY } from '@/lib/storage/storage-ready';

/** The chain, failing when told to (the rest of it is migrations.test.ts's). */
const chain = vi.hoisted(() => ({ fail: false }));
vi.mock('@/lib/storage/migrations', async (actual) => {
  const real = await actual<typeof import('@/lib/storage/migrations')>();
  return { ...real, migrateStorage: () => (chain.fail ? Promise.reject(new Error('disk full')) : real.migrateStorage()) };
});

describe('storage made ready once a session (prepareStorage)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    chain.fail = false;
  });

  it('the first wake of a session runs the chain, makes the surfaces’ copy whole and says so (true)', async () => {
    await fakeBrowser.storage.local.set({ settings: { region: 'CA' } }); // 0.1.0's home
    expect(await prepareStorage()).toBe(true);
    expect(await itemStore().get([STORAGE_VERSION_KEY, 'settings'])).toEqual({ [STORAGE_VERSION_KEY]: LATEST_STORAGE_VERSION, settings: { region: 'CA' } });
    expect((await readWithCopy(['settings'], [])).local).toEqual({ settings: { region: 'CA' } });
    expect((await fakeBrowser.storage.session.get(STORAGE_READY_KEY))[STORAGE_READY_KEY]).toBe(LATEST_STORAGE_VERSION);
  });

  it('a later wake of the same session reads the mark and nothing more (false)', async () => {
    await prepareStorage();
    await itemStore().set({ [STORAGE_VERSION_KEY]: 1 }); // (never happens: shows that the chain does not run again)
    await fakeBrowser.storage.local.set({ settings: { region: 'EU' } });
    expect(await prepareStorage()).toBe(false);
    expect(await itemStore().get([STORAGE_VERSION_KEY])).toEqual({ [STORAGE_VERSION_KEY]: 1 });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: { region: 'EU' } });
  });

  it('a new session (a browser start or an update empties storage.session) does it all again', async () => {
    await prepareStorage();
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.storage.local.set({ settings: { region: 'EU' } });
    await itemStore().set({ [STORAGE_VERSION_KEY]: 3 });
    expect(await prepareStorage()).toBe(true);
    expect(await itemStore().get(['settings'])).toEqual({ settings: { region: 'EU' } });
  });

  it('a chain that failed leaves no mark: the next wake runs it again; the surfaces still get their copy', async () => {
    await itemStore().set({ timer: { note: 'running' } });
    chain.fail = true;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await prepareStorage()).toBe(true);
    expect((await fakeBrowser.storage.session.get(STORAGE_READY_KEY))[STORAGE_READY_KEY]).toBeUndefined();
    expect((await readWithCopy(['timer'], [])).local).toEqual({ timer: { note: 'running' } });
    chain.fail = false;
    expect(await prepareStorage()).toBe(true);
    expect((await fakeBrowser.storage.session.get(STORAGE_READY_KEY))[STORAGE_READY_KEY]).toBe(LATEST_STORAGE_VERSION);
    expect(await prepareStorage()).toBe(false);
  });
});
