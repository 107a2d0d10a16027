/**
 * The token side of the matter index: what a matter is indexed under, a dictionary of those
 * tokens with their postings (the slots of the matters holding each), the tokens sorted for
 * prefix ranges, and the matching of one query word against them. Pure.
 *
 * A word matches a token as the whole token (exact), as its prefix, or — for words of ≥ 4
 * letters that are not all digits — with one edit (substitution, insertion, deletion,
 * transposition) of the whole token or of one of its prefixes of ≥ 4 characters ("smtih" →
 * "Smith", "okafr" → "Okafor", "wiliam" → "Williams"). The one-edit variants are found by walking
 * prefix ranges of the sorted tokens, so only variants some token starts with are looked up.
 */
import { indexTokens, isDigits } from './fold';
import type { IndexedMatter } from './matter';
import { Q_EXACT, Q_PREFIX, Q_TYPO } from './search-rank';

/** Words at least this long get one edit of typo tolerance. */
export const TYPO_MIN_LENGTH = 4;
/** A typo'd word may match a token's prefix only if that prefix is at least this long. */
const TYPO_PREFIX_MIN = 4;

/** The tokens a matter is indexed under: display number, number, description, client name (a token may repeat). */
export function matterTokens(m: IndexedMatter): string[] {
  const out: string[] = [];
  indexTokens(m.displayNumber, out);
  if (m.number !== null) out.push(String(m.number));
  indexTokens(m.description, out);
  indexTokens(m.clientName, out);
  return out;
}

/** Whether a query word gets one edit of typo tolerance: long enough and not a number. */
export function typoTolerant(w: string): boolean {
  return w.length >= TYPO_MIN_LENGTH && !isDigits(w);
}

/** Removes one v from an unordered list, moving the last element into its place. */
function removeFrom(list: number[], v: number): void {
  const i = list.indexOf(v);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}

/** Merges two sorted token arrays into one. */
function mergeSorted(a: string[], b: string[]): string[] {
  const merged: string[] = new Array(a.length + b.length);
  let i = 0,
    j = 0,
    k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) merged[k++] = a[i++]!;
  while (j < b.length) merged[k++] = b[j++]!;
  return merged;
}

/**
 * Token dictionary, postings and sorted prefix table. Token ids are dense; a token is never
 * dropped (its postings just empty) until the whole index is rebuilt.
 */
export class TokenIndex implements TokenTable {
  /** Token → its id. */
  private readonly ids = new Map<string, number>();
  /** Id → token. */
  private readonly text: string[] = [];
  /** Id → slots of the matters indexed under the token, in no order. */
  private readonly postings: number[][] = [];
  /** Id → the last stamp that saw the token, to deduplicate without clearing. */
  private readonly seen: number[] = [];
  /** The current stamp, bumped for each pass over a matter's tokens. */
  private stamp = 0;
  /** Tokens added since `sorted` was last brought up to date. */
  private pending: string[] = [];
  /** Every token in code-unit order, for prefix ranges; current after `sort()`. */
  sorted: string[] = [];
  /** sortedIds[i] is the id of sorted[i]. */
  private sortedIds: number[] = [];

  /** The id of a token, adding it to the dictionary (and to the pending tokens) if new. */
  private intern(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.text.length;
      this.ids.set(t, id);
      this.text.push(t);
      this.postings.push([]);
      this.seen.push(0);
      this.pending.push(t);
    }
    return id;
  }

  /** The distinct ids of these tokens, interning new ones; they are left marked with the current stamp. */
  private distinctIds(tokens: string[]): number[] {
    const ids: number[] = [];
    const st = ++this.stamp;
    for (const t of tokens) {
      const id = this.intern(t);
      if (this.seen[id] !== st) {
        this.seen[id] = st;
        ids.push(id);
      }
    }
    return ids;
  }

  /**
   * Indexes `slot` under `tokens` and returns their distinct ids. With `previous` (the slot's ids
   * so far) it is a replacement: only the postings of tokens that came or went change.
   */
  index(slot: number, tokens: string[], previous?: number[]): number[] {
    const ids = this.distinctIds(tokens);
    const { postings, seen } = this;
    if (previous === undefined) {
      for (const id of ids) postings[id]!.push(slot);
      return ids;
    }
    const fresh = this.stamp; // the new ids carry this stamp
    const kept = ++this.stamp;
    for (const id of previous) {
      if (seen[id] === fresh) seen[id] = kept;
      else removeFrom(postings[id]!, slot);
    }
    for (const id of ids) if (seen[id] !== kept) postings[id]!.push(slot);
    return ids;
  }

  /** Takes `slot` out of the postings of these token ids. */
  unindex(slot: number, ids: number[]): void {
    for (const id of ids) removeFrom(this.postings[id]!, slot);
  }

  /** Brings the sorted tokens up to date: merges in the pending ones, or re-sorts all when they are many. */
  sort(): void {
    if (!this.pending.length) return;
    if (this.pending.length * 8 > this.sorted.length) this.sorted = this.text.slice().sort();
    else this.sorted = mergeSorted(this.sorted, this.pending.sort());
    this.sortedIds = this.sorted.map((t) => this.ids.get(t)!);
    this.pending = [];
  }

  /** Marks the slots of the token at sorted position i (see TokenTable). */
  markAt(i: number, q: number, best: Uint8Array, touched: number[]): void {
    markSlots(this.postings[this.sortedIds[i]!]!, q, best, touched);
  }

  /** The word's matches (see markWord), after bringing the sorted tokens up to date. */
  markWord(w: string, best: Uint8Array, touched: number[]): void {
    this.sort();
    markWord(this, w, best, touched);
  }

  /** The tokens with at least one slot, in sorted order, each with its slots: what a packed index holds. */
  *entries(): Generator<[string, readonly number[]]> {
    this.sort();
    for (let i = 0; i < this.sorted.length; i++) {
      const list = this.postings[this.sortedIds[i]!]!;
      if (list.length) yield [this.sorted[i]!, list];
    }
  }
}

