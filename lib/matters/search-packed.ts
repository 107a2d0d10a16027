/**
 * The matter index in a form that loads fast: what search needs, packed into a few strings and typed
 * arrays, so opening an index of 100,000 matters takes no tokenising, no sorting and no object per
 * matter. search.ts searches it as the base of an index and adds later changes beside it. It is stored
 * as one Blob (packedToBlob): IndexedDB hands a Blob back at once and its bytes arrive without
 * blocking the page, where an object of typed arrays is deserialised in one long task (half a second
 * for 17 MB in Chromium). The typed arrays are views into the Blob's bytes. Pure.
 */
import type { MatterRow, MatterStatus } from './matter';
import type { TokenTable } from './search-tokens';

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
  /** Slot i's exact-match keys (exactKeysOf), each followed by '\n', are exactKeys[exactStarts[i] … exactStarts[i + 1]). */
  exactKeys: string;
  exactStarts: Uint32Array;
  /** Slot i's row is rows[rowStarts[i] … rowStarts[i + 1]), UTF-8 (see encodeRow). */
  rowStarts: Uint32Array;
  rows: Uint8Array;
  /** Some exact-match key holds no digit (a display number of letters only): a query without digits may match one. */
  digitlessKeys: boolean;
  /** The tokens, split (in memory only: a reader that split them a slice at a time). */
  sortedTokens?: readonly string[];
}

