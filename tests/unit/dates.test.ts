import { describe, expect, it } from 'vitest';
import { ianaZone, isoDateIn } from '@/lib/dates';

describe('today in the user’s Clio time zone', () => {
  const lateEvening = Date.parse('2026-11-25T03:30:00Z'); // 22:30 on the 24th in New York
  it('uses IANA names as they are', () => expect(isoDateIn(lateEvening, 'America/New_York')).toBe('2026-11-24'));
  it('understands Clio’s Rails-style names', () => expect(isoDateIn(lateEvening, 'Eastern Time (US & Canada)')).toBe('2026-11-24'));
  it('is the next day in London', () => expect(isoDateIn(lateEvening, 'London')).toBe('2026-11-25'));
  it('ignores unknown zones', () => expect(ianaZone('Middle Earth')).toBeUndefined());
});
