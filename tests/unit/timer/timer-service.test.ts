/**
 * TimerService against the sandbox: the real ClioClient, outbox and couriers, the timer kept in
 * (fake) IndexedDB as the background keeps it. Time is an injected clock: nothing waits.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Outbox } from '@/lib/outbox/outbox';
import { TIME_ENTRY, timeEntryCourier } from '@/lib/time-entries/time-entry-courier';
import { TIMER_STOP, timerStopCourier } from '@/lib/timer/timer-stop-courier';
import { idleItem, pausedTimersItem, recentMattersItem, rememberMatter, timerCheckedAtItem, timerItem } from '@/lib/timer/timer-items';
import { elapsedMs, type MatterRef, type TimerState } from '@/lib/timer/model';
import { FRESH_MS, TimerService } from '@/lib/timer/timer-service';
import { TimeEntryService } from '@/lib/time-entries/time-entry-service';
import { createTimeEntry } from '@/lib/time-entries/clio-activities';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

const TODAY = '2026-03-02';
let sandbox: Sandbox;
let admin: SandboxAdmin;
let matters: MatterRef[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 50 });
  admin = sandboxAdmin(sandbox.origin);
  matters = (await admin.matters()).map((m) => ({ id: m.id, displayNumber: m.display_number, description: m.description }));
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  await admin.reset();
});

/** A signed-in TimerService wired as the background wires it, on a clock the test moves. */
async function world() {
  let clock = Date.now();
  const now = () => clock;
  const { client } = await signedInClient(sandbox.origin);
  const outboxStore = memoryOutboxStore();
  const outbox = new Outbox({
    store: outboxStore,
    couriers: { [TIME_ENTRY]: timeEntryCourier(client), [TIMER_STOP]: timerStopCourier(client) },
    now,
    random: () => 0,
    owner: async () => 'clio#1',
  });
  const timer = new TimerService({
    client,
    outbox,
    store: {
      get: () => timerItem.getValue(),
      set: (t) => timerItem.setValue(t),
      paused: () => pausedTimersItem.getValue(),
      setPaused: (list) => pausedTimersItem.setValue(list),
      checkedAt: () => timerCheckedAtItem.getValue(),
      setCheckedAt: (at) => timerCheckedAtItem.setValue(at),
    },
    today: async () => TODAY,
    remember: rememberMatter,
    recentMatters: () => recentMattersItem.getValue(),
    owner: async () => 'clio#1',
    idle: { get: () => idleItem.getValue(), set: (span) => idleItem.setValue(span) },
    now,
  });
  await admin.clearLog(); // the sign-in's requests are not the timer's
  return {
    client,
    timer,
    outbox,
    outboxEntries: outboxStore.entries,
    tick: (ms: number) => void (clock += ms),
    now,
    /** The entry Clio holds for an activity this test created. */
    activity: async (id: number | null) => (await admin.state()).createdActivities.find((a) => a.id === id),
    manageRequests: async () => requestLines(await admin.log('manage')),
  };
}

const start = (w: Awaited<ReturnType<typeof world>>, matter = matters[0]!, note = '') => w.timer.start({ matter, note, activityDescriptionId: null });

