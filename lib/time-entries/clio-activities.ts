/** Time entries (Clio "activities" of type TimeEntry): the requests the extension makes, and the shape of an expense (lib/expenses makes those). */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import { CLOCK_SLACK_MS } from '../outbox/outbox';

export interface ActivityJson {
  id: number;
  etag: string;
  date: string;
  quantity: number;
  rounded_quantity: number;
  note: string | null;
  non_billable: boolean;
  created_at?: string;
  matter: { id: number; display_number: string; description: string } | null;
  activity_description: { id: number; name: string } | null;
}

/** An expense (ExpenseEntry, or a hard or soft cost) as the extension reads it. */
export interface ExpenseJson {
  id: number;
  etag: string;
  date: string;
  price: number;
  quantity: number;
  total: number;
  note: string | null;
  non_billable: boolean;
  created_at?: string;
  matter: { id: number; display_number: string; description: string } | null;
  expense_category: { id: number; name: string } | null;
}

export const ACTIVITY_FIELDS = fields(['id', 'etag', 'date', 'quantity', 'rounded_quantity', 'note', 'non_billable', 'created_at'], {
  matter: ['id', 'display_number', 'description'],
  activity_description: ['id', 'name'],
});

/** Fields of a time entry a 422 may name, to show its message at the right input. */
export const TIME_ENTRY_INPUTS = ['date', 'quantity', 'note', 'matter', 'activity_description', 'non_billable'] as const;

export interface NewTimeEntry {
  matterId: number;
  date: string;
  seconds: number;
  note: string;
  activityDescriptionId: number | null;
  nonBillable: boolean;
  /** The communication this time was spent on (a filed email's linked time entry). */
  communicationId?: number;
}

function timeEntryBody(e: NewTimeEntry, startTimer = false) {
  return {
    data: {
      type: 'TimeEntry',
      date: e.date,
      quantity: e.seconds,
      note: e.note,
      matter: { id: e.matterId },
      non_billable: e.nonBillable,
      ...(e.activityDescriptionId ? { activity_description: { id: e.activityDescriptionId } } : {}),
      ...(e.communicationId ? { communication: { id: e.communicationId } } : {}),
      ...(startTimer ? { start_timer: true } : {}),
    },
  };
}

export async function createTimeEntry(client: ClioClient, e: NewTimeEntry): Promise<ActivityJson> {
  return (await client.post<ActivityJson>('/activities.json', timeEntryBody(e), { fields: ACTIVITY_FIELDS, inputFields: TIME_ENTRY_INPUTS })).data;
}

/** One request: creates the TimeEntry and starts Clio's timer on it. */
export async function startTimerOnNewEntry(client: ClioClient, e: NewTimeEntry): Promise<ActivityJson> {
  return (await client.post<ActivityJson>('/activities.json', timeEntryBody(e, true), { fields: ACTIVITY_FIELDS, inputFields: TIME_ENTRY_INPUTS })).data;
}

/**
 * The time entry an earlier, interrupted send of `e` made, if Clio has one: same matter, date,
 * duration and note, made after the entry was written, and not one another entry already claimed.
 */
export async function findTimeEntry(
  client: ClioClient,
  e: NewTimeEntry,
  createdAfter: number,
  claimed: ReadonlySet<unknown> = new Set(),
): Promise<ActivityJson | null> {
  const found = await client.get<ActivityJson[]>('/activities.json', {
    fields: ACTIVITY_FIELDS,
    query: { type: 'TimeEntry', matter_id: e.matterId, created_since: new Date(createdAfter - CLOCK_SLACK_MS).toISOString(), limit: 200 },
    priority: 'background',
  });
  return found.find((a) => !claimed.has(a.id) && a.quantity === e.seconds && (a.note ?? '') === e.note && a.date === e.date) ?? null;
}

const TODAY_FIELDS = fields(['id', 'etag', 'type', 'date', 'quantity', 'rounded_quantity', 'price', 'total', 'note', 'non_billable', 'created_at'], {
  matter: ['id', 'display_number', 'description'],
  activity_description: ['id', 'name'],
  expense_category: ['id', 'name'],
});

/** A user's activities of one day, time and expenses (every cost type), in one request. */
export async function todaysActivities(client: ClioClient, userId: number, date: string): Promise<{ time: ActivityJson[]; expenses: ExpenseJson[] }> {
  const all = await client.get<Array<(ActivityJson | ExpenseJson) & { type: string }>>('/activities.json', {
    fields: TODAY_FIELDS,
    query: { user_id: userId, start_date: date, end_date: date, order: 'date(desc)', limit: 200 },
  });
  return {
    time: all.filter((a): a is ActivityJson & { type: string } => a.type === 'TimeEntry'),
    expenses: all.filter((a): a is ExpenseJson & { type: string } => a.type !== 'TimeEntry'),
  };
}

/** A user's time entries between two dates (inclusive), only their ids and seconds: the week's total. */
export async function timeBetween(client: ClioClient, userId: number, start: string, end: string): Promise<Array<Pick<ActivityJson, 'id' | 'quantity'>>> {
  const all: Array<Pick<ActivityJson, 'id' | 'quantity'>> = [];
  const query = { type: 'TimeEntry', user_id: userId, start_date: start, end_date: end, limit: 200 };
  for await (const page of client.pages<Pick<ActivityJson, 'id' | 'quantity'>>('/activities.json', { fields: 'id,quantity', query })) all.push(...page);
  return all;
}

/**
 * Changes an activity (time or expense) with PATCH; with `etag`, only if nobody changed it since (If-Match: else a
 * 'conflict' error, Clio's 412). A 422 names the fields of `inputFields` it refused.
 */
export async function patchActivity<T>(
  client: ClioClient,
  id: number,
  etag: string | undefined,
  data: Record<string, unknown>,
  read: { fields: string; inputFields: readonly string[] },
): Promise<T> {
  return (await client.patch<T>(`/activities/${id}.json`, { data }, { ...read, ...(etag ? { ifMatch: etag } : {}) })).data;
}

/** Changes a time entry; with `etag`, only if nobody changed it since (else a 'conflict' error). */
export function updateTimeEntry(client: ClioClient, id: number, etag: string | undefined, change: { seconds?: number; note?: string }): Promise<ActivityJson> {
  const data: Record<string, unknown> = {};
  if (change.seconds !== undefined) data.quantity = change.seconds;
  if (change.note !== undefined) data.note = change.note;
  return patchActivity<ActivityJson>(client, id, etag, data, { fields: ACTIVITY_FIELDS, inputFields: TIME_ENTRY_INPUTS });
}

export async function getTimeEntry(client: ClioClient, id: number): Promise<ActivityJson> {
  return client.get<ActivityJson>(`/activities/${id}.json`, { fields: ACTIVITY_FIELDS });
}

/** The last `limit` time entries on a matter, newest first. */
export function recentTimeEntries(client: ClioClient, matterId: number, limit = 10): Promise<ActivityJson[]> {
  return client.get<ActivityJson[]>('/activities.json', {
    fields: ACTIVITY_FIELDS,
    query: { type: 'TimeEntry', matter_id: matterId, order: 'date(desc)', limit },
  });
}

/** The time entry linked to a communication, if Clio has one (a resend of a filed email's time looks first). */
export async function timeEntryOfCommunication(client: ClioClient, communicationId: number): Promise<ActivityJson | null> {
  const found = await client.get<ActivityJson[]>('/activities.json', {
    fields: ACTIVITY_FIELDS,
    query: { type: 'TimeEntry', communication_id: communicationId, limit: 1 },
    priority: 'background',
  });
  return found[0] ?? null;
}
