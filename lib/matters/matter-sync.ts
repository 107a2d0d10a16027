/**
 * Incremental, resumable sync of every matter the user can see into a MatterStore.
 *
 * - First sync (no meta, or another format version or user): clear, then a full pass.
 * - Full pass (also when the last one is over 24 h old, on request, or while the store is still
 *   learning the client fields an older format lacked): cursor paging with limit=200 over every
 *   matter in id order; each page stands for the ids from the last page's up to its own (the
 *   last page: every id after), so stored matters in that range not on it are removed as it is stored.
 * - Only matters that differ from what is stored are written (the store compares).
 * - Otherwise an incremental pass: `updated_since` = the high-water mark minus 1 s of overlap.
 * - The cursor, counts and the last id stored are persisted after every page, so a pass interrupted by a
 *   service-worker restart resumes where it stopped (from a new MatterSync on the same store).
 * Pure (the Clio client and the store are injected).
 */
import { MATTER_FORMAT_VERSION, MATTER_SYNC_FIELDS, parseClioMatter, type IndexedMatter } from './matter';
import type { MatterStore, SyncInProgress } from './matter-store';

export type { SyncMeta, SyncInProgress } from './matter-store';

export interface MatterPageParams {
  fields: string;
  limit: number;
  updatedSince?: string;
  order: 'id(asc)';
}

export interface MatterPageSource {
  /** One page of GET /matters.json. `cursor` null = first page with these params; otherwise the absolute `meta.paging.next` URL of the previous page. */
  page(
    cursor: string | null,
    params: MatterPageParams,
  ): Promise<{ matters: unknown[]; next: string | null; total?: number /* meta.records when Clio sends it */ }>;
}

export type SyncKind = 'full' | 'incremental';
export interface SyncProgress {
  fetched: number;
  total: number | null;
  kind: SyncKind;
}
export interface SyncChanges {
  /** The store was cleared first (format or user changed): drop everything held in memory. */
  reset: boolean;
  upserted: IndexedMatter[];
  removed: number[];
}
export interface SyncResult {
  kind: SyncKind;
  fetched: number;
  removed: number;
  requests: number;
}

export interface MatterSyncDeps {
  source: MatterPageSource;
  store: MatterStore;
  now: () => number;
  userId: number;
  onProgress?: (p: SyncProgress) => void;
  /** Told of every change written to the store, so an in-memory MatterIndex can follow. */
  onChanges?: (c: SyncChanges) => void;
}

export const SYNC_PAGE_LIMIT = 200;
export const FULL_SYNC_EVERY_MS = 24 * 3_600_000;
/** Subtracted from the high-water mark so same-second updates are not missed. */
export const UPDATED_SINCE_OVERLAP_MS = 1_000;

const iso = (ms: number): string => new Date(ms).toISOString();

function parseTime(s: string | null | undefined): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

export class MatterSync {
  private running: Promise<SyncResult> | null = null;

  constructor(private readonly deps: MatterSyncDeps) {}

