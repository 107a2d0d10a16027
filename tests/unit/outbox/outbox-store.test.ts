import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import { indexedDbOutboxStore, outboxViewItem } from '@/lib/outbox/outbox-store';

const entry = (id: string, createdAt: number, note = ''): OutboxEntry => ({
  id,
  kind: 'time-entry',
  payload: { note },
  state: 'pending',
  attempts: 0,
  createdAt,
  nextAttemptAt: Number.POSITIVE_INFINITY,
  owner: 'clio#1',
});

describe('the outbox in IndexedDB', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
  });

  it('keeps each entry as a record of its own, in the outbox’s order, and survives a new worker', async () => {
    await indexedDbOutboxStore().save([entry('zz', 1, 'first'), entry('aa', 2, 'second'), entry('mm', 3, 'x'.repeat(200_000))]);
    const again = indexedDbOutboxStore(); // a restarted worker opens it afresh
    expect((await again.load()).map((e) => e.id)).toEqual(['zz', 'aa', 'mm']);
    expect((await again.load())[0]!.nextAttemptAt).toBe(Number.POSITIVE_INFINITY);
    await again.save([entry('aa', 2, 'second')]);
    expect((await indexedDbOutboxStore().load()).map((e) => e.id)).toEqual(['aa']);
  });

  it('leaves a copy for the surfaces in storage.session, and nothing in storage.local', async () => {
    await indexedDbOutboxStore().save([entry('a', 1)]);
    expect((await outboxViewItem.getValue()).map((e) => e.id)).toEqual(['a']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
