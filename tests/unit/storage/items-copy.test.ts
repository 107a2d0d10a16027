import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { itemStore } from '@/lib/storage/item-store';
import { copyAllItems, copyItem, readWithCopy } from '@/lib/storage/items-copy';

describe('the surfaces’ copy of the items in storage.session', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is not read until the background has copied every item (after a browser start, which empties storage.session)', async () => {
    await itemStore().set({ timer: { note: 'running' }, account: { signedIn: true } });
    await copyItem('timer', { note: 'running' }); // a write since the start copies its item only
    expect((await readWithCopy(['timer', 'account'], [])).local).toBeUndefined();
    await copyAllItems();
    expect((await readWithCopy(['timer', 'account', 'timer-idle'], [])).local).toEqual({ timer: { note: 'running' }, account: { signedIn: true } });
  });

  it('keeps what a writer copied while the background was copying (it is at least as new)', async () => {
    await itemStore().set({ settings: { region: 'US' } });
    await copyItem('settings', { region: 'CA' });
    await copyAllItems();
    expect((await readWithCopy(['settings'], [])).local).toEqual({ settings: { region: 'CA' } });
  });

  it('is made once: the next worker finds it whole and reads nothing more', async () => {
    await itemStore().set({ a: 1 });
    await copyAllItems();
    await itemStore().set({ a: 2 }); // (never happens without copyItem; shows that nothing is copied again)
    await copyAllItems();
    expect((await readWithCopy(['a'], [])).local).toEqual({ a: 1 });
  });

  it('reads session items in the same call, and never answers them as copies', async () => {
    await fakeBrowser.storage.session.set({ 'outbox-view': [1], 'panel-query': null });
    await itemStore().set({ 'outbox-view': 'not a local item' });
    await copyAllItems();
    const { session, local } = await readWithCopy(['timer'], ['outbox-view']);
    expect(session['outbox-view']).toEqual([1]);
    expect(local).toEqual({});
  });
});
