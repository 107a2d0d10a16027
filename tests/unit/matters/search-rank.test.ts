import { describe, expect, it } from 'vitest';
import { exactKeysOf, passes, Q_EXACT, Q_PREFIX, Q_TYPO, rankScore, recencyOf, statusMaskOf, statusRankOf, TopK } from '@/lib/matters/search-rank';
import { matter } from './fixtures';

describe('TopK', () => {
  const offered = (k: number, entries: Array<[slot: number, primary: number, recency: number, id: number]>) => {
    const top = new TopK(k);
    for (const [slot, p, r, id] of entries) top.offer(slot, p, r, id);
    return top.slots;
  };

  it('orders by primary, then recency, then the higher id', () => {
    expect(
      offered(10, [
        [0, 5, 1, 10],
        [1, 7, 0, 11],
        [2, 5, 3, 12],
        [3, 5, 3, 13],
        [4, 5, 1, 9],
      ]),
    ).toEqual([1, 3, 2, 0, 4]);
  });

  it('keeps only the best k, whatever the order offered', () => {
    const entries: Array<[number, number, number, number]> = [
      [0, 1, 0, 1],
      [1, 4, 0, 2],
      [2, 2, 0, 3],
      [3, 9, 0, 4],
      [4, 4, 0, 5],
    ];
    expect(offered(2, entries)).toEqual([3, 4]);
    expect(offered(2, [...entries].reverse())).toEqual([3, 4]);
  });

  it('drops an entry that only ties the last kept one on everything but a lower id', () => {
    expect(
      offered(1, [
        [0, 3, 3, 7],
        [1, 3, 3, 6],
      ]),
    ).toEqual([0]);
  });
});

describe('rankScore', () => {
  it('puts an exact number match above any word quality', () => {
    expect(rankScore(true, Q_PREFIX, statusRankOf('Closed'))).toBeGreaterThan(rankScore(false, Q_EXACT * 50, statusRankOf('Open')));
  });

  it('puts word quality above status, and status above nothing', () => {
    expect(rankScore(false, Q_PREFIX, statusRankOf('Closed'))).toBeGreaterThan(rankScore(false, Q_TYPO, statusRankOf('Open')));
    expect(rankScore(false, Q_PREFIX, statusRankOf('Open'))).toBeGreaterThan(rankScore(false, Q_PREFIX, statusRankOf('Pending')));
    expect(rankScore(false, Q_PREFIX, statusRankOf('Pending'))).toBeGreaterThan(rankScore(false, Q_PREFIX, statusRankOf('Closed')));
  });
});

describe('status and attorney filter', () => {
  const open = statusRankOf('Open');
  const pending = statusRankOf('Pending');
  const closed = statusRankOf('Closed');

  it('passes the statuses asked for, and only those', () => {
    const onlyClosed = { statusMask: statusMaskOf(['Closed']), attorney: null };
    expect([open, pending, closed].map((st) => passes(onlyClosed, st, 1001))).toEqual([false, false, true]);
    const openPending = { statusMask: statusMaskOf(['Open', 'Pending']), attorney: null };
    expect([open, pending, closed].map((st) => passes(openPending, st, 1001))).toEqual([true, true, false]);
    expect(passes({ statusMask: statusMaskOf([]), attorney: null }, open, 1001)).toBe(false);
  });

  it('passes any attorney (or none) unless one is asked for', () => {
    const anyone = { statusMask: statusMaskOf(['Open']), attorney: null };
    expect(passes(anyone, open, 1001)).toBe(true);
    expect(passes(anyone, open, -1)).toBe(true);
    const mine = { statusMask: statusMaskOf(['Open']), attorney: 1002 };
    expect(passes(mine, open, 1002)).toBe(true);
    expect(passes(mine, open, 1001)).toBe(false);
    expect(passes(mine, open, -1)).toBe(false);
    expect(passes(mine, closed, 1002)).toBe(false);
  });
});

describe('recencyOf', () => {
  it('orders by last activity day, then by updatedAt', () => {
    const m = (lastActivityDate: string | null, updatedAt: string) => recencyOf(matter({ description: 'x', lastActivityDate, updatedAt }));
    expect(m('2024-05-02', '2020-01-01T00:00:00Z')).toBeGreaterThan(m('2024-05-01', '2024-06-01T00:00:00Z'));
    expect(m('2024-05-01', '2024-06-02T00:00:00Z')).toBeGreaterThan(m('2024-05-01', '2024-06-01T00:00:00Z'));
    expect(m('1970-01-01', '')).toBeGreaterThan(m(null, '2024-06-01T00:00:00Z'));
    expect(m('not a date', 'nor this')).toBe(0);
  });
});

describe('exactKeysOf', () => {
  it('takes the display number joined, its leading number, and the number', () => {
    expect(exactKeysOf(matter({ description: 'x', displayNumber: '00042-Okafor', number: 42 }))).toEqual(['00042okafor', '00042', '42']);
    expect(exactKeysOf(matter({ description: 'x', displayNumber: 'Łódź 7', number: null }))).toEqual(['lodz7']);
    expect(exactKeysOf(matter({ description: 'x', displayNumber: '', number: null }))).toEqual([]);
  });
});
