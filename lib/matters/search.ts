/**
 * The in-memory matter index behind "Search matters": a token → postings map over display number,
 * number, description and client name, with a sorted token array for prefix ranges and one-edit
 * typo tolerance found by walking those ranges. Incremental (upsert / remove). Pure.
 *
 * Matching: every query word must match a token of the record (AND), as the whole token
 * (exact), as its prefix, or — for words of ≥ 4 letters that are not all digits — with one edit
 * of the whole token or of one of its prefixes of ≥ 4 characters (see search-tokens.ts).
 *
 * Ranking: exact display-number / number match first; then the sum over query words of the
 * match quality (exact 3 > prefix 2 > typo 1); then Open, Pending, Closed; then the most recent
 * lastActivityDate, then updatedAt; then the higher id (see search-rank.ts).
 *
 * This file holds the matter table (IndexState), adding and removing a matter, and the steps of a
 * search: options, candidate gathering, filtering and ranking into the best `limit`.
 */
import { queryWords } from './fold';
import type { IndexedMatter, MatterStatus } from './matter';
import { exactKeysOf, passes, Q_EXACT, rankScore, recencyOf, type SearchFilter, statusMaskOf, statusRankOf, TopK } from './search-rank';
import { matterTokens, TokenIndex } from './search-tokens';

export { TYPO_MIN_LENGTH } from './search-tokens';

export interface MatterSearchOptions {
  /** At most this many results (default 20). */
  limit?: number;
  /** Statuses to include (default Open and Pending). */
  statuses?: Iterable<MatterStatus>;
  /** Only matters whose responsible attorney is this user ("My matters"). */
  responsibleAttorneyId?: number | null;
}

export interface MatterIndex {
  /** Best matches first; an empty query lists the most recently active matters. */
  search(query: string, opts?: MatterSearchOptions): IndexedMatter[];
  /** Adds matters or replaces those with the same id. */
  upsert(matters: Iterable<IndexedMatter>): void;
  remove(ids: Iterable<number>): void;
  get(id: number): IndexedMatter | undefined;
  readonly size: number;
  all(): IndexedMatter[];
}

export const DEFAULT_SEARCH_LIMIT = 20;
const DEFAULT_STATUSES: ReadonlySet<MatterStatus> = new Set<MatterStatus>(['Open', 'Pending']);
/** Removing more than this many matters at once may rebuild the index instead (see rebuildPays). */
const REBUILD_MIN_REMOVALS = 64;

/**
 * Everything an index holds. Matters live in slots (dense small integers, reused through a
 * free-list) so per-search scratch can be typed arrays; the per-slot columns hold what filtering
 * and ranking read. A rebuild replaces the whole state.
 */
class IndexState {
  /** Token dictionary, postings (token → slots) and sorted prefix table. */
  readonly tokens = new TokenIndex();
  /** Matter id → slot. */
  readonly slotOf = new Map<number, number>();
  /** Slot → matter; undefined while the slot is free. */
  readonly docs: Array<IndexedMatter | undefined> = [];
  /** Slot → its distinct token ids (empty while free). */
  readonly docTokens: number[][] = [];
  /** Slot → its exact-match keys (exactKeysOf), computed when first needed. */
  readonly docKeys: Array<string[] | undefined> = [];
  /** Slot → statusRankOf(status). */
  readonly statusRank: number[] = [];
  /** Slot → recencyOf(matter). */
  readonly recency: number[] = [];
  /** Slot → responsible attorney id, -1 for none. */
  readonly attorneyOf: number[] = [];
  /** Slot → matter id, the last tie-break. */
  readonly idOf: number[] = [];
  /** Free slots; the last freed is reused first. */
  readonly freeSlots: number[] = [];
  /** How many slots hold a matter. */
  live = 0;

  /** Adds a matter, or replaces the one with its id in place. */
  put(m: IndexedMatter): void {
    const existing = this.slotOf.get(m.id);
    let slot: number;
    if (existing === undefined) {
      slot = this.freeSlots.length ? this.freeSlots.pop()! : this.docs.length;
      this.slotOf.set(m.id, slot);
      this.live++;
    } else {
      slot = existing;
    }
    this.docTokens[slot] = this.tokens.index(slot, matterTokens(m), existing === undefined ? undefined : this.docTokens[slot]);
    this.docs[slot] = m;
    this.docKeys[slot] = undefined;
    this.statusRank[slot] = statusRankOf(m.status);
    this.recency[slot] = recencyOf(m);
    this.attorneyOf[slot] = m.responsibleAttorneyId ?? -1;
    this.idOf[slot] = m.id;
  }

  /** Removes the matter with this id, if held: out of the postings, its slot onto the free-list. */
  delete(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.tokens.unindex(slot, this.docTokens[slot]!);
    this.slotOf.delete(id);
    this.docs[slot] = undefined;
    this.docTokens[slot] = [];
    this.docKeys[slot] = undefined;
    this.freeSlots.push(slot);
    this.live--;
  }

  /** The matter with this id, if held. */
  get(id: number): IndexedMatter | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.docs[slot];
  }

  /** The matters held, in slot order. */
  all(): IndexedMatter[] {
    const out: IndexedMatter[] = [];
    for (const m of this.docs) if (m) out.push(m);
    return out;
  }

  /** The slot's exact-match keys, computed on first use. */
  exactKeys(slot: number): string[] {
    return (this.docKeys[slot] ??= exactKeysOf(this.docs[slot]!));
  }
}

