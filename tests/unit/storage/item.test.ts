import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem, getValues, perUserItems } from '@/lib/storage/item';
import { itemStore } from '@/lib/storage/item-store';
import { copyAllItems } from '@/lib/storage/items-copy';

const heard = () => new Promise((r) => setTimeout(r, 20));

describe('defineItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back when nothing is stored, and keeps a local item in the extension’s IndexedDB, not in storage.local', async () => {
    const item = defineItem<{ n: number } | null>('local:thing', { fallback: null });
    expect(await item.getValue()).toBeNull();
    await item.setValue({ n: 1 });
    expect(await item.getValue()).toEqual({ n: 1 });
    expect(await itemStore().get(['thing'])).toEqual({ thing: { n: 1 } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps a session item in storage.session', async () => {
    const item = defineItem<number>('session:count', { fallback: 0 });
    await item.setValue(4);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ count: 4 });
    expect(await itemStore().get(null)).toEqual({});
  });

  it.each(['local', 'session'] as const)('tells watchers of every %s change, with the fallback for a removed value', async (area) => {
    const item = defineItem<number>(`${area}:count`, { fallback: 0 });
    const seen: Array<[number, number]> = [];
    const stop = item.watch((v, old) => seen.push([v, old]));
    await item.setValue(2);
    await item.remove();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    stop();
    await item.setValue(5);
    await heard();
    expect(seen).toEqual([
      [2, 0],
      [0, 2],
    ]);
  });

  it('tells a change once it is stored: a watcher that reads on hearing it reads the new value', async () => {
    const item = defineItem<string>('local:order', { fallback: '' });
    const read: string[] = [];
    item.watch(() => void item.getValue().then((v) => read.push(v)));
    await item.setValue('a');
    await item.setValue('b');
    await vi.waitFor(() => expect(read).toHaveLength(2));
    expect(read.at(-1)).toBe('b');
  });

  it('reads several items for a first paint in one storage.session call once the copy is whole, with fallbacks', async () => {
    await defineItem<number>('local:a', { fallback: 0 }).setValue(1);
    await fakeBrowser.storage.session.set({ c: 'three' });
    const items = {
      a: defineItem<number>('local:a', { fallback: 0 }),
      b: defineItem<string[]>('local:b', { fallback: [] }),
      c: defineItem<string>('session:c', { fallback: '' }),
    };
    const local = vi.spyOn(itemStore(), 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    // Before the background has copied every item (a browser just started): IndexedDB answers the local ones.
    expect(await getValues<{ a: number; b: string[]; c: string }>(items)).toEqual({ a: 1, b: [], c: 'three' });
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([1, 1]);

    await copyAllItems();
    local.mockClear();
    session.mockClear();
    expect(await getValues<{ a: number; b: string[]; c: string }>(items)).toEqual({ a: 1, b: [], c: 'three' });
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([0, 1]);
    // The copy follows every write and removal; getValue reads IndexedDB, the truth.
    await items.a.setValue(2);
    await items.b.setValue(['x']);
    await items.b.remove();
    expect(await getValues<{ a: number; b: string[]; c: string }>(items)).toEqual({ a: 2, b: [], c: 'three' });
    expect(await items.a.getValue()).toBe(2);
  });

  it('removes a value: it reads as the fallback again', async () => {
    const item = defineItem<number>('local:gone', { fallback: 3 });
    await item.setValue(8);
    await item.remove();
    expect(await item.getValue()).toBe(3);
    expect(await itemStore().get(null)).toEqual({});
  });

  it('registers the items that belong to the signed-in user, with what happens to them when another signs in', () => {
    const kept = defineItem<number>('local:test-kept', { fallback: 0, perUser: 'keep' });
    defineItem<number>('local:test-reset', { fallback: 0, perUser: 'reset' });
    defineItem<number>('local:test-shared', { fallback: 0 });
    expect(perUserItems().get('local:test-kept')).toEqual({ item: kept, mode: 'keep' });
    expect(perUserItems().get('local:test-reset')?.mode).toBe('reset');
    expect(perUserItems().has('local:test-shared')).toBe(false);
  });
});
