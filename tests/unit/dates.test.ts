import { describe, expect, it } from 'vitest';
import { ianaZone, isoDateIn, isoDateTimeIn } from '@/lib/dates';

describe('today in the user’s Clio time zone', () => {
  const lateEvening = Date.parse('2026-11-25T03:30:00Z'); // 22:30 on the 24th in New York
  it('uses IANA names as they are', () => expect(isoDateIn(lateEvening, 'America/New_York')).toBe('2026-11-24'));
  it('understands Clio’s Rails-style names', () => expect(isoDateIn(lateEvening, 'Eastern Time (US & Canada)')).toBe('2026-11-24'));
  it('is the next day in London', () => expect(isoDateIn(lateEvening, 'London')).toBe('2026-11-25'));
  it('ignores unknown zones', () => expect(ianaZone('Middle Earth')).toBeUndefined());
});

describe('isoDateTimeIn', () => {
  it('gives the wall-clock time in the user’s Clio zone with that day’s offset', () => {
    expect(isoDateTimeIn('2027-01-05', '10:00', 'Eastern Time (US & Canada)')).toBe('2027-01-05T10:00:00-05:00');
    expect(isoDateTimeIn('2027-07-05', '10:00', 'Eastern Time (US & Canada)')).toBe('2027-07-05T10:00:00-04:00');
    expect(isoDateTimeIn('2027-03-14', '12:00', 'America/New_York')).toBe('2027-03-14T12:00:00-04:00'); // the day clocks go forward
    expect(isoDateTimeIn('2027-01-05', '09:30', 'Australia/Adelaide')).toBe('2027-01-05T09:30:00+10:30');
    expect(isoDateTimeIn('2027-01-05', '00:00', 'UTC')).toBe('2027-01-05T00:00:00+00:00');
  });
});
