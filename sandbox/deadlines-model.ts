/**
 * What the sandbox keeps of tasks, calendars and calendar entries. Every user has a calendar of their own
 * (UserCalendar, which only they may write to) and the firm shares one (AccountCalendar, writable by all);
 * tasks and calendar entries are what the API created since the last reset.
 */
import type { ExternalProperty, ParticipantRef } from './filing-model';
import type { User } from './model';

export type TaskPriority = 'High' | 'Normal' | 'Low';
export type TaskStatus = 'pending' | 'in_progress' | 'in_review' | 'complete' | 'draft';

export interface TaskRecord {
  id: number;
  name: string;
  description: string;
  descriptionTextType: 'plain_text' | 'rich_text';
  priority: TaskPriority;
  status: TaskStatus;
  /** YYYY-MM-DD, or null for a task without a due date. */
  dueAt: string | null;
  permission: 'private' | 'public';
  statuteOfLimitations: boolean;
  notifyAssignee: boolean;
  notifyCompletion: boolean;
  timeEstimated: number | null;
  completedAt: number | null;
  matterId: number | null;
  assignee: ParticipantRef;
  assignerId: number;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface CalendarRecord {
  id: number;
  name: string;
  type: 'UserCalendar' | 'AccountCalendar';
  /** The user a UserCalendar belongs to; null for the firm's calendar. */
  ownerId: number | null;
  color: string;
  lightColor: string;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface CalendarEntryRecord {
  id: number;
  summary: string;
  description: string;
  location: string;
  /** ISO-8601 date-time (UTC), or for an all-day entry its first day (YYYY-MM-DD). */
  startAt: string;
  /** ISO-8601 date-time (UTC), or for an all-day entry its last day (YYYY-MM-DD). */
  endAt: string;
  allDay: boolean;
  calendarId: number;
  matterId: number | null;
  creatorId: number;
  externalProperties: ExternalProperty[];
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface DeadlinesDb {
  tasks: Map<number, TaskRecord>;
  calendars: Map<number, CalendarRecord>;
  calendarEntries: Map<number, CalendarEntryRecord>;
  nextId: { task: number; calendarEntry: number };
}

/** The firm's shared calendar; users' own calendars are 8000 + their position. */
export const FIRM_CALENDAR_ID = 8000;

const COLORS: Array<[string, string]> = [
  ['#367B9C', '#5DA5C7'],
  ['#FFA5A4', '#F95957'],
  ['#83D17F', '#209412'],
  ['#FFAC7B', '#FF7715'],
];

export function emptyDeadlines(users: readonly User[], now = Date.now()): DeadlinesDb {
  const calendars = new Map<number, CalendarRecord>();
  const [firmColor, firmLight] = COLORS[0]!;
  calendars.set(FIRM_CALENDAR_ID, {
    id: FIRM_CALENDAR_ID,
    name: 'Firm calendar',
    type: 'AccountCalendar',
    ownerId: null,
    color: firmColor,
    lightColor: firmLight,
    createdAt: now,
    updatedAt: now,
    rev: 0,
  });
  users.forEach((u, i) => {
    const [color, lightColor] = COLORS[(i + 1) % COLORS.length]!;
    const id = FIRM_CALENDAR_ID + 1 + i;
    calendars.set(id, {
      id,
      name: `${u.firstName} ${u.lastName}`,
      type: 'UserCalendar',
      ownerId: u.id,
      color,
      lightColor,
      createdAt: now,
      updatedAt: now,
      rev: 0,
    });
  });
  return { tasks: new Map(), calendars, calendarEntries: new Map(), nextId: { task: 20_001, calendarEntry: 30_001 } };
}

/** What the user may do with a calendar: their own is theirs, the firm's they edit, a colleague's they only see. */
export function permissionOf(c: CalendarRecord, userId: number): 'owner' | 'editor' | 'viewer' {
  if (c.type === 'AccountCalendar') return 'editor';
  return c.ownerId === userId ? 'owner' : 'viewer';
}

export const writable = (c: CalendarRecord, userId: number): boolean => permissionOf(c, userId) !== 'viewer';
