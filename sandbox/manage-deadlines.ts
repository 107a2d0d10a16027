/**
 * Tasks, calendars and calendar entries. Bodies are checked as the spec describes them: a task needs `name`,
 * `description` and `assignee` (a User or a Contact), its `due_at` is a date; a calendar entry needs `summary`,
 * `start_at`, `end_at` and `calendar_owner` (a calendar the user may write to), and carries at most 5
 * `external_properties`, by which it can be listed. Tasks carry none. Names and summaries over 255 characters
 * are refused with 422, as Clio refuses an over-long string column.
 */
import { isRecord, type Reply } from './http-utils';
import { ApiError } from './manage-errors';
import { externalProperties, invalid, matterRef, requiredString } from './manage-checks';
import { commonFilters, dataOf, intParam, list, notFound, queryParam, single, timeParam, type ManageCtx } from './manage-common';
import { type CalendarEntryRecord, permissionOf, type TaskPriority, type TaskRecord, type TaskStatus, writable } from './deadlines-model';
import type { ParticipantRef } from './filing-model';

const PRIORITIES: readonly TaskPriority[] = ['High', 'Normal', 'Low'];
const STATUSES: readonly TaskStatus[] = ['pending', 'in_progress', 'in_review', 'complete', 'draft'];
const MAX_NAME = 255;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function optional<T>(data: Record<string, unknown>, key: string, type: 'string' | 'boolean' | 'number'): T | undefined {
  const v = data[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== type) throw invalid(`${key} must be a ${type}`);
  return v as T;
}

