/**
 * The lookup keys' buckets (pure): the hash, the pairs a matter's keys add and remove, ids beyond 32 bits,
 * and the matter record's round trip.
 */
import { describe, expect, it } from 'vitest';
import { BUCKET_BITS, BucketEdits, bucketOf, idsUnder, type KeyBucket, keyHash } from '@/lib/matters/key-buckets';
import { fromRecord, toRecord } from '@/lib/matters/matter-record';
import { matter } from './fixtures';

/** Applies edits to a set of buckets, as the store does. */
function applied(buckets: Map<number, KeyBucket>, edits: BucketEdits): Map<number, KeyBucket> {
  const out = new Map(buckets);
  for (const b of edits.buckets()) {
    const next = edits.apply(b, out.get(b));
    if (next) out.set(b, next);
    else out.delete(b);
  }
  return out;
}
const find = (buckets: Map<number, KeyBucket>, key: string) => idsUnder(buckets.get(bucketOf(keyHash(key))), keyHash(key));

describe('key buckets', () => {
  it('hashes a key to 32 bits, the same every time, spread over the buckets', () => {
    expect(keyHash('e:ann@example.com')).toBe(keyHash('e:ann@example.com'));
    expect(keyHash('e:ann@example.com')).not.toBe(keyHash('e:ann@example.org'));
    const hashes = Array.from({ length: 20_000 }, (_, i) => keyHash(`p:617555${String(i).padStart(4, '0')}`));
    expect(hashes.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 32)).toBe(true);
    expect(new Set(hashes).size).toBe(hashes.length);
    const perBucket = new Map<number, number>();
    for (const h of hashes) perBucket.set(bucketOf(h), (perBucket.get(bucketOf(h)) ?? 0) + 1);
    expect(perBucket.size).toBe(2 ** BUCKET_BITS); // every bucket used…
    expect(Math.max(...perBucket.values())).toBeLessThan((3 * hashes.length) / 2 ** BUCKET_BITS); // …none much fuller than the rest
  });

  it('adds the keys a matter gained and removes those it lost; a removed matter leaves nothing', () => {
    let buckets = new Map<number, KeyBucket>();
    const add = new BucketEdits();
    add.change(42, [], ['e:ann@example.com', 'd:00042okafor']);
    add.change(7, [], ['e:ann@example.com']);
    buckets = applied(buckets, add);
    expect(find(buckets, 'e:ann@example.com')).toEqual([7, 42]);
    expect(find(buckets, 'd:00042okafor')).toEqual([42]);

    const change = new BucketEdits();
    change.change(42, ['e:ann@example.com', 'd:00042okafor'], ['e:ann@example.net', 'd:00042okafor']);
    expect(change.buckets().sort()).toEqual([bucketOf(keyHash('e:ann@example.com')), bucketOf(keyHash('e:ann@example.net'))].sort());
    buckets = applied(buckets, change);
    expect(find(buckets, 'e:ann@example.com')).toEqual([7]);
    expect(find(buckets, 'e:ann@example.net')).toEqual([42]);

    const remove = new BucketEdits();
    remove.change(42, ['e:ann@example.net', 'd:00042okafor'], []);
    remove.change(7, ['e:ann@example.com'], []);
    buckets = applied(buckets, remove);
    expect(buckets.size).toBe(0); // emptied buckets are deleted
  });

  it('keeps ids in 32 bits while they fit, and in doubles beyond', () => {
    const edits = new BucketEdits();
    edits.change(4_000_000_000, [], ['n:ann lee']);
    const b = bucketOf(keyHash('n:ann lee'));
    expect(edits.apply(b, undefined)!.ids).toBeInstanceOf(Uint32Array);
    const big = new BucketEdits();
    big.change(2 ** 40 + 3, [], ['n:ann lee']);
    const bucket = big.apply(b, edits.apply(b, undefined)!)!;
    expect(bucket.ids).toBeInstanceOf(Float64Array);
    expect(idsUnder(bucket, keyHash('n:ann lee'))).toEqual([4_000_000_000, 2 ** 40 + 3]);
  });

  it('keeps a matter as a record of values and gives it back the same', () => {
    const m = matter({
      id: 9,
      description: 'Estate of Zoë Lindqvist',
      clientEmails: ['z@example.se'],
      clientPhones: ['+46 8 123 456'],
      lastActivityDate: null,
    });
    const r = toRecord(m);
    expect(Object.keys(r)).toEqual(['id', 'v']);
    expect(fromRecord(structuredClone(r))).toEqual(m);
  });
});
