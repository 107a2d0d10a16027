import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountItem } from '@/lib/auth/account-item';
import { hostsFor } from '@/lib/auth/regions';
import { panelDraftsItem, popupDraftItem } from '@/lib/drafts/drafts';
import { growConnectionItem } from '@/lib/grow/grow-connection-item';
import { matterSyncItem } from '@/lib/matters/matter-items';
import { indexedDbOutboxStore, outboxViewItem } from '@/lib/outbox/outbox-store';
import { settingsItem } from '@/lib/settings/settings-item';
import { LATEST_STORAGE_VERSION, migrateStorage, STORAGE_VERSION_KEY } from '@/lib/storage/migrations';
import { showUserStateOf } from '@/lib/storage/user-state';
import { idleItem, recentMattersItem, timerCheckedAtItem, timerItem } from '@/lib/timer/timer-items';
import v010 from '../../fixtures/storage-0.1.0.json';

const old = v010.local as Record<string, unknown>;
const ME = 'https://ca.app.clio.com#501';
const OTHER = 'https://ca.app.clio.com#502';
const aside = (old['user-state-aside'] as Record<string, Record<string, unknown>>)[OTHER]!;

describe('the migration chain from 0.1.0', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
    await fakeBrowser.storage.local.set(structuredClone(old));
  });

  it('brings 0.1.0’s storage to the latest shapes, and every item reads what 0.1.0 kept', async () => {
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    expect(await settingsItem.getValue()).toEqual(old.settings);
    expect(await accountItem.getValue()).toEqual({ ...(old.account as object), owner: ME });
    expect(await growConnectionItem.getValue()).toEqual(old['grow-connection']);
    expect(await timerItem.getValue()).toEqual(old.timer);
    expect(await timerCheckedAtItem.getValue()).toEqual(old['timer-checked-at']);
    expect(await idleItem.getValue()).toEqual(old['timer-idle']);
    expect(await recentMattersItem.getValue()).toEqual(old['recent-matters']);
    expect(await popupDraftItem.getValue()).toEqual(old['popup-draft']);
    expect(await panelDraftsItem.getValue()).toEqual({ 7: old['panel-entry-draft:7'], 12: old['panel-entry-draft:12'] });
    expect(await matterSyncItem.getValue()).toEqual(old['matter-sync']);
    // Pending, uncertain and failed entries, the other user's included: none lost, none changed (so none sent twice) but
    // for their owner: leads belong to the firm's Grow, and an entry made while signed out to the user whose state it is.
    const growOwner = hostsFor('CA').growApi;
    // They now live in IndexedDB (content scripts cannot reach it), in the same order; the surfaces see a copy.
    const expected = (old.outbox as Array<{ id: string; kind: string; owner?: string; nextAttemptAt: number | null }>).map((e) => ({
      ...(e.kind === 'grow-lead' ? { ...e, owner: growOwner } : e.owner ? e : { ...e, owner: ME }),
      nextAttemptAt: e.nextAttemptAt ?? Number.POSITIVE_INFINITY,
    }));
    expect(await indexedDbOutboxStore().load()).toEqual(expected);
    expect(await outboxViewItem.getValue()).toEqual(JSON.parse(JSON.stringify(expected))); // storage keeps Infinity as null
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.outbox).toBeUndefined();
    expect(stored['activity-descriptions']).toEqual(old['activity-descriptions']);
    expect(stored['rate-limiter:manage']).toEqual(old['rate-limiter:manage']);
    expect(stored[STORAGE_VERSION_KEY]).toBe(LATEST_STORAGE_VERSION);
    expect(Object.keys(stored).filter((k) => k.startsWith('panel-entry-draft:') || k.endsWith('$'))).toEqual([]);
  });

  it('keeps the other user’s state aside, and gives it back whole when they sign in (and the first user’s to them)', async () => {
    await migrateStorage();
    await showUserStateOf(OTHER);
    expect(await timerItem.getValue()).toEqual(aside.timer);
    expect(await popupDraftItem.getValue()).toEqual(aside.draft);
    expect(await recentMattersItem.getValue()).toEqual(aside.recent);
    expect(await panelDraftsItem.getValue()).toEqual({ 31: (aside.panelDrafts as Record<string, unknown>)['panel-entry-draft:31'] });

    await showUserStateOf(ME);
    expect(await timerItem.getValue()).toEqual(old.timer);
    expect(await popupDraftItem.getValue()).toEqual(old['popup-draft']);
    expect(await recentMattersItem.getValue()).toEqual(old['recent-matters']);
    expect(await panelDraftsItem.getValue()).toEqual({ 7: old['panel-entry-draft:7'], 12: old['panel-entry-draft:12'] });
  });

  it('runs each step once: a second run changes nothing', async () => {
    await migrateStorage();
    const once = await fakeBrowser.storage.local.get(null);
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(once);
  });

  it('starts a new install at the latest version with nothing to move', async () => {
    fakeBrowser.reset();
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    expect(await panelDraftsItem.getValue()).toEqual({});
  });
});
