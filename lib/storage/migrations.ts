/**
 * The one migration chain of what the extension stores: every change of a stored shape since 0.1.0 (the
 * first release) is a step here, run in order by the background before it serves anything. 0.1.0's shapes
 * are written down in tests/fixtures/storage-0.1.0.json, and a test upgrades them through the whole chain
 * and checks that nothing is lost.
 *
 * 0.1.0 kept everything in `storage.local`; steps 2 and 3 still work there. Step 4 moves what is left into the
 * items' home, the extension's IndexedDB (item-store.ts), which content scripts cannot reach; later steps work
 * there, and nothing reads `storage.local` again.
 *
 * A step works on the raw stored values (keys without the area prefix): it must not import feature
 * items, whose shapes are the newest ones.
 */
import { browser } from 'wxt/browser';
import { builtInServer, hostsOf } from '../auth/app-config';
import type { OutboxEntry } from '../outbox/outbox-machine';
import { indexedDbOutboxStore } from '../outbox/outbox-store';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings-item';
import { itemStore } from './item-store';

export interface RawStore {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<unknown>;
  remove(keys: string[]): Promise<unknown>;
}

/** Where the chain works. */
export interface Stores {
  /** `storage.local`: 0.1.0's home of everything, which content scripts can read and write. Empty after step 4. */
  local: RawStore;
  /** The items' home from step 4 on: the extension's IndexedDB. */
  items: RawStore;
}

export interface Step {
  /** The stored-shape version this step brings storage to. */
  to: number;
  run(stores: Stores): Promise<void>;
}

/**
 * Where the version of the stored shapes is kept: in the items' store, where content scripts cannot set it
 * back (and so have the chain read `storage.local` again). 0.1.0 had none (version 1); the versions before 4
 * were kept in `storage.local` under the same key.
 */
export const STORAGE_VERSION_KEY = 'storage-version';

const PANEL_DRAFT_PREFIX_0_1_0 = 'panel-entry-draft:';

export const STEPS: Step[] = [
  // side-panel drafts in one keyed map; users’ state put aside keyed by item; every outbox entry owned; per-item version marks dropped
  {
    to: 2,
    async run({ local: store }) {
      const all = await store.get(null);
      // 0.1.0 kept each matter's side-panel draft under its own key.
      const oldKeys = Object.keys(all).filter((k) => k.startsWith(PANEL_DRAFT_PREFIX_0_1_0));
      const panel: Record<string, unknown> = { ...((all['panel-entry-drafts'] as Record<string, unknown> | undefined) ?? {}) };
      for (const k of oldKeys) if (all[k]) panel[k.slice(PANEL_DRAFT_PREFIX_0_1_0.length)] = all[k];
      // 0.1.0 put another user's state aside as { timer, draft, recent, panelDrafts: { 'panel-entry-draft:<id>': draft } }.
      const aside = (all['user-state-aside'] as Record<string, Record<string, unknown>> | undefined) ?? {};
      const byItem: Record<string, Record<string, unknown>> = {};
      for (const [owner, s] of Object.entries(aside)) {
        if (!('panelDrafts' in s || 'draft' in s || 'timer' in s || 'recent' in s)) {
          byItem[owner] = s; // already keyed by item
          continue;
        }
        const drafts = (s.panelDrafts as Record<string, unknown> | undefined) ?? {};
        byItem[owner] = {
          'local:timer': s.timer ?? null,
          ...(s.draft !== undefined ? { 'local:popup-draft': s.draft } : {}),
          'local:recent-matters': s.recent ?? [],
          'local:panel-entry-drafts': Object.fromEntries(Object.entries(drafts).map(([k, d]) => [k.replace(PANEL_DRAFT_PREFIX_0_1_0, ''), d])),
        };
      }
      // Every entry gets an owner: leads belong to the firm's Grow of the chosen region, the rest to the user whose
      // state this is (0.1.0 left an entry made while signed out without one, to be sent as whoever signed in next).
      const growOwner = hostsOf({ ...DEFAULT_SETTINGS, ...(all.settings as Partial<Settings> | undefined) }, { customServer: builtInServer() }).growApi;
      const stateOwner = typeof all['state-owner'] === 'string' ? all['state-owner'] : undefined;
      const outbox = ((all.outbox as Array<{ kind: string; owner?: string }> | undefined) ?? []).map((e) =>
        e.kind === 'grow-lead' ? { ...e, owner: growOwner } : e.owner || !stateOwner ? e : { ...e, owner: stateOwner },
      );
      // The account names its owner now (the lists show only that user's entries).
      const account = all.account as { signedIn?: boolean; owner?: string } | undefined;
      await store.set({
        ...(account?.signedIn && !account.owner && stateOwner ? { account: { ...account, owner: stateOwner } } : {}),
        'panel-entry-drafts': panel,
        ...(Object.keys(aside).length ? { 'user-state-aside': byItem } : {}),
        ...(all.outbox ? { outbox } : {}),
      });
      // Items kept a version mark beside them (`settings$`); the chain's version replaces them.
      await store.remove([...oldKeys, ...Object.keys(all).filter((k) => k.endsWith('$'))]);
    },
  },
  // the outbox leaves storage.local (which content scripts can read and write) for IndexedDB, one record an entry
  {
    to: 3,
    async run({ local: store }) {
      const all = await store.get(null);
      const entries = (all.outbox as OutboxEntry[] | undefined) ?? [];
      if (entries.length) {
        const outbox = indexedDbOutboxStore();
        const already = await outbox.load();
        const moved = entries
          .filter((e) => !already.some((a) => a.id === e.id))
          // storage.local kept Infinity as null: an entry with no next attempt waits for the user.
          .map((e) => ({ ...e, nextAttemptAt: e.nextAttemptAt ?? Number.POSITIVE_INFINITY }));
        await outbox.save([...already, ...moved]);
      }
      await store.remove(['outbox']);
    },
  },
  // everything left in storage.local (which content scripts can read and write) moves to the extension’s IndexedDB, one record a key
  {
    to: 4,
    async run({ local, items }) {
      const all = await local.get(null);
      const names = Object.keys(all).filter((k) => k !== STORAGE_VERSION_KEY);
      // A value already in IndexedDB was written there by this version: this step stopped half-way last time
      // (between these two writes), and the value is newer than the one storage.local still holds.
      const already = await items.get(names);
      await items.set(Object.fromEntries(names.filter((k) => !(k in already)).map((k) => [k, all[k]])));
      await local.remove(Object.keys(all));
    },
  },
];

export const LATEST_STORAGE_VERSION = STEPS.at(-1)?.to ?? 1;

const versionIn = (got: Record<string, unknown>): number | undefined =>
  typeof got[STORAGE_VERSION_KEY] === 'number' ? (got[STORAGE_VERSION_KEY] as number) : undefined;

/** Runs every step of `steps` not run yet, in order; returns the version storage is at. Safe to call again. */
export async function migrateStorage(
  stores: Stores = { local: browser.storage.local as unknown as RawStore, items: itemStore() },
  steps: Step[] = STEPS,
): Promise<number> {
  // Once in the items' store, the version is read from there only: storage.local is never read again.
  let version = versionIn(await stores.items.get([STORAGE_VERSION_KEY])) ?? versionIn(await stores.local.get([STORAGE_VERSION_KEY])) ?? 1;
  for (const step of steps) {
    if (step.to <= version) continue;
    await step.run(stores);
    await stores.items.set({ [STORAGE_VERSION_KEY]: step.to });
    version = step.to;
  }
  return version;
}
