/**
 * The in-memory matter index behind "Search matters": a token → postings map over display number,
 * number, description and client name, with a sorted token array for prefix ranges and one-edit
 * typo tolerance found by walking those ranges. Incremental (upsert / remove). Pure.
 *
 * Matching: every query word must match a token of the record (AND), as the whole token
 * (exact), as its prefix, or — for words of ≥ 4 letters that are not all digits — with one edit
 * (substitution, insertion, deletion, transposition) of the whole token or of one of its
 * prefixes of ≥ 4 characters ("smtih" → "Smith", "okafr" → "Okafor", "wiliam" → "Williams").
 *
 * Ranking: exact display-number / number match first; then the sum over query words of the
 * match quality (exact 3 > prefix 2 > typo 1); then Open, Pending, Closed; then the most recent
 * lastActivityDate, then updatedAt; then the higher id (see search-rank.ts).
 */
import { indexTokens, isDigits, queryWords } from './fold';
import type { IndexedMatter, MatterStatus } from './matter';
import { exactKeysOf, passes, Q_EXACT, Q_PREFIX, Q_TYPO, rankScore, recencyOf, statusMaskOf, statusRankOf, TopK } from './search-rank';

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
/** Words at least this long get one edit of typo tolerance. */
export const TYPO_MIN_LENGTH = 4;
/** A typo'd word may match a token's prefix only if that prefix is at least this long. */
const TYPO_PREFIX_MIN = 4;

function tokensOf(m: IndexedMatter): string[] {
  const out: string[] = [];
  indexTokens(m.displayNumber, out);
  if (m.number !== null) out.push(String(m.number));
  indexTokens(m.description, out);
  indexTokens(m.clientName, out);
  return out;
}

function removeFrom(list: number[], v: number): void {
  const i = list.indexOf(v);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}