describe('TimerService', () => {
  it('starts with one request to Clio and keeps the timer running on the new time entry', async () => {
    const w = await world();
    const { timer, offline, stopped } = await start(w, matters[0], 'Call with opposing counsel');

    expect(await w.manageRequests()).toEqual(['POST /activities.json']);
    const [post] = await admin.log('manage');
    expect(post!.body).toMatchObject({ data: { type: 'TimeEntry', date: TODAY, quantity: 0, matter: { id: matters[0]!.id }, start_timer: true } });
    const state = await admin.state();
    expect(state.createdActivities).toHaveLength(1);
    expect(state.timers).toEqual([expect.objectContaining({ activityId: state.createdActivities[0]!.id })]);
    expect(offline).toBeUndefined();
    expect(stopped).toBeUndefined();
    expect(timer).toMatchObject({ activityId: state.createdActivities[0]!.id, matter: matters[0], runningSince: w.now(), recordedMs: 0 });
    expect(await timerItem.getValue()).toEqual(timer);
    expect(await timerCheckedAtItem.getValue()).toBe(w.now());
    expect(await recentMattersItem.getValue()).toEqual([matters[0]]);
  });

  it('starting while another timer runs stops the first through the outbox, with its exact time', async () => {
    const w = await world();
    const first = await start(w, matters[0], 'Research');
    w.tick(95_400);
    const second = await start(w, matters[1], 'Drafting');

    expect(second.stopped).toMatchObject({ seconds: 95, entry: { kind: TIMER_STOP, state: 'sent' } });
    expect(await w.activity(first.timer.activityId)).toMatchObject({ quantity: 95, note: 'Research', matter: { id: matters[0]!.id } });
    const { timers } = await admin.state();
    expect(timers).toEqual([expect.objectContaining({ activityId: second.timer.activityId })]);
    expect(w.outboxEntries().map((e) => [e.kind, e.state])).toEqual([[TIMER_STOP, 'sent']]);
    expect(await timerItem.getValue()).toEqual(second.timer);
  });

  it('stop records exactly the seconds the user saw, checking Clio’s timer first when it was last seen long ago', async () => {
    const w = await world();
    const { timer } = await start(w);
    w.tick(3_723_400); // 1 h 2 min 3.4 s
    await admin.clearLog();
    const stopped = await w.timer.stop('Drafted the reply');

    expect(stopped).toMatchObject({ seconds: 3723, entry: { state: 'sent' } });
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 3723, note: 'Drafted the reply', date: TODAY });
    expect(await w.manageRequests()).toEqual(['GET /timer.json', 'DELETE /timer.json', `PATCH /activities/${timer.activityId}.json`]);
    expect((await admin.state()).timers).toEqual([]);
    expect(await timerItem.getValue()).toBeNull();
    expect(await w.timer.stop()).toBeNull(); // nothing runs: nothing to stop
  });

  it('pause stops Clio’s one timer and resume starts it again on the same entry; paused time is not recorded', async () => {
    const w = await world();
    const { timer } = await start(w);
    w.tick(60_000);
    const paused = await w.timer.pause();
    expect(paused).toMatchObject({ runningSince: null, recordedMs: 60_000 });
    expect((await admin.state()).timers).toEqual([]);
    expect(await timerItem.getValue()).toBeNull();
    expect(await pausedTimersItem.getValue()).toEqual([paused]);

    w.tick(5 * 60_000);
    const resumed = await w.timer.resume();
    expect(resumed).toMatchObject({ runningSince: w.now(), recordedMs: 60_000 });
    expect((await admin.state()).timers).toEqual([expect.objectContaining({ activityId: timer.activityId })]);
    expect(await w.manageRequests()).toEqual(['POST /activities.json', 'DELETE /timer.json', 'POST /timer.json']);

    w.tick(30_000);
    expect((await w.timer.stop())?.seconds).toBe(90);
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 90 });
  });

  it('current() answers from storage while it is fresh and asks Clio once it is older than FRESH_MS', async () => {
    const w = await world();
    const { timer } = await start(w);
    await admin.clearLog();

    w.tick(FRESH_MS - 1);
    expect(await w.timer.current()).toEqual(timer);
    expect(await w.manageRequests()).toEqual([]);

    w.tick(2);
    const asked = await w.timer.current();
    expect(await w.manageRequests()).toEqual(['GET /timer.json']);
    expect(asked).toMatchObject({ activityId: timer.activityId, matter: matters[0] });
    expect(await timerCheckedAtItem.getValue()).toBe(w.now());
    expect(await w.timer.current()).toEqual(asked); // fresh again
    expect(await w.manageRequests()).toEqual(['GET /timer.json']);
  });

  it('current() follows a timer stopped, then started, in Clio’s web app', async () => {
    const w = await world();
    await start(w);
    await w.client.delete('/timer.json'); // stopped in Clio
    w.tick(FRESH_MS + 1);
    expect(await w.timer.current()).toBeNull();
    expect(await timerItem.getValue()).toBeNull();

    const elsewhere = await w.client.post<{ id: number }>('/activities.json', {
      data: { type: 'TimeEntry', date: TODAY, quantity: 120, note: 'Started in Clio', matter: { id: matters[2]!.id }, start_timer: true },
    });
    await admin.clearLog();
    w.tick(FRESH_MS + 1);
    const seen = await w.timer.current();
    // Clio's timer does not name its matter: one more request for the entry.
    expect(await w.manageRequests()).toEqual(['GET /timer.json', `GET /activities/${elsewhere.data.id}.json`]);
    expect(seen).toMatchObject({ activityId: elsewhere.data.id, note: 'Started in Clio', recordedMs: 120_000, matter: { id: matters[2]!.id } });
  });

  it.each([
    ['a dropped connection', { dropBefore: 1 }],
    ['a 503', { fail5xx: 1 }],
  ])('start when Clio cannot be reached (%s) runs the timer here; stop saves its time as an entry once Clio answers', async (_, fault) => {
    const w = await world();
    await admin.faults({ ...fault, scope: 'manage' });
    const started = await start(w, matters[1], 'Client meeting');

    expect(started.offline).toMatch(/could not be reached/);
    expect(started.timer).toMatchObject({ activityId: null, runningSince: w.now(), matter: matters[1] });
    expect(await admin.state()).toMatchObject({ createdActivities: [], timers: [] });
    w.tick(FRESH_MS + 1);
    await admin.clearLog();
    expect(await w.timer.current()).toEqual(started.timer); // runs here only: nothing to ask Clio
    expect(await w.manageRequests()).toEqual([]);

    w.tick(20 * 60_000 - (FRESH_MS + 1)); // 20 minutes in all
    await admin.faults({ dropBefore: 1, scope: 'manage' }); // still unreachable when it stops
    const stopped = await w.timer.stop();
    expect(stopped).toMatchObject({ seconds: 1200, entry: { kind: TIME_ENTRY } });
    expect(stopped!.entry.state).not.toBe('sent');
    expect(await timerItem.getValue()).toBeNull();
    expect((await admin.state()).createdActivities).toEqual([]);

    w.tick(60_000); // the outbox's next attempt is due
    await w.outbox.flush();
    const { createdActivities } = await admin.state();
    expect(createdActivities).toEqual([
      expect.objectContaining({ type: 'TimeEntry', quantity: 1200, note: 'Client meeting', date: TODAY, matter: { id: matters[1]!.id } }),
    ]);
    expect(w.outboxEntries().map((e) => e.state)).toEqual(['sent']);
  });

  it('a start whose answer was lost takes up the timer Clio did start, instead of running one here', async () => {
    const w = await world();
    await admin.faults({ dropAfter: 1, scope: 'manage' });
    const started = await start(w);

    const state = await admin.state();
    expect(state.createdActivities).toHaveLength(1);
    expect(started.offline).toBeUndefined();
    expect(started.timer).toMatchObject({ activityId: state.createdActivities[0]!.id, matter: matters[0] });
    expect(state.timers).toEqual([expect.objectContaining({ activityId: started.timer.activityId })]);
  });

  it('discardIdle takes the idle time off what stop records', async () => {
    const w = await world();
    expect(await w.timer.discardIdle(60_000)).toBeNull(); // no timer: nothing to take it from
    const { timer } = await start(w);
    w.tick(10 * 60_000);
    const trimmed = await w.timer.discardIdle(4 * 60_000);
    expect(trimmed).toMatchObject({ adjustMs: -240_000 });
    expect(await timerItem.getValue()).toEqual(trimmed);

    expect((await w.timer.stop())?.seconds).toBe(360);
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 360 });
  });

  it('stopAsOf stops at a moment past in one step, and leaves a timer switched to meanwhile running', async () => {
    const w = await world();
    const { timer } = await start(w);
    w.tick(30 * 60_000);
    const stopAt = w.now() - 20 * 60_000; // the set stop time passed 20 minutes ago
    expect((await w.timer.stopAsOf(stopAt, timer))?.seconds).toBe(600);
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 600 });
    expect(await timerItem.getValue()).toBeNull();

    const first = (await start(w)).timer;
    w.tick(60_000);
    const second = (await start(w, matters[1]!)).timer; // switched before the stop came
    w.tick(60_000);
    expect(await w.timer.stopAsOf(w.now() - 30_000, first)).toBeNull();
    expect(await timerItem.getValue()).toMatchObject({ activityId: second.activityId });
  });

  it('decideIdle: discarding takes the span the user was away off the timer; keeping leaves it; either way the question is gone', async () => {
    const w = await world();
    const { timer } = await start(w);
    w.tick(10 * 60_000);
    await idleItem.setValue({ from: w.now() - 6 * 60_000, to: w.now() - 60_000, activityId: timer.activityId });
    expect(await w.timer.decideIdle(false)).toMatchObject({ adjustMs: -300_000 });
    expect(await idleItem.getValue()).toBeNull();
    await idleItem.setValue({ from: w.now() - 60_000, to: w.now(), activityId: timer.activityId });
    expect(await w.timer.decideIdle(true)).toMatchObject({ adjustMs: -300_000 });
    expect(await idleItem.getValue()).toBeNull();
    expect((await w.timer.stop())?.seconds).toBe(300);
  });

  it('toggle (the keyboard command) starts on the last matter used, then stops', async () => {
    const w = await world();
    await w.timer.toggle(); // nothing used yet: nothing to start
    expect(await timerItem.getValue()).toBeNull();
    const { timer } = await start(w);
    await w.timer.stop();
    w.tick(60_000);
    await w.timer.toggle();
    const again = await timerItem.getValue();
    expect(again?.matter?.id).toBe(timer.matter?.id);
    expect(again?.activityId).not.toBe(timer.activityId);
    w.tick(90_000);
    await w.timer.toggle();
    expect(await timerItem.getValue()).toBeNull();
    expect(await w.activity(again!.activityId!)).toMatchObject({ quantity: 90 });
  });

  it('a stop never records more than 24 hours, and says so', async () => {
    const w = await world();
    const { timer } = await start(w);
    w.tick(26 * 3600_000);
    const out = await w.timer.stop();
    expect(out).toMatchObject({ seconds: 24 * 3600, capped: expect.stringMatching(/more than 24 hours/) });
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 24 * 3600 });
  });
});

