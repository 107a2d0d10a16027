/**
 * TimerService against the sandbox: the real ClioClient, outbox and couriers, the timer kept in
 * (fake) IndexedDB as the background keeps it. Time is an injected clock: nothing waits.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Outbox } from '@/lib/outbox/outbox';
import { TIME_ENTRY, timeEntryCourier } from '@/lib/time-entries/time-entry-courier';
import { TIMER_STOP, timerStopCourier } from '@/lib/timer/timer-stop-courier';
import { idleItem, recentMattersItem, rememberMatter, timerCheckedAtItem, timerItem } from '@/lib/timer/timer-items';
import type { MatterRef } from '@/lib/timer/model';
import { FRESH_MS, TimerService } from '@/lib/timer/timer-service';
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
    expect(await timerItem.getValue()).toEqual(paused);

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