/** Whether a stored value is a packed index this code reads. */
export function isPackedIndex(v: unknown): v is PackedIndex {
  const p = v as Partial<PackedIndex> | null;
  return (
    !!p &&
    p.format === PACKED_FORMAT &&
    typeof p.count === 'number' &&
    typeof p.tokens === 'string' &&
    typeof p.digitlessKeys === 'boolean' &&
    p.postingStarts instanceof Uint32Array &&
    p.postings instanceof Uint32Array &&
    p.ids instanceof Float64Array &&
    p.ids.length === p.count &&
    p.rowStarts instanceof Uint32Array &&
    p.rowStarts.length === p.count + 1 &&
    p.rows instanceof Uint8Array &&
    typeof p.exactKeys === 'string' &&
    p.exactStarts instanceof Uint32Array &&
    p.exactStarts.length === p.count + 1
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

/** Whether `key` is one of slot `slot`'s exact-match keys (no string is made). */
export function hasExactKey(p: Pick<PackedIndex, 'exactKeys' | 'exactStarts'>, slot: number, key: string): boolean {
  const end = p.exactStarts[slot + 1]!;
  for (let pos = p.exactStarts[slot]!; pos < end; ) {
    const next = p.exactKeys.indexOf('\n', pos);
    if (next - pos === key.length && p.exactKeys.startsWith(key, pos)) return true;
    pos = next + 1;
  }
  return false;
}

/** A packed index's tokens as a TokenTable (slot numbers as packed). */
export class PackedTokens implements TokenTable {
  readonly sorted: readonly string[];
  constructor(private readonly p: Pick<PackedIndex, 'tokens' | 'postingStarts' | 'postings' | 'sortedTokens'>) {
    this.sorted = p.sortedTokens ?? (p.tokens ? p.tokens.split('\n') : []);
  }

  markAt(i: number, q: number, best: Uint8Array, touched: number[]): void {
    // (No subarray: a one-letter query marks thousands of tokens.)
    const { postings, postingStarts } = this.p;
    for (let k = postingStarts[i]!, end = postingStarts[i + 1]!; k < end; k++) {
      const slot = postings[k]!;
      const b = best[slot]!;
      if (b === 0) touched.push(slot);
      if (q > b) best[slot] = q;
    }
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

/** The typed-array sections of a packed index, in the order they are laid out in its Blob. */
const ARRAYS = {
  ids: Float64Array,
  recency: Float64Array,
  attorney: Float64Array,
  postingStarts: Uint32Array,
  postings: Uint32Array,
  rowStarts: Uint32Array,
  exactStarts: Uint32Array,
  statusRank: Uint8Array,
  rows: Uint8Array,
} as const;
type ArrayName = keyof typeof ARRAYS;
/** The string sections, stored as UTF-8. */
const STRINGS = ['tokens', 'exactKeys'] as const;

interface BlobHeader {
  format: typeof PACKED_FORMAT;
  count: number;
  digitlessKeys: boolean;
  /** Section name → [byte offset, byte length], offsets from the start of the Blob, 8-byte aligned. */
  sections: Record<string, [number, number]>;
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** A packed index as one Blob, gzipped (a third of its size: text and sorted numbers compress well). */
export function packedToBlob(p: PackedIndex): Promise<Blob> {
  return new Response(rawBlob(p).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

/** Compressed bytes fed to the inflater at a time: each inflates to well under a megabyte, a task of a few ms. */
const INFLATE_SLICE = 128 * 1024;
/** UTF-8 bytes decoded into a string between pauses (the exact keys are 2.4 MB at 100,000 matters: ~20 ms at once). */
const DECODE_SLICE = 256 * 1024;
/** Tokens split off the token text between pauses. */
const SPLIT_SLICE = 20_000;
const noPause = () => Promise.resolve();

/** How a reader takes a packed Blob apart: inflate, decode its strings, split its tokens, with pauses between. */
interface Unpacking {
  inflate(blob: Blob): Promise<ArrayBuffer>;
  decode(bytes: Uint8Array): Promise<string>;
  split(text: string): Promise<string[]>;
  pause(): Promise<void>;
}

/**
 * The packed index in a Blob written by packedToBlob, taken apart at once (the background: nothing waits
 * to paint there); null if it is not one (another format, or damaged).
 */
export function packedFromBlob(blob: Blob): Promise<PackedIndex | null> {
  return unpack(blob, {
    inflate: (b) => new Response(b.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
    decode: async (bytes) => decoder.decode(bytes),
    split: async (text) => (text ? text.split('\n') : []),
    pause: noPause,
  });
}

/**
 * packedFromBlob for a page that must stay responsive: the compressed bytes are read at once (a Blob's bytes
 * arrive without blocking the page), then inflated a slice at a time into a buffer of the size gzip recorded,
 * and the strings decoded and the tokens split a slice at a time, with `pause()` between slices: piped whole
 * through DecompressionStream, 100,000 matters inflate in tasks of a fifth of a second.
 */
export function packedFromBlobSliced(blob: Blob, pause: () => Promise<void>): Promise<PackedIndex | null> {
  return unpack(blob, {
    inflate: async (b) => inflateSliced(new Uint8Array(await b.arrayBuffer()), pause),
    decode: (bytes) => decodeSliced(bytes, pause),
    split: (text) => splitSliced(text, pause),
    pause,
  });
}

async function unpack(blob: Blob, u: Unpacking): Promise<PackedIndex | null> {
  let buf: ArrayBuffer;
  try {
    buf = await u.inflate(blob);
  } catch {
    return null;
  }
  await u.pause();
  const p = await fromRaw(buf, u.decode);
  if (!p) return null;
  await u.pause();
  return { ...p, sortedTokens: await u.split(p.tokens) };
}

async function inflateSliced(input: Uint8Array<ArrayBuffer>, pause: () => Promise<void>): Promise<ArrayBuffer> {
  // gzip ends with the inflated size (mod 2^32); a buffer of that size is filled as the slices inflate.
  const size = input.length >= 4 ? new DataView(input.buffer, input.byteOffset + input.length - 4).getUint32(0, true) : 0;
  let out = new Uint8Array(size);
  let at = 0;
  const inflater = new DecompressionStream('gzip');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const reading = (async () => {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      if (at + r.value.byteLength > out.length) {
        const grown = new Uint8Array(Math.max(out.length * 2, at + r.value.byteLength));
        grown.set(out.subarray(0, at));
        out = grown;
      }
      out.set(r.value, at);
      at += r.value.byteLength;
    }
  })();
  try {
    for (let from = 0; from < input.length; from += INFLATE_SLICE) {
      await writer.write(input.subarray(from, from + INFLATE_SLICE));
      await pause();
    }
    await writer.close();
  } catch (e) {
    await reading.catch(() => undefined);
    throw e;
  }
  await reading;
  return at === out.length ? out.buffer : out.slice(0, at).buffer;
}

/** `text.split('\n')`, a slice of tokens at a time. */
async function splitSliced(text: string, pause: () => Promise<void>): Promise<string[]> {
  const out: string[] = [];
  if (!text) return out;
  let from = 0;
  for (;;) {
    for (let n = 0; n < SPLIT_SLICE; n++) {
      const to = text.indexOf('\n', from);
      if (to < 0) {
        out.push(text.slice(from));
        return out;
      }
      out.push(text.slice(from, to));
      from = to + 1;
    }
    await pause();
  }
}

/** A 4-byte header length, the header (JSON), then each section 8-byte aligned. */
function rawBlob(p: PackedIndex): Blob {
  const parts: Array<Uint8Array | ArrayBufferView> = [];
  const sections: BlobHeader['sections'] = {};
  const bodies: Array<[string, ArrayBufferView]> = [
    ...Object.keys(ARRAYS).map((k) => [k, p[k as ArrayName]] as [string, ArrayBufferView]),
    ...STRINGS.map((k) => [k, encoder.encode(p[k])] as [string, ArrayBufferView]),
  ];
  // The header's size depends on the offsets it holds: lay the sections out after a generous header room.
  let offset = 0;
  const layout = (start: number) => {
    offset = start;
    for (const [name, body] of bodies) {
      offset += pad8(offset);
      sections[name] = [offset, body.byteLength];
      offset += body.byteLength;
    }
  };
  let headerBytes = new Uint8Array(0);
  for (let room = 1024; ; room *= 2) {
    layout(room);
    headerBytes = encoder.encode(JSON.stringify({ format: PACKED_FORMAT, count: p.count, digitlessKeys: p.digitlessKeys, sections } satisfies BlobHeader));
    if (4 + headerBytes.length <= room) break;
  }
  const start = sections[bodies[0]![0]]![0];
  const head = new Uint8Array(start);
  new DataView(head.buffer).setUint32(0, headerBytes.length, true);
  head.set(headerBytes, 4);
  parts.push(head);
  let at = start;
  for (const [name, body] of bodies) {
    const [o] = sections[name]!;
    if (o > at) parts.push(new Uint8Array(o - at));
    parts.push(body);
    at = o + body.byteLength;
  }
  return new Blob(parts as BlobPart[]);
}

async function fromRaw(buf: ArrayBuffer, decode: Unpacking['decode']): Promise<PackedIndex | null> {
  if (buf.byteLength < 4) return null;
  const headerLength = new DataView(buf).getUint32(0, true);
  let header: BlobHeader;
  try {
    header = JSON.parse(decoder.decode(new Uint8Array(buf, 4, headerLength))) as BlobHeader;
  } catch {
    return null;
  }
  if (header.format !== PACKED_FORMAT) return null;
  const out: Record<string, unknown> = { format: PACKED_FORMAT, count: header.count, digitlessKeys: header.digitlessKeys !== false };
  for (const [name, Type] of Object.entries(ARRAYS)) {
    const [offset, bytes] = header.sections[name] ?? [0, -1];
    if (bytes < 0 || offset + bytes > buf.byteLength) return null;
    out[name] = new Type(buf, offset, bytes / Type.BYTES_PER_ELEMENT);
  }
  for (const name of STRINGS) {
    const [offset, bytes] = header.sections[name] ?? [0, -1];
    if (bytes < 0 || offset + bytes > buf.byteLength) return null;
    out[name] = await decode(new Uint8Array(buf, offset, bytes));
  }
  return isPackedIndex(out) ? out : null;
}

/** `decoder.decode(bytes)`, a slice at a time (a character split between slices is kept for the next). */
async function decodeSliced(bytes: Uint8Array, pause: () => Promise<void>): Promise<string> {
  if (bytes.length <= DECODE_SLICE) return decoder.decode(bytes);
  const streaming = new TextDecoder();
  const parts: string[] = [];
  for (let from = 0; from < bytes.length; from += DECODE_SLICE) {
    parts.push(streaming.decode(bytes.subarray(from, from + DECODE_SLICE), { stream: true }));
    await pause();
  }
  parts.push(streaming.decode());
  return parts.join('');
}