/** A sorted token table a query word is matched against: the mutable TokenIndex, or a packed index's tokens. */
export interface TokenTable {
  /** Every token, in code-unit order. */
  readonly sorted: readonly string[];
  /** Raises best[slot] to q for the slots of the token at sorted position i, pushing onto `touched` the slots reached first. */
  markAt(i: number, q: number, best: Uint8Array, touched: number[]): void;
}

/** Raises best[slot] to q for these slots, pushing onto `touched` the slots reached first. */
export function markSlots(slots: ArrayLike<number>, q: number, best: Uint8Array, touched: number[]): void {
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const b = best[slot]!;
    if (b === 0) touched.push(slot);
    if (q > b) best[slot] = q;
  }
}

/** First index in [lo, hi) whose sorted token is ≥ s. */
function lowerBound(sorted: readonly string[], s: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [lo, hi) whose sorted token does not start with p, given all from lo on that are ≥ p. */
function prefixEnd(sorted: readonly string[], p: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startsWith(p)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Raises best[slot] to the quality of the query word's best match among the slot's tokens
 * (exact or prefix, then, if the word is typo-tolerant, one edit away), pushing onto `touched`
 * the slots whose best was 0.
 */
export function markWord(table: TokenTable, w: string, best: Uint8Array, touched: number[]): void {
  const { sorted } = table;
  const lo = lowerBound(sorted, w, 0, sorted.length);
  const hi = prefixEnd(sorted, w, lo, sorted.length);
  for (let i = lo; i < hi; i++) table.markAt(i, sorted[i] === w ? Q_EXACT : Q_PREFIX, best, touched);
  if (typoTolerant(w)) markOneEdit(table, w, lo, hi, best, touched);
}

/**
 * Marks with Q_TYPO, once per token, the tokens one edit from w (or with a prefix of ≥ 4
 * characters one edit from w), skipping [lo, hi), the tokens w is a prefix of. At position i
 * every variant shares w[0..i) and so lives inside that prefix's range, whose distinct next
 * characters are the only useful ones.
 */
function markOneEdit(table: TokenTable, w: string, lo: number, hi: number, best: Uint8Array, touched: number[]): void {
  const { sorted } = table;
  const tried = new Set<string>();
  const seen = new Set<number>(); // sorted positions already marked
  const markOnce = (i: number) => {
    if (i >= lo && i < hi) return; // already an exact or prefix match
    if (seen.has(i)) return;
    seen.add(i);
    table.markAt(i, Q_TYPO, best, touched);
  };
  const variant = (v: string, from: number, to: number) => {
    if (tried.has(v)) return;
    tried.add(v);
    const a = lowerBound(sorted, v, from, to);
    if (v.length >= TYPO_PREFIX_MIN) {
      const b = prefixEnd(sorted, v, a, to);
      for (let i = a; i < b; i++) markOnce(i);
    } else if (a < to && sorted[a] === v) {
      markOnce(a);
    }
  };
  let from = 0;
  let to = sorted.length;
  for (let i = 0; i < w.length; i++) {
    const head = w.slice(0, i);
    if (i > 0) {
      from = lowerBound(sorted, head, from, to);
      to = prefixEnd(sorted, head, from, to);
    }
    if (from >= to) break;
    variant(head + w.slice(i + 1), from, to); // deletion
    if (i + 1 < w.length && w[i] !== w[i + 1]) variant(head + w[i + 1] + w[i] + w.slice(i + 2), from, to); // transposition
    let j = from;
    while (j < to) {
      const t = sorted[j]!;
      if (t.length <= i) {
        j++;
        continue;
      }
      const c = t[i]!;
      const end = prefixEnd(sorted, head + c, j, to);
      if (c !== w[i]) variant(head + c + w.slice(i + 1), j, end); // substitution
      variant(head + c + w.slice(i), j, end); // insertion
      j = end;
    }
  }
}
