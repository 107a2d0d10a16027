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
 * An index may start from a packed base (search-packed.ts: what was persisted, loaded without
 * tokenising) and holds the matters that changed since beside it: an upsert of a matter in the base
 * retires its base slot and indexes the new version anew; `pack()` writes base and changes as one
 * new packed index.
 *
 * This file holds the matter table (IndexState), adding and removing a matter, packing, and the
 * steps of a search: options, candidate gathering, filtering and ranking into the best `limit`.
 */
import { queryWords } from './fold';
import { type IndexedMatter, type MatterRow, type MatterStatus, rowOf } from './matter';
import { ByteWriter, decodeRow, encodeRow, hasExactKey, PACKED_FORMAT, type PackedIndex, PackedTokens, U32Writer } from './search-packed';
import { exactKeysOf, passes, Q_EXACT, rankScore, recencyOf, type SearchFilter, statusMaskOf, statusRankOf, TopK } from './search-rank';
import { matterTokens, markWord, TokenIndex } from './search-tokens';

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
  search(query: string, opts?: MatterSearchOptions): MatterRow[];
  /** Adds matters or replaces those with the same id. */
  upsert(matters: Iterable<IndexedMatter>): void;
  remove(ids: Iterable<number>): void;
  /** Drops every matter (and the base). */
  clear(): void;
  get(id: number): MatterRow | undefined;
  readonly size: number;
  /** The ids of the matters held. */
  ids(): number[];
  /** Everything held, as one packed index (slots in id order). */
  pack(): PackedIndex;
}