function oneOf<T extends string>(data: Record<string, unknown>, key: string, allowed: readonly T[], fallback: T): T {
  const v = optional<string>(data, key, 'string');
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw invalid(`${key} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function named(data: Record<string, unknown>, key: string, label: string): string {
  const v = requiredString(data, key);
  if (!v.trim()) throw invalid(`Validation failed: ${label} can't be blank`);
  if (v.length > MAX_NAME) throw invalid(`Validation failed: ${label} is too long (maximum is ${MAX_NAME} characters)`);
  return v;
}

/** A date, or the date part of a date-time. */
function dueDate(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' || !DATE.test(raw.slice(0, 10)) || Number.isNaN(Date.parse(raw))) throw invalid('due_at must be an ISO-8601 date');
  return raw.slice(0, 10);
}

function assigneeOf(ctx: ManageCtx, raw: unknown): ParticipantRef {
  if (raw === undefined || raw === null) throw invalid('assignee is required');
  if (!isRecord(raw) || typeof raw.id !== 'number' || !Number.isInteger(raw.id)) throw invalid('assignee must be an object with a numeric id');
  if (raw.type !== 'User' && raw.type !== 'Contact') throw invalid('assignee type must be User or Contact');
  const exists = raw.type === 'User' ? ctx.db.users.some((u) => u.id === raw.id) : ctx.db.contacts.has(raw.id);
  if (!exists) throw invalid(`Validation failed: Assignee ${raw.type} ${raw.id} does not exist`);
  return { id: raw.id, type: raw.type };
}

export function createTask(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  const name = named(data, 'name', 'Name');
  const description = requiredString(data, 'description');
  const assignee = assigneeOf(ctx, data.assignee);
  const statuteOfLimitations = optional<boolean>(data, 'statute_of_limitations', 'boolean') ?? false;
  const dueAt = dueDate(data.due_at);
  const status = oneOf(data, 'status', STATUSES, 'pending');
  const { deadlines } = ctx.state;
  const t: TaskRecord = {
    id: deadlines.nextId.task++,
    name,
    description,
    descriptionTextType: oneOf(data, 'description_text_type', ['plain_text', 'rich_text'] as const, 'plain_text'),
    priority: oneOf(data, 'priority', PRIORITIES, 'Normal'),
    status,
    dueAt,
    permission: oneOf(data, 'permission', ['private', 'public'] as const, 'public'),
    statuteOfLimitations,
    notifyAssignee: optional<boolean>(data, 'notify_assignee', 'boolean') ?? false,
    notifyCompletion: optional<boolean>(data, 'notify_completion', 'boolean') ?? false,
    timeEstimated: optional<number>(data, 'time_estimated', 'number') ?? null,
    completedAt: status === 'complete' ? ctx.now : null,
    matterId: matterRef(ctx, data) ?? null,
    assignee,
    assignerId: ctx.user.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
  deadlines.tasks.set(t.id, t);
  return single(ctx, 'task', t, { status: 201 });
}

export function showTask(ctx: ManageCtx, id: number): Reply {
  const t = ctx.state.deadlines.tasks.get(id);
  if (!t) throw notFound('Task', id);
  return single(ctx, 'task', t);
}

function boolParam(ctx: ManageCtx, name: string): boolean | undefined {
  const raw = ctx.req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw new ApiError(400, `${name} must be true or false`);
  return raw === 'true';
}

function dateParam(ctx: ManageCtx, name: string): string | undefined {
  const raw = ctx.req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!DATE.test(raw.slice(0, 10))) throw new ApiError(400, `${name} must be an ISO-8601 date`);
  return raw.slice(0, 10);
}

/** Tasks without a due date sort after every dated one. */
const byDue = (a: TaskRecord, b: TaskRecord) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');
const PRIORITY_RANK: Record<TaskPriority, number> = { High: 0, Normal: 1, Low: 2 };

export function listTasks(ctx: ManageCtx): Reply {
  const matterId = intParam(ctx, 'matter_id');
  const assigneeId = intParam(ctx, 'assignee_id');
  const assigneeType = ctx.req.query.get('assignee_type');
  if (assigneeId !== undefined && assigneeType !== 'user' && assigneeType !== 'contact') {
    throw new ApiError(400, 'assignee_type (user or contact) must be passed with assignee_id');
  }
  const complete = boolParam(ctx, 'complete');
  const sol = boolParam(ctx, 'statute_of_limitations');
  const duePresent = boolParam(ctx, 'due_at_present');
  const from = dateParam(ctx, 'due_at_from');
  const to = dateParam(ctx, 'due_at_to');
  const priority = ctx.req.query.get('priority');
  const statuses = [...ctx.req.query.getAll('statuses[]'), ...ctx.req.query.getAll('status')];
  for (const s of statuses) if (!(STATUSES as readonly string[]).includes(s)) throw new ApiError(400, `status must be one of ${STATUSES.join(', ')}`);
  const q = queryParam(ctx);
  const items = commonFilters(ctx, ctx.state.deadlines.tasks.values()).filter(
    (t) =>
      (matterId === undefined || t.matterId === matterId) &&
      (assigneeId === undefined || (t.assignee.id === assigneeId && t.assignee.type.toLowerCase() === assigneeType)) &&
      (complete === undefined || (t.status === 'complete') === complete) &&
      (sol === undefined || t.statuteOfLimitations === sol) &&
      (duePresent === undefined || (t.dueAt !== null) === duePresent) &&
      (from === undefined || (t.dueAt !== null && t.dueAt >= from)) &&
      (to === undefined || (t.dueAt !== null && t.dueAt <= to)) &&
      (priority === null || t.priority.toLowerCase() === priority) &&
      (statuses.length === 0 || statuses.includes(t.status)) &&
      (!q || `${t.name}\n${t.description}`.toLowerCase().includes(q)),
  );
  return list(ctx, 'task', items, {
    'id(desc)': (a, b) => b.id - a.id,
    'name(asc)': (a, b) => a.name.localeCompare(b.name),
    'name(desc)': (a, b) => b.name.localeCompare(a.name),
    'due_at(asc)': byDue,
    'due_at(desc)': (a, b) => byDue(b, a),
    'priority(asc)': (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority],
    'priority(desc)': (a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority],
  });
}

export function listCalendars(ctx: ManageCtx): Reply {
  const owner = boolParam(ctx, 'owner');
  const writeable = boolParam(ctx, 'writeable');
  const visible = boolParam(ctx, 'visible');
  const type = ctx.req.query.get('type');
  const me = ctx.user.id;
  const items = commonFilters(ctx, ctx.state.deadlines.calendars.values()).filter(
    (c) =>
      (owner === undefined || (permissionOf(c, me) === 'owner') === owner) &&
      (writeable === undefined || writable(c, me) === writeable) &&
      (visible === undefined || visible) &&
      (type === null || c.type === type),
  );
  return list(ctx, 'calendar', items, {
    'id(desc)': (a, b) => b.id - a.id,
    'name(asc)': (a, b) => a.name.localeCompare(b.name),
    'name(desc)': (a, b) => b.name.localeCompare(a.name),
  });
}

export function showCalendar(ctx: ManageCtx, id: number): Reply {
  const c = ctx.state.deadlines.calendars.get(id);
  if (!c) throw notFound('Calendar', id);
  return single(ctx, 'calendar', c);
}

/** A date-time (or, all day, a date) as Clio takes it; stored as UTC ISO, or the date. */
function when(data: Record<string, unknown>, key: string, allDay: boolean): string {
  const raw = requiredString(data, key);
  const ms = Date.parse(raw);
  if (!DATE.test(raw.slice(0, 10)) || Number.isNaN(ms)) throw invalid(`${key} must be an ISO-8601 timestamp`);
  if (allDay) return raw.slice(0, 10);
  if (DATE.test(raw)) throw invalid(`${key} must be an ISO-8601 timestamp`);
  return new Date(ms).toISOString();
}

export function createCalendarEntry(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  const summary = named(data, 'summary', 'Summary');
  const allDay = optional<boolean>(data, 'all_day', 'boolean') ?? false;
  const startAt = when(data, 'start_at', allDay);
  const endAt = when(data, 'end_at', allDay);
  if (endAt < startAt) throw invalid('Validation failed: End at must be after start at');
  const owner = data.calendar_owner;
  if (!isRecord(owner) || typeof owner.id !== 'number' || !Number.isInteger(owner.id)) throw invalid('calendar_owner must be an object with a numeric id');
  const calendar = ctx.state.deadlines.calendars.get(owner.id);
  if (!calendar) throw invalid(`Validation failed: Calendar owner ${owner.id} does not exist`);
  if (!writable(calendar, ctx.user.id)) throw invalid(`Validation failed: Calendar owner ${calendar.name} is not a calendar you may write to`);
  const { deadlines } = ctx.state;
  const e: CalendarEntryRecord = {
    id: deadlines.nextId.calendarEntry++,
    summary,
    description: optional<string>(data, 'description', 'string') ?? '',
    location: optional<string>(data, 'location', 'string') ?? '',
    startAt,
    endAt,
    allDay,
    calendarId: calendar.id,
    matterId: matterRef(ctx, data) ?? null,
    creatorId: ctx.user.id,
    externalProperties: externalProperties(ctx, data.external_properties, 'calendar entry'),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
  deadlines.calendarEntries.set(e.id, e);
  return single(ctx, 'calendar_entry', e, { status: 201 });
}

export function showCalendarEntry(ctx: ManageCtx, id: number): Reply {
  const e = ctx.state.deadlines.calendarEntries.get(id);
  if (!e) throw notFound('CalendarEntry', id);
  return single(ctx, 'calendar_entry', e);
}

/** The instant an entry starts or ends (an all-day entry: the whole of its days, in UTC). */
const startMs = (e: CalendarEntryRecord) => Date.parse(e.allDay ? `${e.startAt}T00:00:00Z` : e.startAt);
const endMs = (e: CalendarEntryRecord) => Date.parse(e.allDay ? `${e.endAt}T23:59:59Z` : e.endAt);

export function listCalendarEntries(ctx: ManageCtx): Reply {
  const matterId = intParam(ctx, 'matter_id');
  const calendarId = intParam(ctx, 'calendar_id');
  const from = timeParam(ctx, 'from');
  const to = timeParam(ctx, 'to');
  const allDay = boolParam(ctx, 'is_all_day');
  const q = queryParam(ctx);
  const propName = ctx.req.query.get('external_property_name');
  const propValue = ctx.req.query.get('external_property_value');
  if (propValue !== null && propName === null) throw new ApiError(400, 'external_property_value requires external_property_name');
  const items = commonFilters(ctx, ctx.state.deadlines.calendarEntries.values()).filter(
    (e) =>
      (matterId === undefined || e.matterId === matterId) &&
      (calendarId === undefined || e.calendarId === calendarId) &&
      (from === undefined || endMs(e) >= from) &&
      (to === undefined || startMs(e) <= to) &&
      (allDay === undefined || e.allDay === allDay) &&
      (!q || `${e.summary}\n${e.description}\n${e.location}`.toLowerCase().includes(q)) &&
      (propName === null || e.externalProperties.some((p) => p.name === propName && (propValue === null || p.value === propValue))),
  );
  return list(ctx, 'calendar_entry', items, {});
}
