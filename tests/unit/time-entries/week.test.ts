import { describe, expect, it } from 'vitest';
import { isoDateIn } from '@/lib/dates';
import { earlierThisWeek, firstDayOfWeek, weekStart } from '@/lib/time-entries/week';

describe('the week for the totals', () => {
  it('starts on the locale’s first day', () => {
    // 2026-12-02 is a Wednesday.
    expect(weekStart('2026-12-02', 1)).toBe('2026-11-30');
    expect(weekStart('2026-12-02', 7)).toBe('2026-11-29');
    expect(weekStart('2026-12-06', 1)).toBe('2026-11-30'); // a Sunday ends a Monday week
    expect(weekStart('2026-12-06', 7)).toBe('2026-12-06'); // and starts a Sunday one
    expect(weekStart('2027-01-01', 1)).toBe('2026-12-28'); // across a year
  });

  it('asks Clio for the days before today only, and for nothing on the week’s first day', () => {
    expect(earlierThisWeek('2026-12-02', 1)).toEqual({ start: '2026-11-30', end: '2026-12-01' });
    expect(earlierThisWeek('2026-11-30', 1)).toBeNull();
    expect(earlierThisWeek('2026-11-30', 7)).toEqual({ start: '2026-11-29', end: '2026-11-29' });
  });

  it('is the week of the user’s Clio time zone, not UTC’s', () => {
    // Monday 30 Nov 2026 03:00 UTC is still Sunday 29 Nov in New York: the week there is the one that ends that day.
    const now = Date.parse('2026-11-30T03:00:00Z');
    const inNewYork = isoDateIn(now, 'Eastern Time (US & Canada)');
    expect(inNewYork).toBe('2026-11-29');
    expect(earlierThisWeek(inNewYork, 1)).toEqual({ start: '2026-11-23', end: '2026-11-28' });
    expect(earlierThisWeek(isoDateIn(now, 'UTC'), 1)).toBeNull();
  });

  it('reads the first day from the locale, Monday where it says nothing', () => {
    expect(firstDayOfWeek('fr-FR')).toBe(1);
    expect(firstDayOfWeek('en-US')).toBe(7);
    expect(firstDayOfWeek(undefined)).toBeGreaterThanOrEqual(1);
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
});
