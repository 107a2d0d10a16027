import { describe, expect, it } from 'vitest';
import {
  awayStopDue,
  DEFAULT_REMINDERS,
  lastOccurrence,
  minutesOfDay,
  nextOccurrence,
  nextStopAt,
  reminderMatter,
  reminderStep,
  stopAtDue,
  withinWorkHours,
  type ReminderSettings,
} from '@/lib/timer/reminder-rules';

/** Local time on 2 December 2026 (the day after with `day` 3). */
const at = (h: number, m = 0, day = 2) => new Date(2026, 11, day, h, m).getTime();
const on = (o: Partial<ReminderSettings>): ReminderSettings => ({ ...DEFAULT_REMINDERS, ...o });

describe('times of day', () => {
  it('reads HH:MM and refuses the rest', () => {
    expect(minutesOfDay('18:30')).toBe(1110);
    expect(minutesOfDay('7:05')).toBe(425);
    expect(minutesOfDay('24:00')).toBeNull();
    expect(minutesOfDay('18:60')).toBeNull();
    expect(minutesOfDay('')).toBeNull();
  });
  it('finds the last and next occurrence', () => {
    expect(lastOccurrence('18:30', at(19))).toBe(at(18, 30));
    expect(lastOccurrence('18:30', at(10))).toBe(at(18, 30, 1));
    expect(lastOccurrence('18:30', at(18, 30))).toBe(at(18, 30));
    expect(nextOccurrence('18:30', at(10))).toBe(at(18, 30));
    expect(nextOccurrence('18:30', at(18, 30))).toBe(at(18, 30, 3));
  });
});

describe('stop at a set time', () => {
  const s = on({ stopAt: true, stopAtTime: '18:30' });
  it('is off until chosen', () => {
    expect(stopAtDue(DEFAULT_REMINDERS, at(9), at(19))).toBeNull();
    expect(nextStopAt(DEFAULT_REMINDERS, at(9))).toBeNull();
  });
  it('stops a timer that ran past the time, at that time, however late the alarm fired', () => {
    expect(stopAtDue(s, at(9), at(18, 30))).toBe(at(18, 30));
    expect(stopAtDue(s, at(9), at(18, 31))).toBe(at(18, 30));
    // The worker (or the browser) was gone all night: the stop is still yesterday's 18:30.
    expect(stopAtDue(s, at(9), at(8, 0, 3))).toBe(at(18, 30));
    // Days later (a laptop closed over a weekend): the first stop time after the start, not the last before now.
    expect(stopAtDue(s, at(17), at(9, 0, 5))).toBe(at(18, 30));
  });
  it('leaves a timer started after the stop time, and a paused one, running to the next', () => {
    expect(stopAtDue(s, at(19), at(20))).toBeNull();
    expect(stopAtDue(s, at(18, 30), at(18, 30))).toBeNull();
    expect(stopAtDue(s, null, at(19))).toBeNull();
    expect(stopAtDue(s, at(9), at(18, 29))).toBeNull();
  });
  it('sets the next alarm at the next stop time', () => {
    expect(nextStopAt(s, at(9))).toBe(at(18, 30));
    expect(nextStopAt(s, at(18, 30))).toBe(at(18, 30, 3));
  });
});

describe('work hours', () => {
  it('holds the day span, not its end', () => {
    const s = { workFrom: '09:00', workTo: '18:00' };
    expect(withinWorkHours(s, at(9))).toBe(true);
    expect(withinWorkHours(s, at(17, 59))).toBe(true);
    expect(withinWorkHours(s, at(18))).toBe(false);
    expect(withinWorkHours(s, at(8, 59))).toBe(false);
  });
  it('runs past midnight when the end comes first, and holds nothing when both are equal', () => {
    const night = { workFrom: '22:00', workTo: '06:00' };
    expect(withinWorkHours(night, at(23))).toBe(true);
    expect(withinWorkHours(night, at(5))).toBe(true);
    expect(withinWorkHours(night, at(12))).toBe(false);
    expect(withinWorkHours({ workFrom: '09:00', workTo: '09:00' }, at(9))).toBe(false);
  });
});

