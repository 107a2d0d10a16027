import { describe, expect, it } from 'vitest';
import { createMatterIndex, openPackedIndex } from '@/lib/matters/search';
import { packedFromBlob, packedToBlob } from '@/lib/matters/search-packed';
import { matter } from './fixtures';

describe('a packed index as a Blob', () => {
  const firm = Array.from({ length: 500 }, (_, i) =>
    matter({ id: 10 + i * 3, description: `Łódź matter ${i} — Müller v. 株式会社`, clientName: `Client ${i % 37}`, status: i % 5 ? 'Open' : 'Closed' }),
  );

  it('reads back what was written: the same searches, the same rows', async () => {
    const packed = createMatterIndex(firm).pack();
    const back = await packedFromBlob(await packedToBlob(packed));
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
    expect(await packedFromBlob(new Blob(['not an index']))).toBeNull();
    expect(await packedFromBlob(new Blob([]))).toBeNull();
    const blob = await packedToBlob(createMatterIndex(firm).pack());
    expect(await packedFromBlob(blob.slice(0, blob.size - 100))).toBeNull(); // cut short
  });
});
