import { describe, expect, it } from 'vitest';
import { pinnedFirst, withoutMark } from '@/lib/matters/pinned-order';

const m = (id: number) => ({ id, displayNumber: `0000${id}`, description: `Matter ${id}` });

describe('pinnedFirst', () => {
  it('lists every pinned matter, in the order pinned, before the recent ones, and each once', () => {
    const recent = [m(3), m(1), m(4)];
    const pinned = [m(5), m(1)];
    expect(pinnedFirst(recent, pinned, '').map((x) => [x.id, !!x.pinned])).toEqual([
      [5, true],
      [1, true],
      [3, false],
      [4, false],
    ]);
  });

  it('puts the pinned ones among a search’s results first, and leaves out pinned matters the search did not find', () => {
    const found = [m(7), m(8), m(9)];
    expect(pinnedFirst(found, [m(9), m(5)], 'smith').map((x) => [x.id, !!x.pinned])).toEqual([
      [9, true],
      [7, false],
      [8, false],
    ]);
  });

  it('changes nothing without pins', () => {
    expect(pinnedFirst([m(2), m(1)], [], '')).toEqual([m(2), m(1)]);
    expect(pinnedFirst([m(2), m(1)], [], 'x')).toEqual([m(2), m(1)]);
  });

  it('hands on the matter without its mark', () => {
    expect(withoutMark({ ...m(1), pinned: true })).toEqual(m(1));
  });
});
