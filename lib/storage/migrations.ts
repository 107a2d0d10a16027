/**
 * The one migration chain of what the extension stores in `storage.local`: every change of a stored
 * shape since 0.1.0 (the first release) is a step here, run in order by the background before it
 * serves anything. 0.1.0's shapes are written down in tests/fixtures/storage-0.1.0.json, and a test
 * upgrades them through the whole chain and checks that nothing is lost.
 *
 * A step works on the raw stored values (keys without the area prefix): it must not import feature
 * items, whose shapes are the newest ones.
 */
import { browser } from 'wxt/browser';
import { builtInServer, hostsOf } from '../auth/app-config';
import type { OutboxEntry } from '../outbox/outbox-machine';
import { indexedDbOutboxStore } from '../outbox/outbox-store';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings-item';

export interface RawStore {
  get(keys: null): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface Step {
  /** The stored-shape version this step brings storage to. */
  to: number;
  what: string;
  run(all: Record<string, unknown>, store: RawStore): Promise<void>;
}

/** Where the version of the stored shapes is kept. 0.1.0 had none: version 1. */
export const STORAGE_VERSION_KEY = 'storage-version';

const PANEL_DRAFT_PREFIX_0_1_0 = 'panel-entry-draft:';

export const STEPS: Step[] = [
  {
    to: 2,
    what: 'side-panel drafts in one keyed map; users’ state put aside keyed by item; every outbox entry owned; per-item version marks dropped',
    async run(all, store) {
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
  {
    to: 3,
    what: 'the outbox leaves storage.local (which content scripts can read and write) for IndexedDB, one record an entry',
    async run(all, store) {
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
];

export const LATEST_STORAGE_VERSION = STEPS.at(-1)?.to ?? 1;

/** Runs every step not run yet, in order; returns the version storage is at. Safe to call again. */
export async function migrateStorage(store: RawStore = browser.storage.local as unknown as RawStore): Promise<number> {
  let all = await store.get(null);
  let version = typeof all[STORAGE_VERSION_KEY] === 'number' ? (all[STORAGE_VERSION_KEY] as number) : 1;
  for (const step of STEPS) {
    if (step.to <= version) continue;
    await step.run(all, store);
    await store.set({ [STORAGE_VERSION_KEY]: step.to });
    version = step.to;
    all = await store.get(null);
  }
  return version;
}
