import { describe, expect, it } from 'vitest';
import { timerForOwner, type TimerState } from '@/lib/timer/model';

const timer = (over: Partial<TimerState> = {}): TimerState => ({
  activityId: 11,
  matter: { id: 1, displayNumber: '00001-Jones', description: 'Jones v. Cardinal', clientName: 'Omar Jones' },
  note: '',
  activityDescriptionId: null,
  recordedMs: 60_000,
  runningSince: null,
  syncedAt: 0,
  adjustMs: 0,
  ...over,
});

describe('timerForOwner', () => {
  it('keeps the signed-in user’s own timer, and adopts one from before owners were recorded', () => {
    expect(timerForOwner(timer({ owner: 'a' }), {}, 'a')).toEqual({ timer: timer({ owner: 'a' }), aside: {}, changed: false });
    expect(timerForOwner(timer(), {}, 'a')).toEqual({ timer: timer({ owner: 'a' }), aside: {}, changed: false });
  });

  it('puts another user’s timer aside for them and brings back the one kept for this user', () => {
    const mine = timer({ activityId: 22, owner: 'b' });
    const theirs = timer({ owner: 'a' });
    expect(timerForOwner(theirs, { b: mine }, 'b')).toEqual({ timer: mine, aside: { a: theirs }, changed: true });
    expect(timerForOwner(theirs, {}, 'b')).toEqual({ timer: null, aside: { a: theirs }, changed: true });
    expect(timerForOwner(null, { b: mine, c: timer({ owner: 'c' }) }, 'b')).toEqual({ timer: mine, aside: { c: timer({ owner: 'c' }) }, changed: true });
  });

  it('with nothing running and nothing kept, nothing changes', () => {
    expect(timerForOwner(null, {}, 'a')).toEqual({ timer: null, aside: {}, changed: false });
  });
});
