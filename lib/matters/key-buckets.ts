/**
 * The exact-lookup keys as the matter store keeps them: each key (lookup-keys.ts) hashed to 32 bits, and
 * the (hash, matter id) pairs kept in bucket records chosen by the hash's top bits. A lookup reads only the
 * buckets of the keys asked, then the matters by id, and keeps those whose own keys hold the key asked (two
 * keys may share a hash). About 8 bytes a key, where Chromium's multiEntry index over the string keys took
 * ~45 and one over hashed keys ~35. Pure.
 */

/** 2^10 buckets: ~46 pairs each (0.4 kB) at 10,000 matters, ~460 (3.7 kB) at 100,000. */
export const BUCKET_BITS = 10;

/** A bucket record: pair i is (h[i], ids[i]); ids fit 32 bits in a Uint32Array, else a Float64Array holds them. */
export interface KeyBucket {
  h: Uint32Array;
  ids: Uint32Array | Float64Array;
}

/** A key's 32-bit hash: FNV-1a over its UTF-16 code units, then MurmurHash3's finaliser (its top bits pick the bucket). */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const bucketOf = (hash: number): number => hash >>> (32 - BUCKET_BITS);

/** The ids stored under this hash in its bucket (ascending). */
export function idsUnder(bucket: KeyBucket | undefined, hash: number): number[] {
  const out: number[] = [];
  if (!bucket) return out;
  for (let i = 0; i < bucket.h.length; i++) if (bucket.h[i] === hash) out.push(bucket.ids[i]!);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** Pairs to add to and remove from buckets, gathered from matters' keys before and after a write. */
export class BucketEdits {
  /** Bucket → flat [hash, id, …] pairs to add, and to remove. */
  private readonly adds = new Map<number, number[]>();
  private readonly dels = new Map<number, number[]>();

  /** Matter `id` had the keys `before` and has `after` (a new matter: none before; a removed one: none after). */
  change(id: number, before: readonly string[], after: readonly string[]): void {
    const old = new Set(before.map(keyHash));
    const now = new Set(after.map(keyHash));
    for (const h of old) if (!now.has(h)) push(this.dels, h, id);
    for (const h of now) if (!old.has(h)) push(this.adds, h, id);
  }

  /** The buckets these edits touch. */
  buckets(): number[] {
    return [...new Set([...this.adds.keys(), ...this.dels.keys()])];
  }

  /** The bucket after these edits (null: empty, to delete). */
  apply(bucket: number, stored: KeyBucket | undefined): KeyBucket | null {
    const dels = this.dels.get(bucket);
    const adds = this.adds.get(bucket) ?? [];
    const h: number[] = [];
    const ids: number[] = [];
    if (stored) {
      // Removals are rare (a key changed, a matter went): only then is each stored pair looked up.
      const gone = dels && new Set(dels.map((_, i) => (i % 2 ? '' : `${dels[i]}:${dels[i + 1]}`)));
      for (let i = 0; i < stored.h.length; i++) {
        if (gone?.has(`${stored.h[i]}:${stored.ids[i]}`)) continue;
        h.push(stored.h[i]!);
        ids.push(stored.ids[i]!);
      }
    }
    for (let i = 0; i < adds.length; i += 2) {
      h.push(adds[i]!);
      ids.push(adds[i + 1]!);
    }
    if (!h.length) return null;
    const narrow = ids.every((id) => Number.isInteger(id) && id >= 0 && id <= 0xffffffff);
    return { h: Uint32Array.from(h), ids: narrow ? Uint32Array.from(ids) : Float64Array.from(ids) };
  }
}

function push(by: Map<number, number[]>, hash: number, id: number): void {
  const b = bucketOf(hash);
  const list = by.get(b);
  if (list) list.push(hash, id);
  else by.set(b, [hash, id]);
}
