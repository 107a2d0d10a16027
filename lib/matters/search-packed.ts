/**
 * The matter index in a form that loads fast: what search needs, packed into a few strings and typed
 * arrays (stored as one IndexedDB record, read back with a memory copy), so opening an index of
 * 100,000 matters takes no tokenising, no sorting and no object per matter. search.ts searches it as
 * the base of an index and adds later changes beside it. Pure.
 */
import type { MatterRow, MatterStatus } from './matter';
import { markSlots, type TokenTable } from './search-tokens';

export const PACKED_FORMAT = 1;

/** Slots are in id order (a binary search finds a matter's slot); token and row tables are indexed by slot. */
export interface PackedIndex {
  format: typeof PACKED_FORMAT;
  /** How many matters (slots). */
  count: number;
  /** The distinct tokens, sorted, joined by '\n' (a token is letters and digits only). */
  tokens: string;
  /** Token i's slots are postings[postingStarts[i] … postingStarts[i + 1]). */
  postingStarts: Uint32Array;
  postings: Uint32Array;
  /** Slot → matter id, ascending. */
  ids: Float64Array;
  /** Slot → statusRankOf(status). */
  statusRank: Uint8Array;
  /** Slot → recencyOf(matter). */
  recency: Float64Array;
  /** Slot → responsible attorney id, -1 for none. */
  attorney: Float64Array;
  /** Slot → the matter's number, NaN for none. */
  number: Float64Array;
  /** Slot i's row is rows[rowStarts[i] … rowStarts[i + 1]), UTF-8 (see encodeRow). */
  rowStarts: Uint32Array;
  rows: Uint8Array;
}

/** Whether a stored value is a packed index this code reads. */
export function isPackedIndex(v: unknown): v is PackedIndex {
  const p = v as Partial<PackedIndex> | null;
  return (
    !!p &&
    p.format === PACKED_FORMAT &&
    typeof p.count === 'number' &&
    typeof p.tokens === 'string' &&
    p.postingStarts instanceof Uint32Array &&
    p.postings instanceof Uint32Array &&
    p.ids instanceof Float64Array &&
    p.ids.length === p.count &&
    p.rowStarts instanceof Uint32Array &&
    p.rowStarts.length === p.count + 1 &&
    p.rows instanceof Uint8Array
  );
}

const SEP = '\u001f';
const STATUS_CODE: Record<MatterStatus, string> = { Open: 'O', Pending: 'P', Closed: 'C' };
const STATUS_OF: Record<string, MatterStatus> = { O: 'Open', P: 'Pending', C: 'Closed' };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A row as text: display number, description, client name and status, separated by U+001F (which Clio's text loses nothing by). */
function rowText(r: MatterRow): string {
  const clean = (s: string) => s.replaceAll(SEP, ' ');
  return `${clean(r.displayNumber)}${SEP}${clean(r.description)}${SEP}${clean(r.clientName)}${SEP}${STATUS_CODE[r.status] ?? 'O'}`;
}

/** A row's UTF-8 bytes. */
export function encodeRow(r: MatterRow): Uint8Array {
  return encoder.encode(rowText(r));
}

/** The row at slot `slot` of a packed index, with its id. */
export function decodeRow(p: Pick<PackedIndex, 'rows' | 'rowStarts' | 'ids'>, slot: number): MatterRow {
  const [displayNumber = '', description = '', clientName = '', status = 'O'] = decoder
    .decode(p.rows.subarray(p.rowStarts[slot]!, p.rowStarts[slot + 1]!))
    .split(SEP);
  return { id: p.ids[slot]!, displayNumber, description, clientName, status: STATUS_OF[status] ?? 'Open' };
}

/** A packed index's tokens as a TokenTable (slot numbers as packed). */
export class PackedTokens implements TokenTable {
  readonly sorted: readonly string[];
  constructor(private readonly p: Pick<PackedIndex, 'tokens' | 'postingStarts' | 'postings'>) {
    this.sorted = p.tokens ? p.tokens.split('\n') : [];
  }

  markAt(i: number, q: number, best: Uint8Array, touched: number[]): void {
    markSlots(this.p.postings.subarray(this.p.postingStarts[i]!, this.p.postingStarts[i + 1]!), q, best, touched);
  }

  /** The slots of the token at sorted position i. */
  slotsAt(i: number): Uint32Array {
    return this.p.postings.subarray(this.p.postingStarts[i]!, this.p.postingStarts[i + 1]!);
  }
}

/** Grows a byte buffer as rows are appended. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  push(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + bytes.length));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written, in a buffer of their own size. */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Grows a Uint32Array as numbers are appended. */
export class U32Writer {
  private buf = new Uint32Array(1 << 12);
  length = 0;

  push(n: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = n;
  }

  /** The numbers written, in an array of their own size. */
  array(): Uint32Array {
    return this.buf.slice(0, this.length);
  }
}
