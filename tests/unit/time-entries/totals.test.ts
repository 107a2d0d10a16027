import { describe, expect, it } from 'vitest';
import { timeTotals } from '@/lib/time-entries/totals';

const today = [
  { id: 1, quantity: 1800 },
  { id: 2, quantity: 600 },
];

describe('timeTotals', () => {
  it('adds today’s entries, the ones waiting to be sent, and the earlier days of the week', () => {
    expect(timeTotals({ today, waitingSeconds: 300, earlier: [{ id: 9, quantity: 3600 }], timer: null })).toEqual({ today: 2700, week: 6300 });
  });

  it('counts a running timer’s activity as its elapsed time, once, today and in the week', () => {
    // The timer runs on activity 2, which Clio says holds 600 s recorded; it has run 900 s in all.
    expect(timeTotals({ today, waitingSeconds: 0, earlier: [], timer: { activityId: 2, seconds: 900 } })).toEqual({ today: 2700, week: 2700 });
  });

  it('counts a timer started on an earlier day of the week once, not twice', () => {
    const earlier = [{ id: 7, quantity: 1200 }];
    expect(timeTotals({ today, waitingSeconds: 0, earlier, timer: { activityId: 7, seconds: 1500 } })).toEqual({ today: 3900, week: 3900 });
  });

  it('adds a timer that runs only here (no Clio activity)', () => {
    expect(timeTotals({ today, waitingSeconds: 0, earlier: [], timer: { activityId: null, seconds: 60 } })).toEqual({ today: 2460, week: 2460 });
  });

  it('has no week total until Clio answered', () => {
    expect(timeTotals({ today: [], waitingSeconds: 0, earlier: null, timer: { activityId: null, seconds: 5 } })).toEqual({ today: 5, week: null });
  });
});
