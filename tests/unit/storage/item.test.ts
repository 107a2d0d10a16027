import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem, getValues, perUserItems } from '@/lib/storage/item';

describe('defineItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back when nothing is stored, and stores and reads a value', async () => {
    const item = defineItem<{ n: number } | null>('local:thing', { fallback: null });
    expect(await item.getValue()).toBeNull();
    await item.setValue({ n: 1 });
    expect(await item.getValue()).toEqual({ n: 1 });
    expect(await fakeBrowser.storage.local.get('thing')).toEqual({ thing: { n: 1 } });
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

  it('removes a value: it reads as the fallback again', async () => {
    const item = defineItem<number>('local:gone', { fallback: 3 });
    await item.setValue(8);
    await item.remove();
    expect(await item.getValue()).toBe(3);
    expect(await fakeBrowser.storage.local.get('gone')).toEqual({});
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
