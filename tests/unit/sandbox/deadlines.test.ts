/** The sandbox's tasks, calendars and calendar entries: what Clio takes, refuses and lists. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, manageTokens, start } from './helpers';

let sb: Sandbox;
let token: string;
let base: string;
const MATTER = 100_001;
const ME = 1001;

const post = async (path: string, data: Record<string, unknown>, fields = 'id') => {
  const res = await api(`${base}/${path}.json?fields=${encodeURIComponent(fields)}`, token, { method: 'POST', body: { data } });
  return { status: res.status, body: (await res.json()) as { data: Record<string, unknown>; error?: { message: string } } };
};
const get = async (path: string) => {
  const res = await api(`${base}/${path}`, token);
  expect(res.status, path).toBe(200);
  return (await res.json()) as { data: Array<Record<string, unknown>> };
};
const task = (extra: Record<string, unknown> = {}, fields?: string) =>
  post(
    'tasks',
    {
      name: 'Response due',
      description: 'From https://court.example/docket/1',
      assignee: { id: ME, type: 'User' },
      matter: { id: MATTER },
      ...extra,
    },
    fields,
  );
const entry = (extra: Record<string, unknown> = {}, fields?: string) =>
  post(
    'calendar_entries',
    {
      summary: 'Hearing',
      start_at: '2027-01-05T15:00:00Z',
      end_at: '2027-01-05T16:00:00Z',
      calendar_owner: { id: 8001 },
      matter: { id: MATTER },
      ...extra,
    },
    fields,
  );

beforeAll(async () => {
  sb = await start();
  base = `${sb.origin}/api/v4`;
});
beforeEach(async () => {
  await admin(sb.origin, 'POST', 'reset');
  token = (await manageTokens(sb.origin)).access_token;
});
afterAll(() => sb.close());

describe('tasks', () => {
  it('creates a task on a matter, shows it, and the admin state has it', async () => {
    const made = await task({ due_at: '2027-01-05', priority: 'High', statute_of_limitations: true });
    expect(made.status).toBe(201);
    const id = made.body.data.id as number;
    const one = await get(`tasks/${id}.json?fields=name,due_at,priority,statute_of_limitations,status,assignee{id,type,name},matter{id}`);
    expect(one.data).toMatchObject({
      name: 'Response due',
      due_at: '2027-01-05',
      priority: 'High',
      statute_of_limitations: true,
      status: 'pending',
      assignee: { id: ME, type: 'User', name: 'Margaret Whitfield' },
      matter: { id: MATTER },
    });
    const state = (await admin(sb.origin, 'GET', 'state')) as { tasks: unknown[] };
    expect(state.tasks).toEqual([expect.objectContaining({ id, name: 'Response due', due_at: '2027-01-05', matter: { id: MATTER } })]);
  });

  it('takes a date-time as due_at and keeps its date', async () => {
    const made = await task({ due_at: '2027-01-05T00:00:00-05:00' }, 'id,due_at');
    expect(made.body.data.due_at).toBe('2027-01-05');
  });

  it.each([
    [{ name: undefined }, /name is required/],
    [{ description: undefined }, /description is required/],
    [{ assignee: undefined }, /assignee is required/],
    [{ assignee: { id: 999, type: 'User' } }, /Assignee User 999 does not exist/],
    [{ priority: 'Urgent' }, /priority must be one of/],
    [{ due_at: '05/01/2027' }, /due_at must be an ISO-8601 date/],
    [{ matter: { id: 1 } }, /matter 1 does not exist/],
    [{ name: 'x'.repeat(256) }, /Name is too long \(maximum is 255 characters\)/],
  ])('refuses %o with 422', async (extra, message) => {
    const made = await task(extra);
    expect(made.status).toBe(422);
    expect(made.body.error?.message).toMatch(message);
    expect((await get('tasks.json')).data).toHaveLength(0);
  });

  it("lists a matter's open tasks by due date, undated last, and looks one up by name and due date", async () => {
    await task({ name: 'Later', due_at: '2027-03-01' });
    await task({ name: 'Undated' });
    await task({ name: 'Sooner', due_at: '2027-01-05' });
    await task({ name: 'Done', due_at: '2026-01-01', status: 'complete' });
    await task({ name: 'Elsewhere', due_at: '2026-12-01', matter: { id: MATTER + 1 } });
    const open = await get(`tasks.json?matter_id=${MATTER}&complete=false&order=due_at(asc)&limit=5&fields=name`);
    expect(open.data.map((t) => t.name)).toEqual(['Sooner', 'Later', 'Undated']);
    const found = await get(`tasks.json?matter_id=${MATTER}&query=sooner&due_at_from=2027-01-05&due_at_to=2027-01-05&fields=name`);
    expect(found.data.map((t) => t.name)).toEqual(['Sooner']);
  });
});

describe('calendars', () => {
  it("seeds each user a calendar of their own, the firm's shared one, and says which the user may write to", async () => {
    const all = await get('calendars.json?fields=id,name,type,permission');
    expect(all.data).toEqual([
      { id: 8000, name: 'Firm calendar', type: 'AccountCalendar', permission: 'editor' },
      { id: 8001, name: 'Margaret Whitfield', type: 'UserCalendar', permission: 'owner' },
      { id: 8002, name: 'Kwame Asante', type: 'UserCalendar', permission: 'viewer' },
      { id: 8003, name: 'Sofía Reyes', type: 'UserCalendar', permission: 'viewer' },
    ]);
    const mine = await get('calendars.json?owner=true&writeable=true&fields=id');
    expect(mine.data).toEqual([{ id: 8001 }]);
    token = (await manageTokens(sb.origin, '1002')).access_token;
    expect((await get('calendars.json?owner=true&fields=id')).data).toEqual([{ id: 8002 }]);
  });
});

describe('calendar entries', () => {
  it('creates an entry with an idempotency key, shows it in the user’s zone, and finds it by the key', async () => {
    const made = await entry({ location: 'Courtroom 4B', external_properties: [{ name: 'clio-companion-key', value: 'k-1' }] });
    expect(made.status).toBe(201);
    const id = made.body.data.id;
    expect(typeof id).toBe('string');
    const one = await get(`calendar_entries/${id}.json?fields=summary,start_at,start_date,start_time,end_at,all_day,location,calendar_owner{id},matter{id}`);
    expect(one.data).toEqual({
      summary: 'Hearing',
      start_at: '2027-01-05T10:00:00-05:00',
      start_date: '2027-01-05',
      start_time: '10:00:00',
      end_at: '2027-01-05T11:00:00-05:00',
      all_day: false,
      location: 'Courtroom 4B',
      calendar_owner: { id: 8001 },
      matter: { id: MATTER },
    });
    const byKey = await get('calendar_entries.json?external_property_name=clio-companion-key&external_property_value=k-1&fields=id');
    expect(byKey.data).toEqual([{ id }]);
    expect((await get('calendar_entries.json?external_property_name=clio-companion-key&external_property_value=k-2')).data).toEqual([]);
    const state = (await admin(sb.origin, 'GET', 'state')) as { calendarEntries: unknown[] };
    expect(state.calendarEntries).toEqual([
      expect.objectContaining({
        summary: 'Hearing',
        start_at: '2027-01-05T15:00:00.000Z',
        external_properties: [{ name: 'clio-companion-key', value: 'k-1' }],
      }),
    ]);
  });

  it('takes an all-day entry by its dates', async () => {
    const made = await entry({ all_day: true, start_at: '2027-01-05', end_at: '2027-01-05' }, 'id,all_day,start_date,end_date');
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ all_day: true, start_date: '2027-01-05', end_date: '2027-01-05' });
  });

  it.each([
    [{ summary: undefined }, /summary is required/],
    [{ start_at: undefined }, /start_at is required/],
    [{ calendar_owner: undefined }, /calendar_owner must be/],
    [{ calendar_owner: { id: 8002 } }, /Calendar owner Kwame Asante is not a calendar you may write to/],
    [{ calendar_owner: { id: 1 } }, /Calendar owner 1 does not exist/],
    [{ end_at: '2027-01-05T14:00:00Z' }, /End at must be after start at/],
    [{ start_at: '2027-01-05' }, /start_at must be an ISO-8601 timestamp/],
    [{ external_properties: Array.from({ length: 6 }, (_, i) => ({ name: `n${i}`, value: 'v' })) }, /at most 5 external_properties/],
    [{ summary: 'x'.repeat(256) }, /Summary is too long/],
  ])('refuses %o with 422', async (extra, message) => {
    const made = await entry(extra);
    expect(made.status).toBe(422);
    expect(made.body.error?.message).toMatch(message);
  });

  it("lists a matter's entries from a time on", async () => {
    await entry({ summary: 'Past', start_at: '2026-01-05T15:00:00Z', end_at: '2026-01-05T16:00:00Z' });
    await entry({ summary: 'Next' });
    await entry({ summary: 'Other matter', matter: { id: MATTER + 1 } });
    const next = await get(`calendar_entries.json?matter_id=${MATTER}&from=2026-06-01T00:00:00Z&fields=summary`);
    expect(next.data.map((e) => e.summary)).toEqual(['Next']);
  });
});