export function createMatterIndex(initial: Iterable<IndexedMatter> = []): MatterIndex {
  // Documents live in slots (dense small integers) so per-search scratch can be typed arrays.
  let slotOf = new Map<number, number>();
  let docs: Array<IndexedMatter | undefined> = [];
  let docTokens: number[][] = [];
  /** Exact-match keys per slot, computed when first needed. */
  let docKeys: Array<string[] | undefined> = [];
  let statusRank: number[] = [];
  let recency: number[] = [];
  let attorneyOf: number[] = [];
  let idOf: number[] = [];
  let freeSlots: number[] = [];
  let live = 0;

  // Token dictionary. Tokens are never dropped (their postings just empty) until a rebuild.
  let tokenId = new Map<string, number>();
  let tokenStr: string[] = [];
  let postings: number[][] = [];
  let tokenStamp: number[] = [];
  let stamp = 0;
  let pendingTokens: string[] = [];
  let sortedTokens: string[] = [];
  let sortedIds: number[] = [];

  // Per-search scratch, indexed by slot.
  let best = new Uint8Array(0);
  let acc = new Uint16Array(0);

  function reset(): void {
    slotOf = new Map();
    docs = [];
    docTokens = [];
    docKeys = [];
    statusRank = [];
    recency = [];
    attorneyOf = [];
    idOf = [];
    freeSlots = [];
    live = 0;
    tokenId = new Map();
    tokenStr = [];
    postings = [];
    tokenStamp = [];
    pendingTokens = [];
    sortedTokens = [];
    sortedIds = [];
  }

  function idOfToken(t: string): number {
    let id = tokenId.get(t);
    if (id === undefined) {
      id = tokenStr.length;
      tokenId.set(t, id);
      tokenStr.push(t);
      postings.push([]);
      tokenStamp.push(0);
      pendingTokens.push(t);
    }
    return id;
  }

  /** The distinct token ids of a matter (deduplicated with tokenStamp). */
  function tokenIdsOf(m: IndexedMatter): number[] {
    const ids: number[] = [];
    const st = ++stamp;
    for (const t of tokensOf(m)) {
      const id = idOfToken(t);
      if (tokenStamp[id] !== st) {
        tokenStamp[id] = st;
        ids.push(id);
      }
    }
    return ids;
  }

  function addOne(m: IndexedMatter): void {
    const existing = slotOf.get(m.id);
    const newIds = tokenIdsOf(m);
    let slot: number;
    if (existing === undefined) {
      slot = freeSlots.length ? freeSlots.pop()! : docs.length;
      slotOf.set(m.id, slot);
      live++;
      for (const id of newIds) postings[id]!.push(slot);
    } else {
      // Replace: change only the postings whose token came or went.
      slot = existing;
      const fresh = stamp; // new ids carry this stamp
      const kept = ++stamp;
      for (const id of docTokens[slot]!) {
        if (tokenStamp[id] === fresh) tokenStamp[id] = kept;
        else removeFrom(postings[id]!, slot);
      }
      for (const id of newIds) if (tokenStamp[id] !== kept) postings[id]!.push(slot);
    }
    docs[slot] = m;
    docTokens[slot] = newIds;
    docKeys[slot] = undefined;
    statusRank[slot] = statusRankOf(m.status);
    recency[slot] = recencyOf(m);
    attorneyOf[slot] = m.responsibleAttorneyId ?? -1;
    idOf[slot] = m.id;
  }

  function removeOne(id: number): void {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    for (const t of docTokens[slot]!) removeFrom(postings[t]!, slot);
    slotOf.delete(id);
    docs[slot] = undefined;
    docTokens[slot] = [];
    docKeys[slot] = undefined;
    freeSlots.push(slot);
    live--;
  }

  /** Brings the sorted token array up to date with tokens added since the last search. */
  function ensureSorted(): void {
    if (!pendingTokens.length) return;
    if (pendingTokens.length * 8 > sortedTokens.length) {
      sortedTokens = tokenStr.slice().sort();
    } else {
      const add = pendingTokens.sort();
      const merged: string[] = new Array(sortedTokens.length + add.length);
      let i = 0,
        j = 0,
        k = 0;
      while (i < sortedTokens.length && j < add.length) merged[k++] = sortedTokens[i]! < add[j]! ? sortedTokens[i++]! : add[j++]!;
      while (i < sortedTokens.length) merged[k++] = sortedTokens[i++]!;
      while (j < add.length) merged[k++] = add[j++]!;
      sortedTokens = merged;
    }
    sortedIds = sortedTokens.map((t) => tokenId.get(t)!);
    pendingTokens = [];
  }

  function ensureScratch(): void {
    if (best.length >= docs.length) return;
    const n = Math.max(64, docs.length * 2);
    best = new Uint8Array(n);
    acc = new Uint16Array(n);
  }

  /** First index in [lo, hi) whose token is ≥ s. */
  function lowerBound(s: string, lo = 0, hi = sortedTokens.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedTokens[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index in [lo, hi) whose token does not start with p, given all from lo on that are ≥ p. */
  function prefixEnd(p: string, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedTokens[mid]!.startsWith(p)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Range of sorted tokens starting with p, within [lo, hi). */
  function prefixRange(p: string, lo = 0, hi = sortedTokens.length): [number, number] {
    const start = lowerBound(p, lo, hi);
    return [start, prefixEnd(p, start, hi)];
  }

  /** Raises best[slot] to q for the slots of token tid, collecting newly touched slots. */
  function mark(tid: number, q: number, touched: number[]): void {
    const list = postings[tid]!;
    for (let i = 0; i < list.length; i++) {
      const slot = list[i]!;
      const b = best[slot]!;
      if (b === 0) touched.push(slot);
      if (q > b) best[slot] = q;
    }
  }

  /** Marks in `best` the slots matching one query word, pushing those touched onto `touched`. */
  function matchWord(w: string, touched: number[]): void {
    const [lo, hi] = prefixRange(w);
    for (let i = lo; i < hi; i++) mark(sortedIds[i]!, sortedTokens[i] === w ? Q_EXACT : Q_PREFIX, touched);
    if (w.length < TYPO_MIN_LENGTH || isDigits(w)) return;

    // One edit: walk the positions; at position i every variant shares w[0..i) and so lives
    // inside that prefix's range, whose distinct next characters are the only useful ones.
    const tried = new Set<string>();
    const seenTokens = new Set<number>();
    const variant = (v: string, from: number, to: number) => {
      if (tried.has(v)) return;
      tried.add(v);
      if (v.length >= TYPO_PREFIX_MIN) {
        const a = lowerBound(v, from, to);
        const b = prefixEnd(v, a, to);
        for (let i = a; i < b; i++) {
          if (i >= lo && i < hi) continue; // already an exact or prefix match
          const tid = sortedIds[i]!;
          if (!seenTokens.has(tid)) {
            seenTokens.add(tid);
            mark(tid, Q_TYPO, touched);
          }
        }
      } else {
        const tid = tokenId.get(v);
        if (tid !== undefined && !seenTokens.has(tid)) {
          seenTokens.add(tid);
          mark(tid, Q_TYPO, touched);
        }
      }
    };
    let from = 0;
    let to = sortedTokens.length;
    for (let i = 0; i < w.length; i++) {
      const head = w.slice(0, i);
      if (i > 0) {
        from = lowerBound(head, from, to);
        to = prefixEnd(head, from, to);
      }
      if (from >= to) break;
      variant(head + w.slice(i + 1), from, to); // deletion
      if (i + 1 < w.length && w[i] !== w[i + 1]) variant(head + w[i + 1] + w[i] + w.slice(i + 2), from, to); // transposition
      let j = from;
      while (j < to) {
        const t = sortedTokens[j]!;
        if (t.length <= i) {
          j++;
          continue;
        }
        const c = t[i]!;
        const end = prefixEnd(head + c, j, to);
        if (c !== w[i]) variant(head + c + w.slice(i + 1), j, end); // substitution
        variant(head + c + w.slice(i), j, end); // insertion
        j = end;
      }
    }
  }

  function search(query: string, opts: MatterSearchOptions = {}): IndexedMatter[] {
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_SEARCH_LIMIT));
    if (limit === 0) return [];
    const filter = { statusMask: statusMaskOf(opts.statuses ?? DEFAULT_STATUSES), attorney: opts.responsibleAttorneyId ?? null };
    const top = new TopK(limit);
    const qWords = queryWords(query);

    if (!qWords.length) {
      for (let slot = 0; slot < docs.length; slot++) {
        if (docs[slot] === undefined || !passes(filter, statusRank[slot]!, attorneyOf[slot]!)) continue;
        top.offer(slot, 0, recency[slot]!, idOf[slot]!);
      }
      return top.slots.map((s) => docs[s]!);
    }

    ensureSorted();
    ensureScratch();
    let candidates: number[] = [];
    for (let wi = 0; wi < qWords.length; wi++) {
      const touched: number[] = [];
      matchWord(qWords[wi]!, touched);
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
      if (!candidates.length) return [];
    }

    // An exact display-number / number match matches every word exactly, so only those
    // candidates need their keys compared.
    const joined = qWords.join('');
    const allExact = Q_EXACT * qWords.length;
    for (const s of candidates) {
      if (!passes(filter, statusRank[s]!, attorneyOf[s]!)) continue;
      const a = acc[s]!;
      const exact = a === allExact && (docKeys[s] ??= exactKeysOf(docs[s]!)).includes(joined);
      top.offer(s, rankScore(exact, a, statusRank[s]!), recency[s]!, idOf[s]!);
    }
    return top.slots.map((s) => docs[s]!);
  }

  const index: MatterIndex = {
    search,
    upsert(matters) {
      for (const m of matters) addOne(m);
    },
    remove(ids) {
      const list = [...ids].filter((id) => slotOf.has(id));
      if (list.length > 64 && list.length * 4 > live) {
        // Many removals: rebuilding is cheaper than scrubbing long postings one by one.
        const gone = new Set(list);
        const keep = index.all().filter((m) => !gone.has(m.id));
        reset();
        for (const m of keep) addOne(m);
        return;
      }
      for (const id of list) removeOne(id);
    },
    get(id) {
      const slot = slotOf.get(id);
      return slot === undefined ? undefined : docs[slot];
    },
    get size() {
      return live;
    },
    all() {
      const out: IndexedMatter[] = [];
      for (const m of docs) if (m) out.push(m);
      return out;
    },
  };
  index.upsert(initial);
  return index;
}