  /** Runs one pass (or resumes the interrupted one). A call while a pass runs joins it. */
  run(opts: { full?: boolean } = {}): Promise<SyncResult> {
    if (!this.running) {
      this.running = this.pass(opts).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async pass(opts: { full?: boolean }): Promise<SyncResult> {
    const { source, store, now, userId } = this.deps;
    let meta = await store.getMeta();
    const startedMs = now();

    if (!meta || meta.formatVersion !== MATTER_FORMAT_VERSION || meta.userId !== userId) {
      await store.clear();
      this.deps.onChanges?.({ reset: true, upserted: [], removed: [] });
      meta = { formatVersion: MATTER_FORMAT_VERSION, userId, lastFullSyncAt: null, lastSyncAt: null, updatedSince: null, inProgress: null };
    }

    let job: SyncInProgress | null = meta.inProgress;
    if (job && (opts.full || meta.learning) && job.kind === 'incremental') job = null; // a full pass covers it
    if (!job) {
      const lastFull = parseTime(meta.lastFullSyncAt);
      const full = !!opts.full || !!meta.learning || lastFull === null || startedMs - lastFull >= FULL_SYNC_EVERY_MS || meta.updatedSince === null;
      job = {
        kind: full ? 'full' : 'incremental',
        cursor: null,
        fetched: 0,
        total: null,
        startedAt: iso(startedMs),
        maxUpdatedAt: null,
        ...(full ? { lastId: 0 } : {}),
      };
      meta = { ...meta, inProgress: job };
      await store.setMeta(meta);
    }

    const params: MatterPageParams = { fields: MATTER_SYNC_FIELDS, limit: SYNC_PAGE_LIMIT, order: 'id(asc)' };
    const since = parseTime(meta.updatedSince);
    if (job.kind === 'incremental' && since !== null) params.updatedSince = iso(since - UPDATED_SINCE_OVERLAP_MS);

    const full = job.kind === 'full';
    // The first full pass leaves the lookup keys to its end (nothing is looked up before it), then builds them at once.
    const deferKeys = full && meta.lastFullSyncAt === null;
    let maxUpdated = parseTime(job.maxUpdatedAt);
    let requests = 0;
    let removedCount = job.removed ?? 0;
    if (job.fetched > 0 || job.cursor) this.deps.onProgress?.({ fetched: job.fetched, total: job.total, kind: job.kind });

    let restarted = false;
    // The page after the one being stored is already on its way: the request and the store's writes overlap.
    const ask = (cursor: string | null) => {
      const answer = source.page(cursor, params);
      answer.catch(() => undefined); // awaited below; a pass that ends first (a failed write) leaves it unread
      return answer;
    };
    let asked = ask(job.cursor);
    for (;;) {
      let page: Awaited<ReturnType<MatterPageSource['page']>>;
      try {
        page = await asked;
      } catch (e) {
        // A saved cursor Clio no longer accepts (expired, or from before an API change): start the
        // pass again from its first page, once. What was already stored stays valid.
        if (!job.cursor || restarted || !isRefusedCursor(e)) throw e;
        restarted = true;
        requests++;
        job = { ...job, cursor: null, fetched: 0, ...(full ? { lastId: 0 } : {}) }; // (what it removed stays removed)
        asked = ask(null);
        continue;
      }
      requests++;
      const matters: IndexedMatter[] = [];
      for (const raw of page.matters) {
        const m = parseClioMatter(raw);
        if (!m) continue;
        matters.push(m);
        const u = parseTime(m.updatedAt);
        if (u !== null && (maxUpdated === null || u > maxUpdated)) maxUpdated = u;
      }
      const fetched: number = job.fetched + page.matters.length;
      const total: number | null = page.total ?? job.total;
      // A next link that repeats the cursor would loop forever; treat it as the end.
      const next: string | null = page.next && page.next !== job.cursor && page.matters.length ? page.next : null;
      // A full pass's page stands for its range of ids; the last page for every id after the one before.
      const after: number = job.lastId ?? 0;
      const through: number | null = next ? Math.max(after, ...matters.map((m) => m.id)) : null;
      if (next) asked = ask(next);
      const { changed, removed } = await store.put(matters, full ? { after, through } : undefined, { deferKeys });
      removedCount += removed.length;
      if (changed.length || removed.length) this.deps.onChanges?.({ reset: false, upserted: changed, removed });
      job = {
        ...job,
        cursor: next,
        fetched,
        total,
        maxUpdatedAt: maxUpdated === null ? null : iso(maxUpdated),
        ...(full ? { lastId: through ?? after, removed: removedCount } : {}),
      };
      meta = { ...meta, inProgress: job };
      await store.setMeta(meta);
      this.deps.onProgress?.({ fetched, total, kind: job.kind });
      if (!next) break;
    }

    // Next high-water mark: the newest updated_at seen, but no later than this pass's start, so a
    // matter updated while the pass ran (after its page went by) is picked up next time.
    const startedAt = parseTime(job.startedAt) ?? startedMs;
    let mark = maxUpdated === null ? (job.kind === 'full' ? startedAt : null) : Math.min(maxUpdated, startedAt);
    if (since !== null && (mark === null || mark < since)) mark = since; // never move backwards
    await store.buildKeys();
    const finishedAt = iso(now());
    const { learning: _learnt, ...rest } = meta;
    await store.setMeta({
      ...(full ? rest : meta), // a full pass has learnt every matter's client fields
      inProgress: null,
      lastSyncAt: finishedAt,
      lastFullSyncAt: job.kind === 'full' ? job.startedAt : meta.lastFullSyncAt,
      updatedSince: mark === null ? null : iso(mark),
    });
    return { kind: job.kind, fetched: job.fetched, removed: removedCount, requests };
  }
}

/** Clio answered the request itself with a client error (not a sign-in, rate-limit or network problem). */
function isRefusedCursor(e: unknown): boolean {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' && [400, 404, 410, 422].includes(status);
}
