/**
 * The matter index in the background: kept in sync with Clio (first a full pass with progress,
 * then `updated_since` increments, a full pass a day to drop what disappeared), searched locally,
 * and Clio's own search until the first pass is done.
 */
import type { ClioClient } from '../clio/client';
import { searchMattersAtClio } from '../clio/matters';
import { clioMatterSource } from './clio-source';
import type { IndexedMatter, MatterStatus } from './matter';
import { createMatterIndex, type MatterIndex } from './search';
import type { MatterStore } from './store';
import { MatterSync, type SyncResult } from './sync';

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
}

export interface MatterLookup {
  statuses?: MatterStatus[];
  /** Only matters whose responsible attorney is the signed-in user. */
  mine?: boolean;
  limit?: number;
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
  private index: Promise<MatterIndex> | undefined;
  private syncs = new Map<number, MatterSync>();
  /** Bumped by sign-out: a pass still running then must not leave the firm's matters behind. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly deps: MatterServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  private loadIndex(): Promise<MatterIndex> {
    return (this.index ??= this.deps.store.loadAll().then((all) => createMatterIndex(all)));
  }

  async search(query: string, o: MatterLookup = {}): Promise<{ hits: IndexedMatter[]; source: 'index' | 'clio' }> {
    const status = await this.deps.status.get();
    const me = o.mine ? await this.deps.userId() : null;
    if (status.ready) {
      const index = await this.loadIndex();
      return { hits: index.search(query, { limit: o.limit ?? 20, statuses: o.statuses ?? ['Open', 'Pending'], responsibleAttorneyId: me }), source: 'index' };
    }
    // Not synced yet: Clio's own search, through the rate limiter, with the same statuses and "mine".
    const found = await searchMattersAtClio(this.deps.client, query.trim(), o.limit ?? 10, {
      ...(o.statuses ? { statuses: o.statuses } : {}),
      responsibleAttorneyId: me,
    });
    return {
      hits: found.map((m) => ({
        id: m.id,
        displayNumber: m.display_number,
        number: null,
        description: m.description,
        status: m.status,
        clientId: m.client?.id ?? null,
        clientName: m.client?.name ?? '',
        responsibleAttorneyId: null,
        responsibleAttorneyName: '',
        practiceArea: '',
        openDate: null,
        lastActivityDate: null,
        updatedAt: '',
      })),
      source: 'clio',
    };
  }

  async get(id: number): Promise<IndexedMatter | undefined> {
    return (await this.loadIndex()).get(id);
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
      const index = await this.loadIndex();
      if (outlived()) return null; // a MatterSync is made in the generation it serves
      sync = new MatterSync({
        source: clioMatterSource(this.deps.client),
        store: this.deps.store,
        now: this.now,
        userId,
        onProgress: (p) => {
          if (!outlived()) void this.patchStatus({ running: true, kind: p.kind, fetched: p.fetched, total: p.total });
        },
        onChanges: (c) => {
          if (c.reset) index.remove(index.all().map((m) => m.id));
          index.upsert(c.upserted);
          index.remove(c.removed);
        },
      });
      this.syncs.set(userId, sync);
    }
    await this.patchStatus({ running: true, fetched: 0, total: null, startedAt: this.now() });
    try {
      const result = await sync.run({ full });
      if (outlived()) return await this.dropOutlivedPass();
      const meta = await this.deps.store.getMeta();
      await this.patchStatus({ running: false, lastSyncAt: this.now(), ready: !!meta?.lastFullSyncAt, kind: result.kind });
      return result;
    } catch (e) {
      // Outlived a sign-out, a pass fails at its next page (no token): the pages before must not stay either.
      if (outlived()) return await this.dropOutlivedPass();
      await this.patchStatus({ running: false, error: (e as Error).message });
      throw e;
    }
  }

  /** Syncs when the last pass is older than `maxAgeMs` (the panel opening on a stale index). */
  async syncIfStale(maxAgeMs: number): Promise<void> {
    const s = await this.deps.status.get();
    // A pass marked running long ago died with its worker: it does not hold back a new one.
    const running = s.running && this.now() - (s.startedAt ?? 0) < 10 * 60_000;
    if (!running && (s.lastSyncAt === null || this.now() - s.lastSyncAt > maxAgeMs)) await this.sync().catch(() => undefined);
  }

  /** Signed out: the firm's matters do not stay in this browser. */
  async forget(): Promise<void> {
    this.generation++;
    await this.deps.store.clear();
    this.index = undefined;
    this.syncs.clear();
    await this.deps.status.set({ running: false, fetched: 0, total: null, lastSyncAt: null, ready: false });
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
