/**
 * The matter index in the background: kept in sync with Clio (first a full pass with progress,
 * then `updated_since` increments, a full pass a day to drop what disappeared), searched locally,
 * and Clio's own search until the first pass is done. Nothing is loaded when the worker wakes: a
 * search opens the packed index the store keeps (live-index.ts), exact lookups read the store's key
 * index, and a sync writes the store and re-packs the index when enough has changed.
 */
import type { ClioClient } from '../clio/client';
import type { MatterRef } from '../matter-ref';
import { type ActivityJson, recentTimeEntries } from '../time-entries/clio-activities';
import { type MatterDetailJson, matterDetail, searchMattersAtClio } from './clio-matters';
import { fromClioMatter, indexAnswers, type MatterLookup, searchIndex } from './matter-lookup';
import { clioMatterSource } from './clio-matters';
import { LiveIndex } from './live-index';
import { keysOfQuery, type LookupQuery, type KeyLookup, parseLookupKey, type LookupMatch } from './lookup-keys';
import type { MatterRow } from './matter';
import type { MatterStore } from './matter-store';
import { MatterSync, type SyncResult } from './matter-sync';

/** Changes since the stored packed index beyond which a sync re-packs it: at least this many… */
const PACK_MIN_CHANGES = 500;
/** …and at least this share of the matters (a reader applies the changes when it opens the index). */
const PACK_SHARE = 0.02;
/** At most this many matters a lookup key (a common client name may name many). */
const BY_KEYS_LIMIT = 50;

export interface SyncStatus {
  running: boolean;
  kind?: 'full' | 'incremental';
  fetched: number;
  total: number | null;
  /** When the last pass finished (epoch ms). */
  lastSyncAt: number | null;
  /** Set once the first full pass is done: from then on the index answers searches. */
  ready: boolean;
  /** When the pass under way started (epoch ms). */
  startedAt?: number;
  error?: string;
  /**
   * The index came from an older format and is still learning its clients' emails and phones (a
   * background pass fills them in): lookups by email or phone may miss until it is done.
   */
  learning?: boolean;
}

export interface MatterServiceDeps {
  client: ClioClient;
  store: MatterStore;
  /** The signed-in user's id, or null when signed out. */
  userId: () => Promise<number | null>;
  status: { get(): Promise<SyncStatus>; set(s: SyncStatus): Promise<void> };
  now?: () => number;
}

export class MatterService {
  private index: Promise<LiveIndex> | undefined;
  /** The store changed since the index last caught up. */
  private dirty = false;
  private syncs = new Map<number, MatterSync>();
  /** Bumped by sign-out: a pass still running then must not leave the firm's matters behind. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly deps: MatterServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The index as the store holds it now: opened once per worker life, then caught up after writes. */
  private async liveIndex(): Promise<LiveIndex> {
    const opening = (this.index ??= LiveIndex.open(this.deps.store));
    opening.catch(() => {
      if (this.index === opening) this.index = undefined;
    });
    const live = await opening;
    if (this.dirty) {
      this.dirty = false;
      await live.catchUp();
    }
    return live;
  }

  async search(query: string, o: MatterLookup = {}): Promise<{ hits: MatterRow[]; source: 'index' | 'clio' }> {
    const me = o.mine ? await this.deps.userId() : null;
    if (indexAnswers(await this.deps.status.get())) return { hits: searchIndex(await this.liveIndex(), query, o, me), source: 'index' };
    // Not synced yet: Clio's own search, through the rate limiter, with the same statuses and "mine".
    const found = await searchMattersAtClio(this.deps.client, query.trim(), o.limit ?? 10, {
      ...(o.statuses ? { statuses: o.statuses } : {}),
      responsibleAttorneyId: me,
    });
    return { hits: found.map(fromClioMatter), source: 'clio' };
  }

  /** The best few matters for a picker, as references. */
  async pick(query: string): Promise<MatterRef[]> {
    const { hits } = await this.search(query, { limit: 8 });
    return hits.map((m) => ({ id: m.id, displayNumber: m.displayNumber, description: m.description, clientName: m.clientName }));
  }

  /** The omnibox's Enter: a chosen suggestion carries the matter id (`matter:<id>`); plain text means the best match. */
  async resolve(text: string): Promise<number | undefined> {
    const id = /^matter:(\d+)$/.exec(text)?.[1];
    return id ? Number(id) : (await this.search(text, { limit: 1 })).hits[0]?.id;
  }

  /** The matter's own currency as the index keeps it (no request); null when it has none or is not there. */
  async currencyOf(id: number): Promise<string | null> {
    return (await this.deps.store.get(id))?.currency || null;
  }

  /** A matter's detail and its recent time, for the side panel. */
  async detail(id: number): Promise<{ matter: MatterDetailJson; recent: ActivityJson[] }> {
    const [matter, recent] = await Promise.all([matterDetail(this.deps.client, id), recentTimeEntries(this.deps.client, id, 10)]);
    return { matter, recent };
  }

