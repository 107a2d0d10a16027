import { describe, expect, it } from 'vitest';
import { formatBadge, formatClock, formatDuration, parseDuration } from '@/lib/duration';
import { formatBadgeHours } from '@/lib/duration-format';
import { say } from '@/lib/i18n';

describe('parseDuration', () => {
  it.each([
    ['1.5', 5400, '1 h 30 min'],
    ['.25', 900, '15 min'],
    ['0.25', 900, '15 min'],
    ['1,5', 5400, '1 h 30 min'],
    ['2', 7200, '2 h'],
    ['1:30', 5400, '1 h 30 min'],
    ['0:45', 2700, '45 min'],
    ['1:05:30', 3930, '1 h 5 min 30 s'],
    ['1h30m', 5400, '1 h 30 min'],
    ['1h 30m', 5400, '1 h 30 min'],
    ['1 h 30 m', 5400, '1 h 30 min'],
    ['1H30M', 5400, '1 h 30 min'],
    ['1h30', 5400, '1 h 30 min'],
    ['90m', 5400, '1 h 30 min'],
    ['90 min', 5400, '1 h 30 min'],
    ['90 mins', 5400, '1 h 30 min'],
    ['90 minutes', 5400, '1 h 30 min'],
    ['2h', 7200, '2 h'],
    ['2 hrs', 7200, '2 h'],
    ['2 hours', 7200, '2 h'],
    ['1 hour 15 minutes', 4500, '1 h 15 min'],
    ['1.5h', 5400, '1 h 30 min'],
    ['1,25 h', 4500, '1 h 15 min'],
    ['  45m  ', 2700, '45 min'],
    ['6m', 360, '6 min'],
    ['0.1', 360, '6 min'],
    ['24', 86400, '24 h'],
    ['30s', 30, '30 s'],
  ])('%j → %i s (%s)', (input, seconds, text) => {
    expect(parseDuration(input)).toEqual({ ok: true, seconds, text });
  });

  it.each([
    ['', 'Enter how long'],
    ['   ', 'Enter how long'],
    ['0', 'more than zero'],
    ['0:00', 'more than zero'],
    ['0h', 'more than zero'],
    ['-1', 'more than zero'],
    ['-30m', 'more than zero'],
    ['25', 'more than 24 hours'],
    ['90', 'Did you mean 90m?'],
    ['24:01', 'more than 24 hours'],
    ['abc', 'is not a duration'],
    ['1x', 'is not a duration'],
    ['1:75', 'is not a duration'],
    ['m30', 'is not a duration'],
    ['30m 1h', 'is not a duration'],
    ['1h 2h', 'is not a duration'],
    ['1..5', 'is not a duration'],
    ['1.5.5', 'is not a duration'],
    ['<img src=x>', 'is not a duration'],
  ])('rejects %j with a message', (input, message) => {
    const r = parseDuration(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(say(r.error)).toContain(message);
  });
});

describe('formatting', () => {
  it('says durations in words', () => {
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(0)).toBe('0 s');
  });
  it('shows a running timer as H:MM:SS', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(3_723_999)).toBe('1:02:03');
    expect(formatClock(36_000_000)).toBe('10:00:00');
  });
  it('fits the badge', () => {
    expect(formatBadge(65 * 60_000)).toBe('1:05');
    expect(formatBadge(12 * 3600_000)).toBe('12h');
  });
  it('fits the badge in tenths of an hour, each started tenth counted as Clio’s 6-minute rounding does', () => {
    expect(formatBadgeHours(0)).toBe('0.1h'); // a timer just started has started its first tenth
    expect(formatBadgeHours(1000)).toBe('0.1h');
    expect(formatBadgeHours(4 * 60_000)).toBe('0.1h');
    expect(formatBadgeHours(6 * 60_000)).toBe('0.1h');
    expect(formatBadgeHours(6 * 60_000 + 1000)).toBe('0.2h');
    expect(formatBadgeHours(65 * 60_000)).toBe('1.1h');
    expect(formatBadgeHours(9 * 3600_000 + 54 * 60_000)).toBe('9.9h');
    expect(formatBadgeHours(12 * 3600_000 + 20 * 60_000)).toBe('12.4');
  });
});