/** The fields of a matter the index reads: a change elsewhere (the client's emails, say) leaves the index as it is. */
export const SEARCHED_FIELDS = [
  'displayNumber',
  'number',
  'description',
  'clientName',
  'status',
  'responsibleAttorneyId',
  'lastActivityDate',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof IndexedMatter>;

/** Whether the index sees two versions of a matter alike. */
export function searchedAlike(a: IndexedMatter, b: IndexedMatter): boolean {
  return SEARCHED_FIELDS.every((f) => a[f] === b[f]);
}

export const DEFAULT_SEARCH_LIMIT = 20;
const DEFAULT_STATUSES: ReadonlySet<MatterStatus> = new Set<MatterStatus>(['Open', 'Pending']);
/** Removing more than this many matters at once may rebuild the index instead (see rebuildPays). */
const REBUILD_MIN_REMOVALS = 64;
/** The status rank of a slot without a live matter (free, or a base slot retired): no filter passes it. */
const DEAD = 3;

/**
 * Everything an index holds. Matters live in slots (dense small integers) so per-search scratch can
 * be typed arrays; the per-slot columns hold what filtering and ranking read. Slots [0, baseCount)
 * are the packed base's (retired, never reused, when their matter changes or goes); the slots after
 * are the changes', reused through a free-list. A rebuild replaces the whole state.
 */
class IndexState {
  /** The changes' tokens: dictionary, postings (token → slots) and sorted prefix table. */
  readonly tokens = new TokenIndex();
  readonly base: PackedIndex | null;
  readonly baseTokens: PackedTokens | null;
  readonly baseCount: number;
  /** Matter id → slot, for the changes' slots (a base slot is found by binary search of base.ids). */
  readonly changedSlotOf = new Map<number, number>();
  /** Slot - baseCount → matter; undefined while the slot is free. */
  readonly docs: Array<IndexedMatter | undefined> = [];
  /** Slot - baseCount → its distinct token ids (empty while free). */
  readonly docTokens: number[][] = [];
  /** Changed slot → its exact-match keys (exactKeysOf), computed when first needed (a base slot's are packed). */
  readonly docKeys = new Map<number, string[]>();
  /** Slot → statusRankOf(status), DEAD without a live matter. Typed columns: copied from a base at once, grown by doubling. */
  statusRank: Uint8Array;
  /** Slot → recencyOf(matter). */
  recency: Float64Array;
  /** Slot → responsible attorney id, -1 for none. */
  attorneyOf: Float64Array;
  /** Slot → matter id, the last tie-break. */
  idOf: Float64Array;
  /** How many slots there are (live or not). */
  slots: number;
  /** Free slots among the changes'; the last freed is reused first. */
  readonly freeSlots: number[] = [];
  /** How many slots hold a matter. */
  live: number;

  constructor(base: PackedIndex | null = null) {
    this.base = base;
    this.baseTokens = base ? new PackedTokens(base) : null;
    this.baseCount = base?.count ?? 0;
    this.slots = this.baseCount;
    const room = this.baseCount + 64;
    this.statusRank = grown(base?.statusRank, new Uint8Array(room));
    this.recency = grown(base?.recency, new Float64Array(room));
    this.attorneyOf = grown(base?.attorney, new Float64Array(room));
    this.idOf = grown(base?.ids, new Float64Array(room));
    this.live = this.baseCount;
  }

  /** A new slot at the end, the columns grown when full. */
  private newSlot(): number {
    if (this.slots === this.statusRank.length) {
      const room = this.slots * 2;
      this.statusRank = grown(this.statusRank, new Uint8Array(room));
      this.recency = grown(this.recency, new Float64Array(room));
      this.attorneyOf = grown(this.attorneyOf, new Float64Array(room));
      this.idOf = grown(this.idOf, new Float64Array(room));
    }
    return this.slots++;
  }

  /** The live base slot of this matter id, if any. */
  private baseSlot(id: number): number | undefined {
    const ids = this.base?.ids;
    if (!ids) return undefined;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < ids.length && ids[lo] === id && this.statusRank[lo] !== DEAD ? lo : undefined;
  }

  /** The slot holding this matter id, if held. */
  slotOf(id: number): number | undefined {
    return this.changedSlotOf.get(id) ?? this.baseSlot(id);
  }

  /** Adds a matter, or replaces the one with its id (in place among the changes; a base slot is retired). */
  put(m: IndexedMatter): void {
    let slot = this.changedSlotOf.get(m.id);
    const fresh = slot === undefined;
    if (slot === undefined) {
      const retired = this.baseSlot(m.id);
      if (retired === undefined) this.live++;
      else this.retire(retired);
      slot = this.freeSlots.length ? this.freeSlots.pop()! : this.newSlot();
      this.changedSlotOf.set(m.id, slot);
    }
    const k = slot - this.baseCount;
    this.docTokens[k] = this.tokens.index(slot, matterTokens(m), fresh ? undefined : this.docTokens[k]);
    this.docs[k] = m;
    this.docKeys.delete(slot);
    this.statusRank[slot] = statusRankOf(m.status);
    this.recency[slot] = recencyOf(m);
    this.attorneyOf[slot] = m.responsibleAttorneyId ?? -1;
    this.idOf[slot] = m.id;
  }

  /** A base slot no longer holds its matter. */
  private retire(slot: number): void {
    this.statusRank[slot] = DEAD;
  }

  /** Removes the matter with this id, if held: a change's slot leaves the postings for the free-list; a base slot is retired. */
  delete(id: number): void {
    const slot = this.changedSlotOf.get(id);
    if (slot === undefined) {
      const b = this.baseSlot(id);
      if (b === undefined) return;
      this.retire(b);
      this.live--;
      return;
    }
    const k = slot - this.baseCount;
    this.tokens.unindex(slot, this.docTokens[k]!);
    this.changedSlotOf.delete(id);
    this.docs[k] = undefined;
    this.docTokens[k] = [];
    this.docKeys.delete(slot);
    this.statusRank[slot] = DEAD;
    this.freeSlots.push(slot);
    this.live--;
  }

  /** The row of the matter at a live slot. */
  row(slot: number): MatterRow {
    return slot < this.baseCount ? decodeRow(this.base!, slot) : rowOf(this.docs[slot - this.baseCount]!);
  }

  /** The matter with this id, if held, as a row. */
  get(id: number): MatterRow | undefined {
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : this.row(slot);
  }

  /** The live slots, in slot order. */
  liveSlots(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.slots; s++) if (this.statusRank[s] !== DEAD) out.push(s);
    return out;
  }

  /** The matters held among the changes (all of them when there is no base). */
  changedDocs(): IndexedMatter[] {
    return this.docs.filter((m): m is IndexedMatter => m !== undefined);
  }

  /** Whether `key` (the query's words run together) is one of the slot's exact-match keys. */
  hasExactKey(slot: number, key: string): boolean {
    return slot < this.baseCount ? hasExactKey(this.base!, slot, key) : this.exactKeys(slot).includes(key);
  }

  /** A changed slot's exact-match keys, computed on first use. */
  private exactKeys(slot: number): string[] {
    let keys = this.docKeys.get(slot);
    if (!keys) {
      keys = exactKeysOf(this.docs[slot - this.baseCount]!);
      this.docKeys.set(slot, keys);
    }
    return keys;
  }

  /** Base and changes as one packed index, slots in id order. */
  pack(): PackedIndex {
    const slots = this.liveSlots().sort((a, b) => this.idOf[a]! - this.idOf[b]!);
    const newSlot = new Int32Array(this.slots).fill(-1);
    slots.forEach((s, i) => {
      newSlot[s] = i;
    });
    const tokens: string[] = [];
    const starts = new U32Writer();
    const postings = new U32Writer();
    const add = (list: ArrayLike<number>) => {
      for (let i = 0; i < list.length; i++) {
        const to = newSlot[list[i]!]!;
        if (to >= 0) postings.push(to);
      }
    };
    // Merge the base's sorted tokens with the changes', each token once with the slots of both.
    const baseSorted = this.baseTokens?.sorted ?? [];
    const changed = this.tokens.entries();
    let c = changed.next();
    let b = 0;
    while (b < baseSorted.length || !c.done) {
      const bt = b < baseSorted.length ? baseSorted[b]! : null;
      const ct = c.done ? null : c.value[0];
      const t = bt !== null && (ct === null || bt <= ct) ? bt : ct!;
      const before = postings.length;
      if (bt === t) add(this.baseTokens!.slotsAt(b++));
      if (ct === t) {
        add(c.value![1]);
        c = changed.next();
      }
      if (postings.length > before) {
        tokens.push(t);
        starts.push(before);
      }
    }
    starts.push(postings.length);
    const rows = new ByteWriter();
    const rowStarts = new Uint32Array(slots.length + 1);
    const ids = new Float64Array(slots.length);
    const statusRank = new Uint8Array(slots.length);
    const recency = new Float64Array(slots.length);
    const attorney = new Float64Array(slots.length);
    const exactKeys: string[] = [];
    const exactStarts = new Uint32Array(slots.length + 1);
    let exactLength = 0;
    slots.forEach((s, i) => {
      rowStarts[i] = rows.length;
      exactStarts[i] = exactLength;
      let keys: string;
      if (s < this.baseCount) {
        const base = this.base!;
        rows.push(base.rows.subarray(base.rowStarts[s]!, base.rowStarts[s + 1]!));
        keys = base.exactKeys.slice(base.exactStarts[s]!, base.exactStarts[s + 1]!);
      } else {
        const m = this.docs[s - this.baseCount]!;
        rows.push(encodeRow(m));
        keys = exactKeysOf(m)
          .map((k) => `${k}\n`)
          .join('');
      }
      exactKeys.push(keys);
      exactLength += keys.length;
      ids[i] = this.idOf[s]!;
      statusRank[i] = this.statusRank[s]!;
      recency[i] = this.recency[s]!;
      attorney[i] = this.attorneyOf[s]!;
    });
    rowStarts[slots.length] = rows.length;
    exactStarts[slots.length] = exactLength;
    return {
      format: PACKED_FORMAT,
      count: slots.length,
      tokens: tokens.join('\n'),
      postingStarts: starts.array(),
      postings: postings.array(),
      ids,
      statusRank,
      recency,
      attorney,
      rowStarts,
      rows: rows.bytes(),
      exactKeys: exactKeys.join(''),
      exactStarts,
    };
  }
}

