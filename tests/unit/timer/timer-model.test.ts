import { describe, expect, it } from 'vitest';
import {
  correctionTaken,
  cut,
  discardIdle,
  elapsedMs,
  fromClioTimer,
  isRunning,
  pause,
  pauseRunning,
  quantitySeconds,
  resume,
  pausedIndex,
  resumePaused,
  startOf,
  timersOf,
  withStart,
  type TimerState,
} from '@/lib/timer/model';
import { lastAt, spanSeconds, startAt, timeOfDay } from '@/lib/timer/time-of-day';

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

  it('pausing keeps our correction apart: discarded idle time is taken off once, paused or running', () => {
    const t = discardIdle(base, 10 * 60_000, 60 * 60_000 + 1_000); // 60 min run, 10 min idle discarded
    expect(elapsedMs(t, 60 * 60_000 + 1_000)).toBe(50 * 60_000);
    const paused = pause(t, 60 * 60_000 + 1_000);
    expect(elapsedMs(paused, 99 * 60_000)).toBe(50 * 60_000);
    expect(paused).toMatchObject({ recordedMs: 60 * 60_000, adjustMs: -10 * 60_000 }); // recorded as Clio's stop records it
    expect(quantitySeconds(paused, 99 * 60_000)).toBe(50 * 60);
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

describe('timer model: correcting and switching (a fake clock)', () => {
  const min = 60_000;
  const on = (activityId: number, over: Partial<TimerState> = {}): TimerState => ({ ...base, activityId, ...over });

  it('moves the start: the time becomes the time since it, kept as our correction; Clio taking it leaves the time shown', () => {
    const t = withStart(base, 1_000 - 10 * min, 1_000 + 5 * min); // ran 5 min; "started 10 minutes earlier"
    expect(elapsedMs(t, 1_000 + 5 * min)).toBe(15 * min);
    expect(startOf(t, 1_000 + 7 * min)).toBe(1_000 - 10 * min); // the start stays put as time passes
    expect(elapsedMs(withStart(base, 9e9, 1_000 + min), 1_000 + min)).toBe(0); // a start after now is now
    const taken = correctionTaken(t, 600); // Clio recorded 600 s
    expect(taken).toMatchObject({ recordedMs: 600_000, adjustMs: 0 });
    expect(elapsedMs(taken, 1_000 + 9 * min)).toBe(19 * min);
  });

  it('cuts the running timer for a switch (at now) and a split (earlier): no gap, no overlap', () => {
    const now = 1_000 + 30 * min + 400;
    expect(cut(base, now, now)).toEqual({ beforeSeconds: 1800, afterSeconds: 0 });
    const split = cut(base, 1_000 + 20 * min, now)!;
    expect(split).toEqual({ beforeSeconds: 1200, afterSeconds: 600 });
    expect((split.beforeSeconds + split.afterSeconds) * 1000).toBe(Math.round((now - 1_000) / 1000) * 1000);
    expect(cut(base, 0, now)).toBeNull(); // before the timer started
    expect(cut(base, now + 1, now)).toBeNull(); // in the future
    expect(cut(pause(base, now), now, now)).toBeNull(); // only a running timer is cut
  });

  it('keeps several paused timers; resuming one pauses the running one at the same instant', () => {
    let ts = timersOf(on(1), []);
    ts = pauseRunning(ts, 1_000 + min);
    expect(ts.running).toBeNull();
    ts = { ...ts, running: on(2, { runningSince: 1_000 + 2 * min }) };
    ts = pauseRunning(ts, 1_000 + 5 * min);
    expect(ts.paused.map((p) => [p.activityId, elapsedMs(p, 9e9)])).toEqual([
      [2, 3 * min],
      [1, min],
    ]);
    ts = { ...ts, running: on(3, { runningSince: 1_000 + 6 * min }) };
    const at = 1_000 + 8 * min;
    const after = resumePaused(ts, 1, at);
    expect(after.running).toMatchObject({ activityId: 1, runningSince: at, recordedMs: min });
    expect(after.paused.map((p) => [p.activityId, elapsedMs(p, 9e9)])).toEqual([
      [3, 2 * min],
      [2, 3 * min],
    ]);
    expect(elapsedMs(after.running!, at + min)).toBe(2 * min);
    expect(resumePaused(ts, 7, at)).toBe(ts); // nothing at that place

    // A click names the timer it meant: found where it is now if the list changed since it was shown.
    const [two, one] = ts.paused as [TimerState, TimerState];
    expect(pausedIndex(ts.paused, 1, { activityId: 1, recordedMs: one.recordedMs })).toBe(1);
    expect(pausedIndex(ts.paused, 0, { activityId: 1, recordedMs: one.recordedMs })).toBe(1);
    expect(pausedIndex([one], 1, { activityId: 2, recordedMs: two.recordedMs })).toBe(-1); // gone: nothing is touched
    expect(resumePaused(ts, -1, at)).toBe(ts);
    expect(pausedIndex(ts.paused, 0)).toBe(0);
  });

  it('reads what is stored: an old paused timer is the first paused; one both running and paused is running', () => {
    const old = pause(on(1), 1_000 + min);
    expect(timersOf(old, [on(2, { runningSince: null })])).toEqual({ running: null, paused: [old, on(2, { runningSince: null })] });
    expect(timersOf(on(1), [pause(on(1), 5_000), pause(on(2), 5_000)])).toEqual({ running: on(1), paused: [pause(on(2), 5_000)] });
  });
});

describe('times of day', () => {
  const at = (h: number, m: number, dayOffset = 0) => new Date(2026, 2, 2 + dayOffset, h, m).getTime();

  it('reads a time typed as the latest such instant not after now', () => {
    const now = at(14, 5) + 20_000;
    expect(timeOfDay(now)).toBe('14:05');
    expect(lastAt('13:55', now)).toBe(at(13, 55));
    expect(lastAt('14:05', now)).toBe(now);
    expect(lastAt('23:50', now)).toBe(at(23, 50, -1)); // later than now: yesterday
    expect(lastAt('25:00', now)).toBeNull();
    // A new start for a running timer: yesterday's only for a timer that started yesterday.
    expect(startAt('13:55', now, at(14, 0))).toBe(at(13, 55));
    expect(startAt('23:50', now, at(14, 0))).toBeNull(); // later than now, for a timer started today: a mistake
    expect(startAt('23:50', now, at(23, 55, -1))).toBe(at(23, 50, -1));
    expect(lastAt('', now)).toBeNull();
  });

  it('measures from one time to the next, across midnight', () => {
    expect(spanSeconds('09:15', '10:45')).toBe(5400);
    expect(spanSeconds('23:30', '00:15')).toBe(2700);
    expect(spanSeconds('09:15', '')).toBeNull();
  });
});
