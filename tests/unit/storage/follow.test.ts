import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announce } from '@/lib/storage/announce';
import { announcedSource, followItems } from '@/lib/storage/follow';
import { defineItem } from '@/lib/storage/item';

describe('followItems', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads storage items and a source the background keeps elsewhere in one state, then follows both', async () => {
    const account = defineItem<{ signedIn: boolean }>('local:follow-account', { fallback: { signedIn: false } });
    let inIndexedDb = ['entry 1'];
    const entries = announcedSource('test-outbox', async () => [...inIndexedDb]);
    const seen: Array<{ account: { signedIn: boolean }; entries: string[] }> = [];
    const stop = followItems(
      { account, entries },
      (s) => seen.push(s),
      (e) => Promise.reject(e),
    );
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toEqual({ account: { signedIn: false }, entries: ['entry 1'] });

    inIndexedDb = ['entry 1', 'entry 2'];
    announce('test-outbox'); // what the background does after writing
    await expect.poll(() => seen.at(-1)?.entries).toEqual(['entry 1', 'entry 2']);
    await account.setValue({ signedIn: true });
    await expect.poll(() => seen.at(-1)).toEqual({ account: { signedIn: true }, entries: ['entry 1', 'entry 2'] });

    stop();
    inIndexedDb = [];
    announce('test-outbox');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)?.entries).toEqual(['entry 1', 'entry 2']);
  });
});