describe('TimerService: correcting and switching', () => {
  it('switch: the running timer stops and the next starts at the same instant, in 3 requests; the two entries add up to the time that passed', async () => {
    const w = await world();
    const first = await start(w, matters[0], 'Call');
    w.tick(12 * 60_000 + 400);
    await admin.clearLog();
    const second = await start(w, matters[1]); // long after Clio was last asked: a switch still does not ask first
    expect(await w.manageRequests()).toEqual(['DELETE /timer.json', `PATCH /activities/${first.timer.activityId}.json`, 'POST /activities.json']);
    expect(second.stopped).toMatchObject({ seconds: 720, entry: { state: 'sent' } });
    const switchedAt = w.now();
    w.tick(5 * 60_000);
    await w.timer.stop();
    expect(await w.activity(first.timer.activityId)).toMatchObject({ quantity: 720 });
    expect(await w.activity(second.timer.activityId)).toMatchObject({ quantity: 300, matter: { id: matters[1]!.id } });
    expect(second.timer.runningSince! - second.timer.adjustMs).toBe(switchedAt); // it counts from the stop instant
  });

  it('a switch’s stop that must be resent looks at Clio’s timer first and leaves the new one running', async () => {
    const w = await world();
    const first = await start(w);
    w.tick(60_000);
    await admin.faults({ fail5xx: 4, method: 'DELETE', scope: 'manage' }); // the stop's first attempt fails (every retry)
    const second = await start(w, matters[1]);
    expect(second.stopped?.entry.state).not.toBe('sent');
    w.tick(60_000);
    await w.outbox.flush();
    const state = await admin.state();
    expect(state.timers).toEqual([expect.objectContaining({ activityId: second.timer.activityId })]);
    expect(state.createdActivities.find((a) => a.id === first.timer.activityId)).toMatchObject({ quantity: 60 });
  });

  it('split: the time since a given instant goes to another matter, where the timer goes on', async () => {
    const w = await world();
    const first = await start(w, matters[0], 'Research');
    w.tick(50 * 60_000);
    const splitAt = w.now() - 20 * 60_000;
    await expect(w.timer.start({ matter: matters[1]!, note: '', activityDescriptionId: null, at: w.now() - 51 * 60_000 })).rejects.toMatchObject({
      kind: 'bad-request',
    });
    const second = await w.timer.start({ matter: matters[1]!, note: '', activityDescriptionId: null, at: splitAt });
    expect(second.stopped).toMatchObject({ seconds: 30 * 60 });
    expect(await w.activity(first.timer.activityId)).toMatchObject({ quantity: 30 * 60, note: 'Research' });
    expect(await w.activity(second.timer.activityId)).toMatchObject({ quantity: 20 * 60 }); // Clio shows the moved time at once
    w.tick(60_000);
    expect((await w.timer.stop())?.seconds).toBe(21 * 60);
  });

  it('several paused timers wait here; resuming one pauses the running one in its place; only one runs in Clio', async () => {
    const w = await world();
    const a = await start(w, matters[0], 'Call A');
    w.tick(60_000);
    await w.timer.pause();
    const b = await start(w, matters[1], 'Call B');
    w.tick(120_000);
    await w.timer.pause();
    expect((await pausedTimersItem.getValue()).map((p) => [p.activityId, p.recordedMs])).toEqual([
      [b.timer.activityId, 120_000],
      [a.timer.activityId, 60_000],
    ]);
    const c = await start(w, matters[2]);
    w.tick(30_000);
    await admin.clearLog();
    const resumed = await w.timer.resume(1); // A
    expect(resumed).toMatchObject({ activityId: a.timer.activityId, runningSince: w.now() });
    expect(await w.manageRequests()).toEqual(['DELETE /timer.json', 'POST /timer.json']);
    expect((await admin.state()).timers).toEqual([expect.objectContaining({ activityId: a.timer.activityId })]);
    expect(await timerItem.getValue()).toEqual(resumed);
    expect((await pausedTimersItem.getValue()).map((p) => [p.activityId, p.recordedMs])).toEqual([
      [c.timer.activityId, 30_000],
      [b.timer.activityId, 120_000],
    ]);
    // A paused timer stops from the list: its time is saved, nothing else changes.
    const out = await w.timer.stop(undefined, 1);
    expect(out).toMatchObject({ seconds: 120, entry: { state: 'sent' } });
    expect(await w.activity(b.timer.activityId)).toMatchObject({ quantity: 120, note: 'Call B' });
    expect((await pausedTimersItem.getValue()).map((p) => p.activityId)).toEqual([c.timer.activityId]);
    expect((await timerItem.getValue())?.activityId).toBe(a.timer.activityId);
  });

  it('a paused timer resumed in Clio’s web app leaves the list', async () => {
    const w = await world();
    const a = await start(w);
    w.tick(60_000);
    await w.timer.pause();
    await w.client.post('/timer.json', { data: { activity: { id: a.timer.activityId } } });
    w.tick(FRESH_MS + 1);
    expect(await w.timer.current()).toMatchObject({ activityId: a.timer.activityId, matter: matters[0] });
    expect(await pausedTimersItem.getValue()).toEqual([]);
  });

  it('a timer paused before paused timers were a list is the first of the list, and resumes', async () => {
    const w = await world();
    const a = await start(w);
    w.tick(60_000);
    const paused = await w.timer.pause();
    await pausedTimersItem.setValue([]);
    await timerItem.setValue(paused); // as 0.x kept it
    expect(await w.timer.current()).toEqual(paused);
    expect(await w.timer.resume()).toMatchObject({ activityId: a.timer.activityId, recordedMs: 60_000 });
    expect(await pausedTimersItem.getValue()).toEqual([]);
  });

  it('a timer paused before paused timers were a list can be stopped from the list, and is gone after', async () => {
    const w = await world();
    const a = await start(w);
    w.tick(60_000);
    const paused = await w.timer.pause();
    await pausedTimersItem.setValue([]);
    await timerItem.setValue(paused); // as 0.x kept it
    expect((await w.timer.stop(undefined, 0))?.seconds).toBe(60);
    expect(await timerItem.getValue()).toBeNull();
    expect(await pausedTimersItem.getValue()).toEqual([]);
    expect(await w.activity(a.timer.activityId)).toMatchObject({ quantity: 60 });
  });

  it('changing the start moves the timer’s time, in one request that Clio’s entry takes; the stop records it', async () => {
    const w = await world();
    const { timer } = await start(w, matters[0], 'Call');
    w.tick(5 * 60_000);
    await admin.clearLog();
    const moved = await w.timer.setStart(w.now() - 15 * 60_000); // "I started this call 10 minutes earlier"
    expect(await w.manageRequests()).toEqual([`PATCH /activities/${timer.activityId}.json`]);
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 600 });
    expect(moved).toMatchObject({ recordedMs: 600_000, adjustMs: 0 });
    w.tick(FRESH_MS + 1);
    expect(elapsedOf(await w.timer.current(Infinity), w.now())).toBe(15 * 60_000 + FRESH_MS + 1);
    expect((await w.timer.stop())?.seconds).toBe(15 * 60 + 30);
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 930 });
  });

  it('a later start is ours until the stop; unreachable Clio keeps the correction here', async () => {
    const w = await world();
    const { timer } = await start(w);
    w.tick(10 * 60_000);
    await admin.clearLog();
    expect(await w.timer.setStart(w.now() - 4 * 60_000)).toMatchObject({ recordedMs: 0, adjustMs: -6 * 60_000 });
    expect(await w.manageRequests()).toEqual([]); // Clio's recorded time cannot go below zero: nothing to ask
    await admin.faults({ fail5xx: 4, method: 'PATCH', scope: 'manage' });
    expect(await w.timer.setStart(w.now() - 12 * 60_000)).toMatchObject({ recordedMs: 0, adjustMs: 2 * 60_000 });
    expect((await w.timer.stop())?.seconds).toBe(12 * 60);
    expect(await w.activity(timer.activityId)).toMatchObject({ quantity: 720 });
  });
});

