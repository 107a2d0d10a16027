import { describe, expect, it } from 'vitest';
import { discardIdle, elapsedMs, fromClioTimer, isRunning, pause, quantitySeconds, resume, type TimerState } from '@/lib/timer/model';

const base: TimerState = {
  activityId: 7,
  matter: { id: 1, displayNumber: '00001-Okafor', description: 'Okafor v. Harlan' },
  note: 'Draft',
  activityDescriptionId: null,
  recordedMs: 0,
  runningSince: 1_000,
  syncedAt: 1_000,
  adjustMs: 0,
};

describe('timer model', () => {
  it('derives elapsed time from the start, not from ticks', () => {
    expect(elapsedMs(base, 1_000)).toBe(0);
    expect(elapsedMs(base, 61_000)).toBe(60_000);
    expect(isRunning(base)).toBe(true);
  });

  it('pauses into recorded time and resumes from now', () => {
    const paused = pause(base, 31_000);
    expect(paused).toMatchObject({ recordedMs: 30_000, runningSince: null });
    expect(elapsedMs(paused, 999_999)).toBe(30_000);
    expect(isRunning(paused)).toBe(false);
    const resumed = resume(paused, 100_000);
    expect(elapsedMs(resumed, 110_000)).toBe(40_000);
    expect(pause(paused, 5)).toBe(paused);
    expect(resume(base, 5)).toBe(base);
  });

  it('discards idle time, never below zero', () => {
    const t = discardIdle(base, 20 * 60_000, 31 * 60_000 + 1_000);
    expect(elapsedMs(t, 31 * 60_000 + 1_000)).toBe(11 * 60_000);
    expect(elapsedMs(discardIdle(base, 10 * 60_000, 61_000), 61_000)).toBe(0);
    expect(quantitySeconds(t, 31 * 60_000 + 1_000)).toBe(660);
  });

  it('reads Clio’s timer using its elapsed time, immune to a skewed local clock', () => {
    const now = 10_000_000;
    const t = fromClioTimer({ start_time: '1999-01-01T00:00:00Z', elapsed_time: 0.5, activity: { id: 7, quantity: 600, note: 'Call' } }, now, base)!;
    expect(elapsedMs(t, now)).toBe(600_000 + 1_800_000);
    expect(t.matter).toEqual(base.matter); // same activity: what we knew is kept
  });

  it('keeps the discarded idle time across a sync of the same timer', () => {
    const now = 10_000_000;
    const known = { ...base, adjustMs: -300_000 };
    const t = fromClioTimer({ elapsed_time: 1, activity: { id: 7, quantity: 0 } }, now, known)!;
    expect(elapsedMs(t, now)).toBe(3_600_000 - 300_000);
    const other = fromClioTimer({ elapsed_time: 1, activity: { id: 8, quantity: 0 } }, now, known)!;
    expect(other).toMatchObject({ activityId: 8, matter: null, adjustMs: 0 });
  });

  it('has no timer when Clio reports none', () => {
    expect(fromClioTimer({}, 0, base)).toBeNull();
  });
});
