import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountItem } from '@/lib/auth/account-item';
import { hostsFor } from '@/lib/auth/regions';
import { panelDraftsItem, popupDraftItem } from '@/lib/drafts/drafts';
import { growConnectionItem } from '@/lib/grow/grow-connection-item';
import { matterSyncItem } from '@/lib/matters/matter-items';
import { indexedDbOutboxStore, outboxViewItem } from '@/lib/outbox/outbox-store';
import { settingsItem } from '@/lib/settings/settings-item';
import { itemStore } from '@/lib/storage/item-store';
import { LATEST_STORAGE_VERSION, migrateStorage, type RawStore, STEPS, STORAGE_VERSION_KEY } from '@/lib/storage/migrations';
import { showUserStateOf } from '@/lib/storage/user-state';
import { idleItem, recentMattersItem, timerCheckedAtItem, timerItem } from '@/lib/timer/timer-items';
import v010 from '../../fixtures/storage-0.1.0.json';

const old = v010.local as Record<string, unknown>;
const ME = 'https://ca.app.clio.com#501';
const OTHER = 'https://ca.app.clio.com#502';
const aside = (old['user-state-aside'] as Record<string, Record<string, unknown>>)[OTHER]!;
const local = fakeBrowser.storage.local as unknown as RawStore;

/** 0.1.0's outbox as the chain leaves it: every entry owned (leads by the firm's Grow), none changed but for that. */
const expectedOutbox = () =>
  (old.outbox as Array<{ id: string; kind: string; owner?: string; nextAttemptAt: number | null }>).map((e) => ({
    ...(e.kind === 'grow-lead' ? { ...e, owner: hostsFor('CA').growApi } : e.owner ? e : { ...e, owner: ME }),
    nextAttemptAt: e.nextAttemptAt ?? Number.POSITIVE_INFINITY,
  }));

/**
 * Every pending entry, draft, timer, waiting lead and setting 0.1.0 kept reads as it was, once and only once (an
 * entry twice in the outbox would be sent twice), and storage.local (which content scripts can read and write)
 * holds nothing.
 */
async function expectNothingLostNorDoubled(): Promise<void> {
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
  // The outbox lives in IndexedDB (content scripts cannot reach it), in the same order; the surfaces see a copy.
  const outbox = await indexedDbOutboxStore().load();
  expect(outbox).toEqual(expectedOutbox());
  expect(new Set(outbox.map((e) => e.id)).size).toBe(outbox.length);
  expect(outbox.filter((e) => e.kind === 'grow-lead').map((e) => e.id)).toEqual(['7c3d-lead-failed']); // the lead waiting
  expect(await outboxViewItem.getValue()).toEqual(JSON.parse(JSON.stringify(expectedOutbox()))); // storage keeps Infinity as null
  // What no item of this test reads moved too, as it was.
  const items = await itemStore().get(null);
  expect(items['activity-descriptions']).toEqual(old['activity-descriptions']);
  expect(items['rate-limiter:manage']).toEqual(old['rate-limiter:manage']);
  expect(items[STORAGE_VERSION_KEY]).toBe(LATEST_STORAGE_VERSION);
  expect(Object.keys(items).filter((k) => k.startsWith('panel-entry-draft:') || k.endsWith('$') || k === 'outbox')).toEqual([]);
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
}

describe('the migration chain from 0.1.0', () => {
  beforeEach(async () => {
    fakeBrowser.reset(); // and the extension's IndexedDB
    await fakeBrowser.storage.local.set(structuredClone(old));
  });

  it('brings 0.1.0’s storage to the latest shapes, in the extension’s IndexedDB, and every item reads what 0.1.0 kept', async () => {
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    await expectNothingLostNorDoubled();
  });

  // What the earlier issues left: the house (version 2: everything in storage.local) and the outbox's move
  // (version 3: the outbox in IndexedDB, the rest and the version in storage.local), as their code ran the chain.
  it.each([2, 3])('brings what version %i left to the latest shapes, nothing lost nor doubled', async (left) => {
    expect(
      await migrateStorage(
        { local, items: local },
        STEPS.filter((s) => s.to <= left),
      ),
    ).toBe(left);
    expect((await fakeBrowser.storage.local.get(STORAGE_VERSION_KEY))[STORAGE_VERSION_KEY]).toBe(left);
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    await expectNothingLostNorDoubled();
  });

  it('finishes a move stopped half-way (the worker killed between its two writes): what IndexedDB holds is newer', async () => {
    await migrateStorage(
      undefined,
      STEPS.filter((s) => s.to <= 3),
    );
    // Step 4 copied everything, then the worker died before storage.local was emptied; the timer moved on since.
    await itemStore().set({ ...(await fakeBrowser.storage.local.get(null)), timer: { ...(old.timer as object), note: 'since the move' } });
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    expect((await timerItem.getValue())?.note).toBe('since the move');
    expect(await popupDraftItem.getValue()).toEqual(old['popup-draft']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('never reads storage.local again: what a content script writes there afterwards (a timer, an entry, an older version) is ignored', async () => {
    await migrateStorage();
    const forgedTimer = { ...(old.timer as object), note: 'FORGED' };
    const forgedEntry = { ...(old.outbox as object[])[0]!, id: 'forged', note: 'FORGED' };
    await fakeBrowser.storage.local.set({ timer: forgedTimer, outbox: [forgedEntry], [STORAGE_VERSION_KEY]: 1 });
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    expect(await timerItem.getValue()).toEqual(old.timer);
    expect((await indexedDbOutboxStore().load()).map((e) => e.id)).not.toContain('forged');
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
    const once = await itemStore().get(null);
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    expect(await itemStore().get(null)).toEqual(once);
    expect(await indexedDbOutboxStore().load()).toEqual(expectedOutbox());
  });

  it('starts a new install at the latest version with nothing to move', async () => {
    fakeBrowser.reset();
    expect(await migrateStorage()).toBe(LATEST_STORAGE_VERSION);
    expect(await panelDraftsItem.getValue()).toEqual({});
  });
});
