/**
 * The couriers that carry time entries and timer stops from the outbox to Clio, against the
 * sandbox with the real ClioClient: what they create, find and stop is what the sandbox holds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTimerOnNewEntry, type ActivityJson } from '@/lib/time-entries/clio-activities';
import type { AppError } from '@/lib/errors';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import { Outbox } from '@/lib/outbox/outbox';
import { TIME_ENTRY, timeEntryCourier, type TimeEntryPayload } from '@/lib/time-entries/time-entry-courier';
import { timerStopCourier, type TimerStopPayload } from '@/lib/timer/timer-stop-courier';
import type { MatterRef } from '@/lib/timer/model';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

const TODAY = '2026-03-02';
let sandbox: Sandbox;
let admin: SandboxAdmin;
let matter: MatterRef;
let other: MatterRef;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 50 });
  admin = sandboxAdmin(sandbox.origin);
  const open = (await admin.matters()).map((m) => ({ id: m.id, displayNumber: m.display_number, description: m.description }));
  matter = open[0]!;
  other = open[1]!;
});
afterAll(() => sandbox.close());
beforeEach(() => admin.reset());

async function world() {
  const { client } = await signedInClient(sandbox.origin);
  await admin.clearLog();
  return {
    client,
    entries: timeEntryCourier(client),
    stops: timerStopCourier(client),
    created: async () => (await admin.state()).createdActivities,
    manageRequests: async () => requestLines(await admin.log('manage')),
  };
}

const payload = (over: Partial<TimeEntryPayload> = {}): TimeEntryPayload => ({
  matter,
  date: TODAY,
  seconds: 1800,
  note: 'Reviewed the lease',
  activityDescriptionId: null,
  nonBillable: false,
  ...over,
});

/** An outbox entry as the outbox hands it to a courier. */
function entry<P>(p: P, over: Partial<OutboxEntry<P>> = {}): OutboxEntry<P> {
  // As the outbox hands it to `deliver`: before this attempt is counted (0 on the first send).
  return { id: 'e1', kind: 'k', payload: p, state: 'pending', attempts: 0, createdAt: Date.now(), nextAttemptAt: Date.now(), ...over };
}

