/**
 * The week's earlier days and Clio's billed figure, against the sandbox with the real ClioClient: one request with
 * field selection for the days before today (none on the week's first day), and `rounded_quantity` as Clio answers it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTimeEntry } from '@/lib/time-entries/clio-activities';
import { TimeEntryService } from '@/lib/time-entries/time-entry-service';
import { Outbox } from '@/lib/outbox/outbox';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

let sandbox: Sandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 5 });
  admin = sandboxAdmin(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => admin.reset());

async function signedIn(today: string) {
  const { client } = await signedInClient(sandbox.origin);
  const { users } = await admin.state();
  const [m] = await admin.matters();
  const outbox = new Outbox({ store: memoryOutboxStore(), couriers: {}, now: Date.now, random: () => 0, owner: async () => 'clio#1' });
  const service = new TimeEntryService({
    client,
    outbox,
    userId: async () => users[0]!.id,
    today: async () => today,
    firstDay: () => 1,
    saved: async () => undefined,
    remember: async () => undefined,
  });
  const entry = (date: string, seconds: number) =>
    createTimeEntry(client, { matterId: m!.id, date, seconds, note: '', activityDescriptionId: null, nonBillable: false });
  return { service, entry };
}

describe('TimeEntryService.earlierThisWeek', () => {
  it('asks once, ids and seconds only, for the days of the week before today', async () => {
    const { service, entry } = await signedIn('2026-12-02'); // a Wednesday
    const sunday = await entry('2026-11-29', 600);
    const monday = await entry('2026-11-30', 1800);
    const tuesday = await entry('2026-12-01', 900);
    const today = await entry('2026-12-02', 300);
    await admin.clearLog();
    const week = await service.earlierThisWeek();
    expect(week.start).toBe('2026-11-30');
    expect(week.entries.map((a) => a.id).sort()).toEqual([monday.id, tuesday.id].sort());
    expect(week.entries.find((a) => a.id === monday.id)).toEqual({ id: monday.id, quantity: 1800 });
    expect(week.entries.some((a) => a.id === sunday.id || a.id === today.id)).toBe(false);
    const log = await admin.log('manage');
    expect(requestLines(log)).toEqual(['GET /activities.json']);
    expect(log[0]!.query).toMatchObject({ fields: 'id,quantity', type: 'TimeEntry', start_date: '2026-11-30', end_date: '2026-12-01' });
  });

  it('asks nothing on the week’s first day', async () => {
    const { service } = await signedIn('2026-11-30');
    await admin.clearLog();
    expect(await service.earlierThisWeek()).toEqual({ start: '2026-11-30', entries: [] });
    expect(await admin.log('manage')).toEqual([]);
  });
});

describe('Clio’s billed figure', () => {
  it('is answered as Clio would: a 4-minute entry is rounded up to the firm’s 6 minutes', async () => {
    const { entry } = await signedIn('2026-12-02');
    expect(await entry('2026-12-02', 240)).toMatchObject({ quantity: 240, rounded_quantity: 360 });
    expect(await entry('2026-12-02', 720)).toMatchObject({ quantity: 720, rounded_quantity: 720 });
  });
});
