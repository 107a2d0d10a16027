import { describe, expect, it } from 'vitest';
import { createMatterIndex, openPackedIndex } from '@/lib/matters/search';
import { type PackedIndex, packedFromBlob, packedFromBlobSliced, packedToBlob } from '@/lib/matters/search-packed';
import { matter } from './fixtures';

let pauses = 0;
const readers: Array<[string, (blob: Blob) => Promise<PackedIndex | null>]> = [
  ['at once (the background)', packedFromBlob],
  ['a slice at a time (a page)', (blob) => packedFromBlobSliced(blob, async () => void pauses++)],
];

describe.each(readers)('a packed index as a Blob, read %s', (_how, read) => {
  const firm = Array.from({ length: 500 }, (_, i) =>
    matter({ id: 10 + i * 3, description: `Łódź matter ${i} — Müller v. 株式会社`, clientName: `Client ${i % 37}`, status: i % 5 ? 'Open' : 'Closed' }),
  );

  it('reads back what was written: the same searches, the same rows', async () => {
    const packed = createMatterIndex(firm).pack();
    pauses = 0;
    const back = await read(await packedToBlob(packed));
    if (read !== packedFromBlob) expect(pauses).toBeGreaterThan(0);
    expect(back).not.toBeNull();
    expect(back!.count).toBe(500);
    expect(back!.tokens).toBe(packed.tokens);
    expect(back!.exactKeys).toBe(packed.exactKeys);
    expect([...back!.ids]).toEqual([...packed.ids]);
    const a = openPackedIndex(packed);
    const b = openPackedIndex(back!);
    for (const q of ['lodz', 'muller 12', 'client 5', '株式会社', '00013', 'matter 499']) {
      expect(b.search(q, { statuses: ['Open', 'Pending', 'Closed'], limit: 50 }), q).toEqual(
        a.search(q, { statuses: ['Open', 'Pending', 'Closed'], limit: 50 }),
      );
    }
    expect(b.get(13)).toEqual(a.get(13));
  });

  it('is null for anything else', async () => {
    expect(await read(new Blob(['not an index']))).toBeNull();
    expect(await read(new Blob([]))).toBeNull();
    const blob = await packedToBlob(createMatterIndex(firm).pack());
    expect(await read(blob.slice(0, blob.size - 100))).toBeNull(); // cut short
  });
});
