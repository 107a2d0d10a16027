/**
 * The couriers that carry tasks and calendar entries from the outbox to Clio, and the deadline service, against the
 * sandbox with the real ClioClient: what they create and find is what the sandbox holds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CALENDAR_ENTRY, type CalendarEntryPayload, calendarEntryCourier, TASK, type TaskPayload, taskCourier } from '@/lib/deadlines/deadline-couriers';
import { type CalendarEntryInput, DeadlineService, deadlineProblem, describedWithPage, hourAfter, type TaskInput } from '@/lib/deadlines/deadline-service';
import { deadlineSetupCached } from '@/lib/deadlines/deadline-setup';
import { AppError } from '@/lib/errors';
import type { MatterRef } from '@/lib/matter-ref';
import { Outbox } from '@/lib/outbox/outbox';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, sendingEntry, requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

let sandbox: Sandbox;
let admin: SandboxAdmin;
let matter: MatterRef;
let other: MatterRef;
const ME = { id: 1001, name: 'Margaret Whitfield', timeZone: 'Eastern Time (US & Canada)' };
const PAGE = 'https://court.example/docket/24-cv-0113';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 50 });
  admin = sandboxAdmin(sandbox.origin);
  const open = (await admin.matters()).map((m) => ({ id: m.id, displayNumber: m.display_number, description: m.description }));
  matter = open[0]!;
  other = open[1]!;
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await admin.reset();
});

async function world() {
  const { client } = await signedInClient(sandbox.origin);
  await admin.clearLog();
  const tasks = taskCourier(client);
  const entries = calendarEntryCourier(client);
  const outbox = (now: () => number = Date.now) =>
    new Outbox({ store: memoryOutboxStore(), couriers: { [TASK]: tasks, [CALENDAR_ENTRY]: entries }, now, random: () => 0, owner: async () => 'clio#1001' });
  return {
    client,
    tasks,
    entries,
    outbox,
    state: () => admin.state(),
    manageRequests: async () => requestLines(await admin.log('manage')),
  };
}

const task = (over: Partial<TaskPayload> = {}): TaskPayload => ({
  matter,
  name: 'Response due',
  description: describedWithPage('Response due within 21 days after service', PAGE),
  dueDate: '2026-07-06',
  assignee: { id: ME.id, name: ME.name },
  priority: 'High',
  statuteOfLimitations: false,
  ...over,
});
const entryPayload = (over: Partial<CalendarEntryPayload> = {}): CalendarEntryPayload => ({
  matter,
  calendarId: 8001,
  summary: 'Hearing',
  description: describedWithPage('hearing on January 5, 2027 at 10:00 AM', PAGE),
  location: 'Courtroom 4B',
  startAt: '2027-01-05T10:00:00-05:00',
  endAt: '2027-01-05T11:00:00-05:00',
  allDay: false,
  ...over,
});
const outboxEntry = sendingEntry;

describe('taskCourier', () => {
  it('deliver makes one task on the matter, due that day, with the page in its description: one request', async () => {
    const w = await world();
    const made = (await w.tasks.deliver(task({ statuteOfLimitations: true }), outboxEntry(TASK, task()))) as { id: number };
    expect(await w.manageRequests()).toEqual(['POST /tasks.json']);
    expect((await w.state()).tasks).toEqual([
      expect.objectContaining({
        id: made.id,
        name: 'Response due',
        description: `Response due within 21 days after service\n\n${PAGE}`,
        due_at: '2026-07-06',
        priority: 'High',
        statute_of_limitations: true,
        matter: { id: matter.id },
        assignee: { id: ME.id, type: 'User' },
      }),
    ]);
  });

  it('Clio’s refusal names the field', async () => {
    const w = await world();
    const refused = (await w.tasks.deliver(task({ name: 'x'.repeat(256) }), outboxEntry(TASK, task())).catch((x: unknown) => x)) as AppError;
    expect(refused.kind).toBe('validation');
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(['name']);
    expect(w.tasks.mayHaveReached(refused)).toBe(false);
  });

  it('find() locates the task by matter, name, due date and description, never one another entry claimed', async () => {
    const w = await world();
    const before = Date.now();
    const a = (await w.tasks.deliver(task(), outboxEntry(TASK, task()))) as { id: number };
    const b = (await w.tasks.deliver(task(), outboxEntry(TASK, task()))) as { id: number };
    await w.tasks.deliver(task({ dueDate: '2026-07-07' }), outboxEntry(TASK, task()));
    const e = outboxEntry(TASK, task(), { createdAt: before, state: 'uncertain' });
    expect(await w.tasks.find(task(), e, new Set())).toMatchObject({ id: a.id });
    expect(await w.tasks.find(task(), e, new Set([a.id]))).toMatchObject({ id: b.id });
    expect(await w.tasks.find(task(), e, new Set([a.id, b.id]))).toBeNull();
    expect(await w.tasks.find(task({ name: 'Reply due' }), e, new Set())).toBeNull();
    expect(await w.tasks.find(task({ matter: other }), e, new Set())).toBeNull();
    expect(await w.tasks.find(task(), { ...e, createdAt: Date.now() + 120_000 }, new Set())).toBeNull();
  });

  it('a task whose answer was lost is found on the next attempt, not made twice', async () => {
    const w = await world();
    let clock = Date.now();
    const outbox = w.outbox(() => clock);
    await admin.faults({ dropAfter: 1, scope: 'manage' });
    const first = await outbox.add(TASK, task());
    expect(first.state).toBe('uncertain');
    clock += 60_000;
    await outbox.flush();
    const { tasks } = await w.state();
    expect(tasks).toHaveLength(1);
    expect(await outbox.get(first.id)).toMatchObject({ state: 'sent', result: { id: tasks[0]!.id } });
    expect((await w.manageRequests()).filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });
});

describe('calendarEntryCourier', () => {
  it('deliver makes one entry in the calendar, carrying the outbox entry’s id: one request', async () => {
    const w = await world();
    await w.entries.deliver(entryPayload(), outboxEntry(CALENDAR_ENTRY, entryPayload(), { id: 'entry-7' }));
    expect(await w.manageRequests()).toEqual(['POST /calendar_entries.json']);
    expect((await w.state()).calendarEntries).toEqual([
      expect.objectContaining({
        summary: 'Hearing',
        location: 'Courtroom 4B',
        start_at: '2027-01-05T15:00:00.000Z',
        end_at: '2027-01-05T16:00:00.000Z',
        all_day: false,
        calendar_owner: { id: 8001 },
        matter: { id: matter.id },
        external_properties: [{ name: 'clio-companion-entry', value: 'entry-7' }],
      }),
    ]);
  });

  it('find() looks the entry up by the outbox entry’s id only', async () => {
    const w = await world();
    const made = (await w.entries.deliver(entryPayload(), outboxEntry(CALENDAR_ENTRY, entryPayload(), { id: 'entry-7' }))) as { id: string };
    await admin.clearLog();
    expect(await w.entries.find(entryPayload(), outboxEntry(CALENDAR_ENTRY, entryPayload(), { id: 'entry-7' }), new Set())).toMatchObject({ id: made.id });
    expect(await w.entries.find(entryPayload(), outboxEntry(CALENDAR_ENTRY, entryPayload(), { id: 'entry-8' }), new Set())).toBeNull();
    expect(await w.manageRequests()).toHaveLength(2);
  });

  it('an entry whose answer was lost is found by its key on the next attempt, not made twice', async () => {
    const w = await world();
    let clock = Date.now();
    const outbox = w.outbox(() => clock);
    await admin.faults({ dropAfter: 1, scope: 'manage' });
    const first = await outbox.add(CALENDAR_ENTRY, entryPayload());
    expect(first.state).toBe('uncertain');
    clock += 60_000;
    await outbox.flush();
    const { calendarEntries } = await w.state();
    expect(calendarEntries).toHaveLength(1);
    expect(calendarEntries[0]!.external_properties).toEqual([{ name: 'clio-companion-entry', value: first.id }]);
    expect(await outbox.get(first.id)).toMatchObject({ state: 'sent' });
    expect((await w.manageRequests()).filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });
});

describe('DeadlineService', () => {
  const taskInput = (over: Partial<TaskInput> = {}): TaskInput => ({
    type: 'task',
    matter,
    name: 'Response due',
    note: 'Response due within 21 days after service',
    pageUrl: PAGE,
    dueDate: '2026-07-06',
    ...over,
  });
  const entryInput = (over: Partial<CalendarEntryInput> = {}): CalendarEntryInput => ({
    type: 'calendar-entry',
    matter,
    name: 'Hearing',
    note: 'hearing on January 5, 2027 at 10:00 AM',
    pageUrl: PAGE,
    date: '2027-01-05',
    time: '10:00',
    allDay: false,
    ...over,
  });

  async function service() {
    const w = await world();
    const outbox = w.outbox();
    const held: string[] = [];
    const deadlines = new DeadlineService({
      client: w.client,
      outbox,
      setup: () => deadlineSetupCached(w.client),
      me: async () => ME,
      saved: async (k) => void held.push(k),
      remember: async () => undefined,
    });
    return { ...w, outbox, held, deadlines };
  }

  it('checks what the form checked, by Clio’s field names', () => {
    const field = (d: TaskInput | CalendarEntryInput) => Object.keys(deadlineProblem(d)?.fieldErrors ?? {});
    expect(deadlineProblem(taskInput())).toBeNull();
    expect(deadlineProblem(entryInput())).toBeNull();
    expect(deadlineProblem(entryInput({ allDay: true, time: undefined }))).toBeNull();
    expect(field(taskInput({ matter: { id: 0 } as MatterRef }))).toEqual(['matter']);
    expect(field(taskInput({ name: ' ' }))).toEqual(['name']);
    expect(field(entryInput({ name: '' }))).toEqual(['summary']);
    expect(field(taskInput({ dueDate: '2026-02-30' }))).toEqual(['due_at']);
    expect(field(entryInput({ time: undefined }))).toEqual(['start_at']);
    expect(field(entryInput({ endTime: '09:00' }))).toEqual(['end_at']);
    expect([hourAfter('10:00'), hourAfter('23:30')]).toEqual(['11:00', '23:59']);
  });

  it('a task goes to me by default, or to a firm user from the cached list', async () => {
    const s = await service();
    expect(await s.deadlines.save(taskInput(), 'k1')).toMatchObject({ state: 'sent', payload: { assignee: { id: ME.id } } });
    expect(await s.deadlines.save(taskInput({ assigneeId: 1002 }), 'k2')).toMatchObject({
      state: 'sent',
      payload: { assignee: { id: 1002, name: 'Kwame Asante' } },
    });
    const refused = await s.deadlines.save(taskInput({ assigneeId: 4242 }), 'k3').catch((x: unknown) => x);
    expect((refused as AppError).fieldErrors).toHaveProperty('assignee');
    expect((await s.state()).tasks.map((t) => t.assignee.id)).toEqual([ME.id, 1002]);
    expect(s.held).toEqual(['k1', 'k2']);
  });

  it('a calendar entry goes to my own calendar at my zone’s time, an hour long by default; all day takes the whole day', async () => {
    const s = await service();
    await s.deadlines.save(entryInput({ location: 'Courtroom 4B' }), 'k1');
    await s.deadlines.save(entryInput({ allDay: true, time: undefined, date: '2027-01-06' }), 'k2');
    const [timed, allDay] = (await s.state()).calendarEntries;
    expect(timed).toMatchObject({
      calendar_owner: { id: 8001 },
      start_at: '2027-01-05T15:00:00.000Z',
      end_at: '2027-01-05T16:00:00.000Z',
      location: 'Courtroom 4B',
    });
    expect(timed!.description).toBe(`hearing on January 5, 2027 at 10:00 AM\n\n${PAGE}`);
    expect(allDay).toMatchObject({ all_day: true, start_at: '2027-01-06', end_at: '2027-01-06' });
  });

  it('a refused save goes back to the form with its field and leaves nothing in the outbox; the same key twice is one', async () => {
    const s = await service();
    const refused = await s.deadlines.save(entryInput({ name: 'x'.repeat(300) }), 'k1').catch((x: unknown) => x);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors).toHaveProperty('summary');
    expect(await s.outbox.list()).toEqual([]);
    await s.deadlines.save(entryInput(), 'k2');
    await s.deadlines.save(entryInput(), 'k2');
    expect((await s.state()).calendarEntries).toHaveLength(1);
  });

  it('a matter’s next open tasks and calendar entries still to come: 2 requests', async () => {
    const s = await service();
    for (const [name, dueDate] of [
      ['Later', '2027-03-01'],
      ['Sooner', '2026-08-01'],
    ])
      await s.deadlines.save(taskInput({ name, dueDate }));
    await s.deadlines.save(taskInput({ name: 'Elsewhere', matter: other }));
    await s.deadlines.save(entryInput({ name: 'Trial', date: '2027-02-01' }));
    await s.deadlines.save(entryInput({ name: 'Hearing', date: '2027-01-05' }));
    await s.deadlines.save(entryInput({ name: 'Long past', date: '2020-01-05' }));
    await admin.clearLog();
    const found = await s.deadlines.ofMatter(matter.id);
    expect(await s.manageRequests()).toHaveLength(2);
    expect(found.tasks.map((t) => t.name)).toEqual(['Sooner', 'Later']);
    expect(found.calendarEntries.map((e) => e.summary)).toEqual(['Hearing', 'Trial']);
  });
});