describe('timeEntryCourier', () => {
  it('deliver creates exactly one entry with what the user entered', async () => {
    const w = await world();
    const p = payload({ activityDescriptionId: 501, nonBillable: true });
    const made = (await w.entries.deliver(p, entry(p))) as ActivityJson;

    expect(await w.manageRequests()).toEqual(['POST /activities.json']);
    expect(await w.created()).toEqual([
      expect.objectContaining({
        id: made.id,
        type: 'TimeEntry',
        date: TODAY,
        quantity: 1800,
        note: 'Reviewed the lease',
        non_billable: true,
        matter: { id: matter.id },
        activity_description: { id: 501 },
      }),
    ]);
    expect(made).toMatchObject({ quantity: 1800, matter: { id: matter.id } });
  });

  it('find() locates an entry that reached Clio, and not one another outbox entry claimed', async () => {
    const w = await world();
    const p = payload();
    const before = Date.now();
    // Two identical entries are possible (the same half hour twice); and one that differs.
    const a = (await w.entries.deliver(p, entry(p))) as ActivityJson;
    const b = (await w.entries.deliver(p, entry(p))) as ActivityJson;
    await w.entries.deliver(payload({ note: 'Something else' }), entry(p));

    const e = entry(p, { createdAt: before, state: 'uncertain' });
    expect(await w.entries.find(p, e, new Set())).toMatchObject({ id: a.id });
    expect(await w.entries.find(p, e, new Set([a.id]))).toMatchObject({ id: b.id });
    expect(await w.entries.find(p, e, new Set([a.id, b.id]))).toBeNull();
    expect(await w.entries.find(payload({ seconds: 1801 }), e, new Set())).toBeNull();
    expect(await w.entries.find({ ...p, matter: other }, e, new Set())).toBeNull();
  });

  it('an entry whose answer was lost is found on the next attempt, not made twice', async () => {
    const w = await world();
    let clock = Date.now();
    const outbox = new Outbox({
      store: memoryOutboxStore(),
      couriers: { [TIME_ENTRY]: w.entries },
      now: () => clock,
      random: () => 0,
      owner: async () => 'clio#1',
    });
    await admin.faults({ dropAfter: 1, scope: 'manage' });
    const first = await outbox.add(TIME_ENTRY, payload());
    expect(first.state).toBe('uncertain');
    expect(await w.created()).toHaveLength(1);

    clock += 60_000;
    await outbox.flush();
    const [made] = await w.created();
    expect(await outbox.get(first.id)).toMatchObject({ state: 'sent', result: { id: made!.id } });
    expect(await w.created()).toHaveLength(1);
    expect((await w.manageRequests()).filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('mayHaveReached: a dropped connection or a 5xx may have made the entry; a refusal did not', async () => {
    const w = await world();
    const failure = async (fault: Parameters<SandboxAdmin['faults']>[0] | 'lock-date') => {
      if (fault === 'lock-date') await admin.config({ lockDate: '2030-01-01' });
      else await admin.faults({ ...fault, scope: 'manage' });
      const p = payload();
      const e = (await w.entries.deliver(p, entry(p)).catch((x: unknown) => x)) as AppError;
      await admin.clearFaults();
      return [e.kind, w.entries.mayHaveReached(e)];
    };
    expect(await failure({ dropBefore: 1 })).toEqual(['network', true]);
    expect(await failure({ dropAfter: 1 })).toEqual(['network', true]);
    expect(await failure({ fail5xx: 1 })).toEqual(['server', true]);
    expect(await failure('lock-date')).toEqual(['validation', false]);
  });
});

describe('timerStopCourier', () => {
  /** A timer running in Clio on a new entry, as TimerService.start makes it. */
  async function running(w: Awaited<ReturnType<typeof world>>, m = matter) {
    const a = await startTimerOnNewEntry(w.client, { ...payload({ matter: m }), matterId: m.id, seconds: 0 });
    await admin.clearLog();
    return a;
  }
  const stop = (activityId: number, over: Partial<TimerStopPayload> = {}): TimerStopPayload => ({
    activityId,
    seconds: 754,
    note: 'Call with the client',
    matterLabel: 'label',
    verify: false,
    running: true,
    ...over,
  });
  const quantityOf = async (id: number) => (await admin.state()).createdActivities.find((a) => a.id === id)?.quantity;

  it('stops Clio’s timer and records the exact seconds: two requests', async () => {
    const w = await world();
    const a = await running(w);
    const p = stop(a.id);
    await w.stops.deliver(p, entry(p));

    expect(await w.manageRequests()).toEqual(['DELETE /timer.json', `PATCH /activities/${a.id}.json`]);
    expect((await admin.state()).timers).toEqual([]);
    expect(await quantityOf(a.id)).toBe(754);
  });

  it('with verify, checks Clio’s timer first: one that runs on this entry is stopped, another is left running', async () => {
    const w = await world();
    const a = await running(w);
    let p = stop(a.id, { verify: true });
    await w.stops.deliver(p, entry(p));
    expect(await w.manageRequests()).toEqual(['GET /timer.json', 'DELETE /timer.json', `PATCH /activities/${a.id}.json`]);
    expect(await quantityOf(a.id)).toBe(754);

    const b = await running(w);
    const c = await running(w, other); // started in Clio meanwhile: Clio stopped b's timer
    p = stop(b.id, { verify: true, seconds: 99 });
    await w.stops.deliver(p, entry(p));
    expect(await w.manageRequests()).toEqual(['GET /timer.json', `PATCH /activities/${b.id}.json`]);
    expect((await admin.state()).timers).toEqual([expect.objectContaining({ activityId: c.id })]);
    expect(await quantityOf(b.id)).toBe(99);
  });

  it('a paused timer is not running in Clio: only its time is recorded', async () => {
    const w = await world();
    const a = await running(w);
    const c = await running(w, other);
    const p = stop(a.id, { running: false });
    await w.stops.deliver(p, entry(p));
    expect(await w.manageRequests()).toEqual([`PATCH /activities/${a.id}.json`]);
    expect((await admin.state()).timers).toEqual([expect.objectContaining({ activityId: c.id })]);
  });

  it('a repeated stop is harmless: the same time, no error, nothing to find', async () => {
    const w = await world();
    const a = await running(w);
    const p = stop(a.id);
    await w.stops.deliver(p, entry(p));
    await w.stops.deliver(p, entry(p, { attempts: 2 })); // a retry checks Clio's timer first
    expect(await w.manageRequests()).toEqual(['DELETE /timer.json', `PATCH /activities/${a.id}.json`, 'GET /timer.json', `PATCH /activities/${a.id}.json`]);
    expect(await quantityOf(a.id)).toBe(754);
    expect((await admin.state()).timers).toEqual([]);
    expect(await w.stops.find(p, entry(p), new Set())).toBeNull();
    expect(w.stops.mayHaveReached({ kind: 'network' } as AppError)).toBe(false);
  });
});
