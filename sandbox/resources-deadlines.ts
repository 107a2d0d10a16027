/**
 * How tasks, calendars and calendar entries look on the wire. A calendar entry's times are shown in the asking
 * user's time zone with its offset ("2027-01-05T10:00:00-05:00"), as Clio shows them; its id is a string, as the
 * spec has it (recurring entries' occurrences have composite ids in Clio).
 */
import { type CalendarEntryRecord, type CalendarRecord, permissionOf, type TaskRecord } from './deadlines-model';
import { etagOf } from './etag';
import { isoTime } from './model';
import { participant } from './resources-filing';
import type { Kind, RenderCtx } from './resources';

const stamps = {
  created_at: (r: { createdAt: number }) => isoTime(r.createdAt),
  updated_at: (r: { updatedAt: number }) => isoTime(r.updatedAt),
};

const zoneOf = (ctx: RenderCtx) => ctx.db.users.find((u) => u.id === ctx.userId)?.timeZone ?? 'UTC';

/** Local date, time and ISO date-time with offset of an instant in a zone. */
function local(ms: number, timeZone: string): { date: string; time: string; iso: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}:${get('second')}`;
  const offset = Math.round((Date.parse(`${date}T${time}Z`) - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { date, time, iso: `${date}T${time}${zone}` };
}

function edge(e: CalendarEntryRecord, which: 'start' | 'end', ctx: RenderCtx): { date: string; time: string; iso: string } {
  const raw = which === 'start' ? e.startAt : e.endAt;
  if (e.allDay) return { date: raw, time: '00:00:00', iso: `${raw}T00:00:00Z` };
  return local(Date.parse(raw), zoneOf(ctx));
}

const task: Kind<TaskRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (t) => t.id,
    etag: (t) => etagOf('task', t.id, t.rev, t.updatedAt),
    name: (t) => t.name,
    status: (t) => t.status,
    description: (t) => t.description,
    description_text_type: (t) => t.descriptionTextType,
    priority: (t) => t.priority,
    due_at: (t) => t.dueAt,
    permission: (t) => t.permission,
    completed_at: (t) => (t.completedAt === null ? null : isoTime(t.completedAt)),
    notify_completion: (t) => t.notifyCompletion,
    statute_of_limitations: (t) => t.statuteOfLimitations,
    time_estimated: (t) => t.timeEstimated,
    time_entries_count: () => 0,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (t, { db }) => (t.matterId === null ? null : (db.matters.get(t.matterId) ?? null)) },
    assignee: { kind: 'participant', get: (t, { db }) => participant(db, t.assignee) },
    assigner: { kind: 'user', get: (t, { db }) => db.users.find((u) => u.id === t.assignerId) ?? null },
  },
};

const calendar: Kind<CalendarRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (c) => c.id,
    etag: (c) => etagOf('calendar', c.id, c.rev, c.updatedAt),
    color: (c) => c.color,
    light_color: (c) => c.lightColor,
    court_rules_default_calendar: () => false,
    name: (c) => c.name,
    permission: (c, ctx) => permissionOf(c, ctx.userId ?? 0),
    type: (c) => c.type,
    visible: () => true,
    source: () => 'web',
    ...stamps,
  },
  associations: {
    creator: { kind: 'user', get: (c, { db }) => db.users.find((u) => u.id === (c.ownerId ?? db.users[0]?.id)) ?? null },
  },
};

const calendarEntry: Kind<CalendarEntryRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (e) => String(e.id),
    etag: (e) => etagOf('calendar_entry', e.id, e.rev, e.updatedAt),
    summary: (e) => e.summary,
    description: (e) => e.description,
    location: (e) => e.location,
    start_at: (e, ctx) => edge(e, 'start', ctx).iso,
    start_date: (e, ctx) => edge(e, 'start', ctx).date,
    start_time: (e, ctx) => edge(e, 'start', ctx).time,
    end_at: (e, ctx) => edge(e, 'end', ctx).iso,
    end_date: (e, ctx) => edge(e, 'end', ctx).date,
    end_time: (e, ctx) => edge(e, 'end', ctx).time,
    all_day: (e) => e.allDay,
    recurrence_rule: () => null,
    parent_calendar_entry_id: () => null,
    court_rule: () => false,
    permission: (e, ctx) => {
      const c = ctx.deadlines?.calendars.get(e.calendarId);
      return c ? permissionOf(c, ctx.userId ?? 0) : 'viewer';
    },
    calendar_owner_id: (e) => e.calendarId,
    start_at_time_zone: (e, ctx) => (e.allDay ? null : zoneOf(ctx)),
    time_entries_count: () => 0,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (e, { db }) => (e.matterId === null ? null : (db.matters.get(e.matterId) ?? null)) },
    calendar_owner: { kind: 'calendar', get: (e, { deadlines }) => deadlines?.calendars.get(e.calendarId) ?? null },
    external_properties: { kind: 'external_property', get: (e) => e.externalProperties },
  },
};

export const DEADLINE_KINDS = { task, calendar, calendar_entry: calendarEntry };