/** `into` holding `from` at its start (`from` may be absent). */
function grown<T extends Uint8Array | Float64Array>(from: T | undefined, into: T): T {
  if (from) into.set(from);
  return into;
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

/** Many removals from an index without a base: rebuilding is cheaper than scrubbing long postings one by one. */
function rebuildPays(state: IndexState, removals: number): boolean {
  return state.base === null && removals > REBUILD_MIN_REMOVALS && removals * 4 > state.live;
}

/** A fresh state holding the matters of `state` (which has no base) except those with these ids. */
function rebuiltWithout(state: IndexState, ids: number[]): IndexState {
  const gone = new Set(ids);
  const next = new IndexState();
  for (const m of state.changedDocs()) if (!gone.has(m.id)) next.put(m);
  return next;
}

/** Offers every matter passing the filter to `top` by recency alone (the empty query). */
function offerRecent(state: IndexState, filter: SearchFilter, top: TopK): void {
  const { statusRank, attorneyOf, recency, idOf } = state;
  for (let slot = 0; slot < state.slots; slot++) {
    if (!passes(filter, statusRank[slot]!, attorneyOf[slot]!)) continue;
    top.offer(slot, 0, recency[slot]!, idOf[slot]!);
  }
}

/** The slots matching every query word (AND), leaving in acc[slot] their summed best match quality. */
function gatherCandidates(state: IndexState, scratch: SearchScratch, qWords: string[]): number[] {
  const { best, acc } = scratch;
  let candidates: number[] = [];
  for (let wi = 0; wi < qWords.length; wi++) {
    const touched: number[] = [];
    if (state.baseTokens) markWord(state.baseTokens, qWords[wi]!, best, touched);
    state.tokens.markWord(qWords[wi]!, best, touched);
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
    const exact = a === allExact && state.hasExactKey(s, joined);
    top.offer(s, rankScore(exact, a, statusRank[s]!), recency[s]!, idOf[s]!);
  }
}

/** One search: filter, then recent matters for an empty query or candidates ranked, then the best `limit`. */
function searchState(state: IndexState, scratch: SearchScratch, query: string, opts: MatterSearchOptions): MatterRow[] {
  const limit = limitOf(opts);
  if (limit === 0) return [];
  const filter = filterOf(opts);
  const top = new TopK(limit);
  const qWords = queryWords(query);
  if (!qWords.length) {
    offerRecent(state, filter, top);
  } else {
    scratch.fit(state.slots);
    const candidates = gatherCandidates(state, scratch, qWords);
    offerRanked(state, candidates, scratch.acc, qWords, filter, top);
  }
  return top.slots.map((s) => state.row(s));
}

/** An index over `initial`, on top of a packed `base` if given; its state is replaced whole when a large removal rebuilds it. */
export function createMatterIndex(initial: Iterable<IndexedMatter> = [], base: PackedIndex | null = null): MatterIndex {
  let state = new IndexState(base);
  const scratch = new SearchScratch();
  const index: MatterIndex = {
    search(query, opts = {}) {
      return searchState(state, scratch, query, opts);
    },
    upsert(matters) {
      for (const m of matters) state.put(m);
    },
    remove(ids) {
      const list = [...ids].filter((id) => state.slotOf(id) !== undefined);
      if (rebuildPays(state, list.length)) state = rebuiltWithout(state, list);
      else for (const id of list) state.delete(id);
    },
    clear() {
      state = new IndexState();
    },
    get(id) {
      return state.get(id);
    },
    get size() {
      return state.live;
    },
    ids() {
      return state.liveSlots().map((s) => state.idOf[s]!);
    },
    pack() {
      return state.pack();
    },
  };
  index.upsert(initial);
  return index;
}

/** An index that starts from a packed one (as persisted), with nothing beside it yet. */
export function openPackedIndex(packed: PackedIndex): MatterIndex {
  return createMatterIndex([], packed);
}
