/**
 * Which matters a search returns and in what order: the match quality of a query word, the
 * per-matter figures filtering and ranking read (status rank, recency, exact-number keys), the
 * status / attorney filter, the score that combines them and a bounded best-first list (TopK). Pure.
 *
 * Order: exact display-number / number match first; then the sum over query words of the match
 * quality (exact 3 > prefix 2 > typo 1); then Open, Pending, Closed; then the most recent
 * lastActivityDate, then updatedAt; then the higher id.
 */
import { fold, isDigits, words } from './fold';
import type { IndexedMatter, MatterStatus } from './matter';

/** Match quality of a query word against a token: the whole token. */
export const Q_EXACT = 3;
/** Match quality of a query word against a token: its prefix. */
export const Q_PREFIX = 2;
/** Match quality of a query word against a token: one edit away (see search-tokens). */
export const Q_TYPO = 1;

const STATUS_RANK: Record<MatterStatus, number> = { Open: 0, Pending: 1, Closed: 2 };
/** Weight of an exact display-number / number match: above any sum of word qualities. */
const EXACT_NUMBER_BONUS = 1e6;
const DAY_MS = 86_400_000;

/** Open 0, Pending 1, Closed 2 (an unknown status counts as Open). */
export function statusRankOf(status: MatterStatus): number {
  return STATUS_RANK[status] ?? 0;
}

/** A bit set of status ranks, for testing a slot's status with one shift. */
export function statusMaskOf(statuses: Iterable<MatterStatus>): number {
  let mask = 0;
  for (const st of statuses) mask |= 1 << statusRankOf(st);
  return mask;
}

/** Which matters a search may return: a bit set of status ranks, and a responsible attorney or null for anyone. */
export interface SearchFilter {
  statusMask: number;
  attorney: number | null;
}

/** Whether a matter of this status rank and responsible attorney (-1 for none) passes the filter. */
export function passes(f: SearchFilter, statusRank: number, attorney: number): boolean {
  return ((f.statusMask >> statusRank) & 1) === 1 && (f.attorney === null || attorney === f.attorney);
}

/** Recency as one number: last activity day first, updatedAt (seconds) second. */
export function recencyOf(m: IndexedMatter): number {
  const day = m.lastActivityDate ? Date.parse(m.lastActivityDate) : NaN;
  const upd = m.updatedAt ? Date.parse(m.updatedAt) : NaN;
  return (Number.isFinite(day) ? Math.floor(day / DAY_MS) + 1 : 0) * 1e10 + (Number.isFinite(upd) ? Math.max(0, Math.floor(upd / 1000)) : 0);
}

/** The strings a query must equal (its words joined) to be an exact display-number / number match. */
export function exactKeysOf(m: Pick<IndexedMatter, 'displayNumber' | 'number'>): string[] {
  const dn = words(fold(m.displayNumber));
  const keys: string[] = [];
  if (dn.length) keys.push(dn.join(''));
  if (dn.length > 1 && isDigits(dn[0]!)) keys.push(dn[0]!); // "00042" of "00042-Okafor"
  if (m.number !== null) keys.push(String(m.number));
  return keys;
}

/** A candidate's primary sort key: exact number match, then summed word quality, then status. */
export function rankScore(exactNumber: boolean, quality: number, statusRank: number): number {
  return (exactNumber ? EXACT_NUMBER_BONUS : 0) + quality * 4 + (2 - statusRank);
}

/** Keeps the best `k` slots offered, by (primary desc, recency desc, id desc). */
export class TopK {
  readonly slots: number[] = [];
  private readonly prim: number[] = [];
  private readonly rec: number[] = [];
  private readonly ids: number[] = [];
  constructor(private readonly k: number) {}

  /** Whether (p, r, id) sorts before the entry at position i. */
  private before(p: number, r: number, id: number, i: number): boolean {
    const q = this.prim[i]!;
    if (p !== q) return p > q;
    const s = this.rec[i]!;
    if (r !== s) return r > s;
    return id > this.ids[i]!;
  }

  /** Inserts the slot in order if it is among the best k so far, dropping the k+1-th. */
  offer(slot: number, p: number, r: number, id: number): void {
    let i = this.slots.length;
    if (i === this.k) {
      if (!this.before(p, r, id, i - 1)) return;
      this.slots.pop();
      this.prim.pop();
      this.rec.pop();
      this.ids.pop();
      i--;
    }
    while (i > 0 && this.before(p, r, id, i - 1)) i--;
    this.slots.splice(i, 0, slot);
    this.prim.splice(i, 0, p);
    this.rec.splice(i, 0, r);
    this.ids.splice(i, 0, id);
  }
}