  /**
   * The matters stored under any of these exact keys (emails, phones as normalisePhoneDigits gave
   * them, display numbers, client references, client names), each with the keys it matched. Read
   * from the store's key index: a cold worker needs no search index. `learning`: the clients' emails
   * and phones are not all known yet (an index from an older format, being filled in).
   */
  async byKeys(query: LookupQuery): Promise<KeyLookup> {
    const [found, meta] = await Promise.all([this.deps.store.byKeys(keysOfQuery(query), BY_KEYS_LIMIT), this.deps.store.getMeta()]);
    return {
      matches: found.map(({ matter, keys }) => ({ matter, matched: keys.map(parseLookupKey).filter((k): k is LookupMatch => k !== null) })),
      learning: !!meta?.learning,
      ready: !!meta?.lastFullSyncAt,
    };
  }

  /**
   * After an update of the extension: opens the store (which upgrades an older one in place) and
   * starts the pass that fills in what an older format lacked (its status says it is still learning).
   */
  async prepare(): Promise<void> {
    const meta = await this.deps.store.getMeta();
    if (!meta || (await this.deps.userId()) === null) return;
    if (meta.learning) await this.sync().catch(() => undefined);
    else await this.packIfBehind().catch(() => undefined);
  }

  /** Runs a pass now (joining one under way); `full` forces a full pass. */
  async sync(full = false): Promise<SyncResult | null> {
    const userId = await this.deps.userId();
    if (userId === null) return null;
    // Signed out since the pass began (forget() ran): what it fetched must not stay, nor its progress show.
    const generation = this.generation;
    const outlived = () => generation !== this.generation;
    let sync = this.syncs.get(userId);
    if (!sync) {
      sync = new MatterSync({
        source: clioMatterSource(this.deps.client),
        store: this.deps.store,
        now: this.now,
        userId,
        onProgress: (p) => {
          if (!outlived()) void this.patchStatus({ running: true, kind: p.kind, fetched: p.fetched, total: p.total });
        },
        onChanges: () => {
          this.dirty = true;
        },
      });
      this.syncs.set(userId, sync);
    }
    const learning = !!(await this.deps.store.getMeta())?.learning;
    await this.patchStatus({ running: true, fetched: 0, total: null, startedAt: this.now(), learning });
    try {
      const result = await sync.run({ full });
      if (outlived()) return await this.dropOutlivedPass();
      const meta = await this.deps.store.getMeta();
      await this.patchStatus({ running: false, lastSyncAt: this.now(), ready: !!meta?.lastFullSyncAt, kind: result.kind, learning: !!meta?.learning });
      await this.packIfBehind(result.fetched).catch(() => undefined);
      return result;
    } catch (e) {
      // Outlived a sign-out, a pass fails at its next page (no token): the pages before must not stay either.
      if (outlived()) return await this.dropOutlivedPass();
      await this.patchStatus({ running: false, error: (e as Error).message });
      throw e;
    }
  }

  /**
   * Syncs when the last pass is older than `maxAgeMs` (the panel opening on a stale index), or when
   * the index is still learning what an older format lacked (its pass did not run, or died).
   */
  async syncIfStale(maxAgeMs: number): Promise<void> {
    const s = await this.deps.status.get();
    // A pass marked running long ago died with its worker: it does not hold back a new one.
    const running = s.running && this.now() - (s.startedAt ?? 0) < 10 * 60_000;
    if (running) return;
    const stale = s.lastSyncAt === null || this.now() - s.lastSyncAt > maxAgeMs;
    if (stale || (await this.deps.store.getMeta())?.learning) await this.sync().catch(() => undefined);
  }

  /** Signed out: the firm's matters do not stay in this browser. */
  async forget(): Promise<void> {
    this.generation++;
    await this.deps.store.clear();
    this.index = undefined;
    this.dirty = false;
    this.syncs.clear();
    await this.deps.status.set({ running: false, fetched: 0, total: null, lastSyncAt: null, ready: false });
  }

  /**
   * Re-packs the stored index when the changes after it pass PACK_MIN_CHANGES and PACK_SHARE of the
   * matters (`size`, if known), so a reader opening it has few to apply; opens the index only then.
   */
  private async packIfBehind(size = 0): Promise<void> {
    const threshold = Math.max(PACK_MIN_CHANGES, Math.round(size * PACK_SHARE));
    const log = await this.deps.store.log();
    if (log.packedSeq !== null && log.seq - log.packedSeq <= threshold) return;
    const live = await this.liveIndex();
    const packed = await live.packIfBehind(Math.max(threshold, Math.round(live.size * PACK_SHARE)));
    // Built from every matter, it holds them all; opened from what was just packed, it holds a few arrays.
    if (packed && this.index) this.index = undefined;
  }

  /** A pass that outlived a sign-out stored pages after forget() cleared the store: clear it again. */
  private async dropOutlivedPass(): Promise<null> {
    await this.deps.store.clear();
    return null;
  }

  private async patchStatus(p: Partial<SyncStatus>): Promise<void> {
    const { error: _drop, ...current } = await this.deps.status.get();
    await this.deps.status.set({ ...current, ...p });
  }
}