/** Per-search scratch indexed by slot, kept from search to search (and across rebuilds). */
class SearchScratch {
  /** Slot → best match quality of the current query word; all zero between words. */
  best = new Uint8Array(0);
  /** Slot → summed match quality over the query words so far; meaningful only for current candidates. */
  acc = new Uint16Array(0);

  /** Makes room for `slots` slots (doubling, at least 64). */
  fit(slots: number): void {
    if (this.best.length >= slots) return;
    const n = Math.max(64, slots * 2);
    this.best = new Uint8Array(n);
    this.acc = new Uint16Array(n);
  }
}

/** The filter the options ask for: Open and Pending by default, anyone's matters by default. */
function filterOf(opts: MatterSearchOptions): SearchFilter {
  return { statusMask: statusMaskOf(opts.statuses ?? DEFAULT_STATUSES), attorney: opts.responsibleAttorneyId ?? null };
}

/** The number of results asked for: 20 by default, rounded down, never negative. */
function limitOf(opts: MatterSearchOptions): number {
  return Math.max(0, Math.floor(opts.limit ?? DEFAULT_SEARCH_LIMIT));
}

/** Many removals: rebuilding is cheaper than scrubbing long postings one by one. */
function rebuildPays(removals: number, live: number): boolean {
  return removals > REBUILD_MIN_REMOVALS && removals * 4 > live;
}

/** A fresh state holding the matters of `state` except those with these ids. */
function rebuiltWithout(state: IndexState, ids: number[]): IndexState {
  const gone = new Set(ids);
  const keep = state.all().filter((m) => !gone.has(m.id));
  const next = new IndexState();
  for (const m of keep) next.put(m);
  return next;
}

/** Offers every matter passing the filter to `top` by recency alone (the empty query). */
function offerRecent(state: IndexState, filter: SearchFilter, top: TopK): void {
  const { docs, statusRank, attorneyOf, recency, idOf } = state;
  for (let slot = 0; slot < docs.length; slot++) {
    if (docs[slot] === undefined || !passes(filter, statusRank[slot]!, attorneyOf[slot]!)) continue;
    top.offer(slot, 0, recency[slot]!, idOf[slot]!);
  }
}

/** The slots matching every query word (AND), leaving in acc[slot] their summed best match quality. */
function gatherCandidates(tokens: TokenIndex, scratch: SearchScratch, qWords: string[]): number[] {
  const { best, acc } = scratch;
  let candidates: number[] = [];
  for (let wi = 0; wi < qWords.length; wi++) {
    const touched: number[] = [];
    tokens.markWord(qWords[wi]!, best, touched);
    if (wi === 0) {
      for (const s of touched) acc[s] = best[s]!;
      candidates = touched;
    } else {
      const next: number[] = [];
      for (const s of candidates) {
        const b = best[s]!;
        if (b) {
          acc[s] = acc[s]! + b;
          next.push(s);
        }
      }
      candidates = next;
    }
    for (const s of touched) best[s] = 0;
    if (!candidates.length) break;
  }
  return candidates;
}

/** Offers each candidate passing the filter to `top`, scored by exact number match, summed quality and status. */
function offerRanked(state: IndexState, candidates: number[], acc: Uint16Array, qWords: string[], filter: SearchFilter, top: TopK): void {
  const { statusRank, attorneyOf, recency, idOf } = state;
  // An exact display-number / number match matches every word exactly, so only those
  // candidates need their keys compared.
  const joined = qWords.join('');
  const allExact = Q_EXACT * qWords.length;
  for (const s of candidates) {
    if (!passes(filter, statusRank[s]!, attorneyOf[s]!)) continue;
    const a = acc[s]!;
    const exact = a === allExact && state.exactKeys(s).includes(joined);
    top.offer(s, rankScore(exact, a, statusRank[s]!), recency[s]!, idOf[s]!);
  }
}

/** One search: filter, then recent matters for an empty query or candidates ranked, then the best `limit`. */
function searchState(state: IndexState, scratch: SearchScratch, query: string, opts: MatterSearchOptions): IndexedMatter[] {
  const limit = limitOf(opts);
  if (limit === 0) return [];
  const filter = filterOf(opts);
  const top = new TopK(limit);
  const qWords = queryWords(query);
  if (!qWords.length) {
    offerRecent(state, filter, top);
  } else {
    state.tokens.sort();
    scratch.fit(state.docs.length);
    const candidates = gatherCandidates(state.tokens, scratch, qWords);
    offerRanked(state, candidates, scratch.acc, qWords, filter, top);
  }
  return top.slots.map((s) => state.docs[s]!);
}

/** An index over `initial`; its state is replaced whole when a large removal rebuilds it. */
export function createMatterIndex(initial: Iterable<IndexedMatter> = []): MatterIndex {
  let state = new IndexState();
  const scratch = new SearchScratch();
  const index: MatterIndex = {
    search(query, opts = {}) {
      return searchState(state, scratch, query, opts);
    },
    upsert(matters) {
      for (const m of matters) state.put(m);
    },
    remove(ids) {
      const list = [...ids].filter((id) => state.slotOf.has(id));
      if (rebuildPays(list.length, state.live)) state = rebuiltWithout(state, list);
      else for (const id of list) state.delete(id);
    },
    get(id) {
      return state.get(id);
    },
    get size() {
      return state.live;
    },
    all() {
      return state.all();
    },
  };
  index.upsert(initial);
  return index;
}
