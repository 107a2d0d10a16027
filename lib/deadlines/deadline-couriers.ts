/**
 * How deadlines travel from the outbox to Clio, 1 request each. A calendar entry carries the outbox entry's id as an
 * external property and is looked for by it before any resend that may have reached Clio; a task, which has no
 * external properties, is looked for by matter, name, due date and description.
 */
import type { ClioClient } from '../clio/client';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import { createCalendarEntry, findCalendarEntryOfEntry, type NewCalendarEntry } from './clio-calendar-entries';
import { createTask, findTask, type NewTask, type TaskPriority } from './clio-tasks';

export const TASK = 'task';
export const CALENDAR_ENTRY = 'calendar-entry';

/** A task as the user made it; the matter and assignee kept whole so pending ones read well. */
export interface TaskPayload {
  matter: MatterRef;
  name: string;
  /** With the page's address. */
  description: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  assignee: { id: number; name: string };
  priority: TaskPriority;
  statuteOfLimitations: boolean;
}

/** A calendar entry as the user made it (times ISO-8601 with the user's offset, the page's address in its description). */
export interface CalendarEntryPayload extends Omit<NewCalendarEntry, 'matterId' | 'entryId'> {
  matter: MatterRef;
}

const toTask = ({ matter, assignee, ...rest }: TaskPayload): NewTask => ({ ...rest, matterId: matter.id, assigneeId: assignee.id });
const toEntry = ({ matter, ...rest }: CalendarEntryPayload, entryId: string): NewCalendarEntry => ({ ...rest, matterId: matter.id, entryId });

export function taskCourier(client: ClioClient): Courier<TaskPayload> {
  return {
    deliver: (p) => createTask(client, toTask(p)),
    find: (p, entry, claimed) => findTask(client, toTask(p), entry.createdAt, claimed),
    mayHaveReached: createMayHaveReached,
  };
}

export function calendarEntryCourier(client: ClioClient): Courier<CalendarEntryPayload> {
  return {
    deliver: (p, entry) => createCalendarEntry(client, toEntry(p, entry.id)),
    find: (_p, entry) => findCalendarEntryOfEntry(client, entry.id),
    mayHaveReached: createMayHaveReached,
  };
}