describe('TimeEntryService.split (Today’s Split)', () => {
  const entryService = (w: Awaited<ReturnType<typeof world>>) =>
    new TimeEntryService({
      client: w.client,
      outbox: w.outbox,
      userId: async () => 1,
      today: async () => TODAY,
      firstDay: () => 1,
      saved: async () => undefined,
      remember: rememberMatter,
    });

  it('the entry keeps the time given, the rest becomes an entry on another matter through the outbox: 2 requests; a stale etag changes nothing', async () => {
    const w = await world();
    const entries = entryService(w);
    const made = await createTimeEntry(w.client, {
      matterId: matters[0]!.id,
      date: TODAY,
      seconds: 3600,
      note: 'Calls',
      activityDescriptionId: null,
      nonBillable: false,
    });
    await admin.clearLog();
    const rest = await entries.split({ entry: made, keepSeconds: 2400, matter: matters[1]! });
    expect(rest).toMatchObject({ kind: TIME_ENTRY, state: 'sent', payload: { seconds: 1200, note: 'Calls', date: TODAY, matter: matters[1] } });
    expect(await w.manageRequests()).toEqual([`PATCH /activities/${made.id}.json`, 'POST /activities.json']);
    expect(await w.activity(made.id)).toMatchObject({ quantity: 2400 });
    expect(await w.activity((rest.result as { id: number }).id)).toMatchObject({ quantity: 1200, matter: { id: matters[1]!.id } });
    await expect(entries.split({ entry: made, keepSeconds: 600, matter: matters[2]! })).rejects.toMatchObject({ kind: 'conflict' });
    await expect(entries.split({ entry: made, keepSeconds: 3600, matter: matters[2]! })).rejects.toMatchObject({ kind: 'bad-request' });
    expect(w.outboxEntries()).toHaveLength(1);
  });

  it('a split whose rest failed after the entry kept its part is resent whole: the part is not taken twice, the rest made once', async () => {
    const w = await world();
    const entries = entryService(w);
    const made = await createTimeEntry(w.client, {
      matterId: matters[0]!.id,
      date: TODAY,
      seconds: 3600,
      note: 'Calls',
      activityDescriptionId: null,
      nonBillable: false,
    });
    await admin.faults({ fail5xx: 4, method: 'POST', scope: 'manage' }); // the rest's creation fails (every retry)
    const rest = await entries.split({ entry: made, keepSeconds: 2400, matter: matters[1]! });
    expect(rest.state).not.toBe('sent');
    expect(await w.activity(made.id)).toMatchObject({ quantity: 2400 });
    await admin.clearFaults();
    await admin.clearLog();
    await w.outbox.retry(rest.id);
    expect(await w.outbox.get(rest.id)).toMatchObject({ state: 'sent' });
    expect(await w.manageRequests()).toEqual(
      expect.arrayContaining([`PATCH /activities/${made.id}.json`, `GET /activities/${made.id}.json`, 'POST /activities.json']),
    );
    expect(await w.activity(made.id)).toMatchObject({ quantity: 2400 });
    const created = (await admin.state()).createdActivities.filter((a) => a.matter?.id === matters[1]!.id);
    expect(created.map((a) => a.quantity)).toEqual([1200]);
  });
});

const elapsedOf = (t: TimerState | null, now: number) => (t ? elapsedMs(t, now) : null);