describe('remind me to track', () => {
  const s = on({ remind: true, remindMinutes: 15, workFrom: '09:00', workTo: '18:00' });
  const idle = { running: false, lastRanAt: 0, remindedAt: 0, inUse: true };
  it('is off until chosen, and quiet while a timer runs', () => {
    expect(reminderStep(DEFAULT_REMINDERS, idle, at(12))).toEqual({ notify: false, next: null });
    expect(reminderStep(s, { ...idle, running: true }, at(12))).toEqual({ notify: false, next: null });
  });
  it('counts N minutes from the last timer, the last reminder or the start of work', () => {
    expect(reminderStep(s, { ...idle, lastRanAt: at(11, 50) }, at(12))).toEqual({ notify: false, next: at(12, 5) });
    expect(reminderStep(s, { ...idle, lastRanAt: at(11, 50) }, at(12, 5))).toEqual({ notify: true, next: at(12, 20) });
    expect(reminderStep(s, { ...idle, remindedAt: at(11, 55) }, at(12))).toEqual({ notify: false, next: at(12, 10) });
    // Yesterday's last timer: the count starts at 9:00.
    expect(reminderStep(s, { ...idle, lastRanAt: at(17, 0, 1) }, at(9, 5))).toEqual({ notify: false, next: at(9, 15) });
    expect(reminderStep(s, { ...idle, lastRanAt: at(17, 0, 1) }, at(9, 15))).toEqual({ notify: true, next: at(9, 30) });
  });
  it('says nothing while the browser is not in use, and looks again later', () => {
    expect(reminderStep(s, { ...idle, inUse: false }, at(12))).toEqual({ notify: false, next: at(12, 15) });
  });
  it('waits outside work hours for the next day', () => {
    expect(reminderStep(s, idle, at(19))).toEqual({ notify: false, next: at(9, 15, 3) });
    expect(reminderStep(s, idle, at(7))).toEqual({ notify: false, next: at(9, 15) });
  });
  it('takes N as at least one minute', () => {
    expect(reminderStep({ ...s, remindMinutes: 0 }, { ...idle, lastRanAt: at(12) }, at(12, 1))).toEqual({ notify: true, next: at(12, 2) });
  });
});

describe('away too long', () => {
  const s = on({ awayStop: true, awayMinutes: 30 });
  const timer = { activityId: 7, runningSince: at(9) };
  it('stops at the moment the person went away, once away long enough', () => {
    const span = { from: at(10), to: null, activityId: 7 };
    expect(awayStopDue(s, span, timer, at(10, 29))).toBeNull();
    expect(awayStopDue(s, span, timer, at(10, 30))).toBe(at(10));
    expect(awayStopDue(s, span, timer, at(15))).toBe(at(10));
  });
  it('decides again when they come back (an alarm the sleeping computer missed)', () => {
    expect(awayStopDue(s, { from: at(10), to: at(11), activityId: 7 }, timer, at(11))).toBe(at(10));
    expect(awayStopDue(s, { from: at(10), to: at(10, 20), activityId: 7 }, timer, at(11))).toBeNull();
  });
  it('never stops before the timer started, another timer, a paused timer, or when off', () => {
    expect(awayStopDue(s, { from: at(8), to: null, activityId: 7 }, timer, at(12))).toBe(at(9));
    expect(awayStopDue(s, { from: at(10), to: null, activityId: 8 }, timer, at(12))).toBeNull();
    expect(awayStopDue(s, { from: at(10), to: null, activityId: 7 }, { activityId: 7, runningSince: null }, at(12))).toBeNull();
    expect(awayStopDue(DEFAULT_REMINDERS, { from: at(10), to: null, activityId: 7 }, timer, at(12))).toBeNull();
    expect(awayStopDue(s, null, timer, at(12))).toBeNull();
  });
});

describe('the matter a reminder offers', () => {
  const reading = (at: number, ...ids: number[]) => ({ at, suggestions: ids.map((id) => ({ matter: { id } })) });
  it('is the page read since the last timer, else the last matter', () => {
    expect(reminderMatter([reading(at(10), 5, 6), reading(at(11), 7)], at(9), [{ id: 1 }])).toEqual({ id: 7 });
    expect(reminderMatter([reading(at(8), 5), reading(at(11))], at(9), [{ id: 1 }])).toEqual({ id: 1 });
    expect(reminderMatter([], 0, [])).toBeNull();
  });
});
