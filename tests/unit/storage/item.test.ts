import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem, getValues } from '@/lib/storage/item';

describe('defineItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back when nothing is stored, and stores and reads a value', async () => {
    const item = defineItem<{ n: number } | null>('local:thing', { fallback: null });
    expect(await item.getValue()).toBeNull();
    await item.setValue({ n: 1 });
    expect(await item.getValue()).toEqual({ n: 1 });
    expect(await fakeBrowser.storage.local.get('thing')).toEqual({ thing: { n: 1 } });
  });

  it('migrates a value stored by an older version, once', async () => {
    await fakeBrowser.storage.local.set({ settings: { a: 1 }, settings$: { v: 1 } });
    let runs = 0;
    const item = defineItem<{ a: number; b: number; c?: number }>('local:settings', {
      fallback: { a: 0, b: 0 },
      version: 3,
      migrations: {
        2: (old: { a: number }) => (runs++, { ...old, b: 2 }),
        3: ({ c: _drop, ...old }: { a: number; b: number; c?: number }) => (runs++, old),
      },
    });
    expect(await item.getValue()).toEqual({ a: 1, b: 2 });
    expect(await item.getValue()).toEqual({ a: 1, b: 2 });
    expect(runs).toBe(2);
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 3 });
  });

  it('tells watchers of every change, with the fallback for a removed value', async () => {
    const item = defineItem<number>('session:count', { fallback: 0 });
    const seen: Array<[number, number]> = [];
    const stop = item.watch((v, old) => seen.push([v, old]));
    await item.setValue(2);
    await fakeBrowser.storage.session.remove('count');
    stop();
    await item.setValue(5);
    expect(seen).toEqual([
      [2, 0],
      [0, 2],
    ]);
  });

  it('reads several items with one storage call per area, with fallbacks', async () => {
    await fakeBrowser.storage.local.set({ a: 1 });
    await fakeBrowser.storage.session.set({ c: 'three' });
    const calls: string[] = [];
    for (const area of ['local', 'session'] as const) {
      const get = fakeBrowser.storage[area].get.bind(fakeBrowser.storage[area]) as (keys: string[]) => Promise<Record<string, unknown>>;
      fakeBrowser.storage[area].get = ((keys: string[]) => (calls.push(area), get(keys))) as never;
    }
    const values = await getValues<{ a: number; b: string[]; c: string }>({
      a: defineItem<number>('local:a', { fallback: 0 }),
      b: defineItem<string[]>('local:b', { fallback: [] }),
      c: defineItem<string>('session:c', { fallback: '' }),
    });
    expect(values).toEqual({ a: 1, b: [], c: 'three' });
    expect(calls.sort()).toEqual(['local', 'session']);
  });

  it('reads an item that still has to migrate on its own, migrated', async () => {
    await fakeBrowser.storage.local.set({ old: { a: 1 }, old$: { v: 1 } });
    const item = defineItem<{ a: number; b: number }>('local:old', {
      fallback: { a: 0, b: 0 },
      version: 2,
      migrations: { 2: (o: { a: number }) => ({ ...o, b: 2 }) },
    });
    expect(await getValues<{ x: { a: number; b: number } }>({ x: item })).toEqual({ x: { a: 1, b: 2 } });
  });

  it('never lets an unmigrated value through when a migration finishes while the read is under way', async () => {
    await fakeBrowser.storage.local.set({ m: { a: 1 }, m$: { v: 1 } });
    await fakeBrowser.storage.session.set({ s: 'x' });
    const item = defineItem<{ a: number; b?: number }>('local:m', {
      fallback: { a: 0 },
      version: 2,
      migrations: { 2: (o: { a: number }) => ({ ...o, b: 2 }) },
    });
    const migrating = item.getValue();
    const both = getValues<{ m: { a: number; b?: number }; s: string }>({ m: item, s: defineItem<string>('session:s', { fallback: '' }) });
    await migrating;
    expect(await both).toEqual({ m: { a: 1, b: 2 }, s: 'x' });
  });

  it('removes a value: it reads as the fallback again', async () => {
    const item = defineItem<number>('local:gone', { fallback: 3 });
    await item.setValue(8);
    await item.remove();
    expect(await item.getValue()).toBe(3);
    expect(await fakeBrowser.storage.local.get('gone')).toEqual({});
  });
});
