/**
 * Deadlines as the dialog makes them: checked, turned into a task or a calendar entry on the matter (the page's
 * address in its description), and written to the outbox (sent exactly once, as their owner). A matter's next open
 * tasks and calendar entries for the side panel's "Deadlines" section (2 requests, when it is opened).
 */
import type { ClioClient } from '../clio/client';
import { isoDateTimeIn } from '../dates';
import { type AppError, appError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import type { Outbox } from '../outbox/outbox';
import type { OutboxEntry } from '../outbox/outbox-machine';
import { saveFromForm } from '../outbox/save-from-form';
import { isCalendarDate } from '../time-entries/time-entry-service';
import { type CalendarEntryJson, nextCalendarEntries } from './clio-calendar-entries';
import { openTasks, type TaskJson, type TaskPriority } from './clio-tasks';
import { CALENDAR_ENTRY, type CalendarEntryPayload, TASK, type TaskPayload } from './deadline-couriers';
import type { DeadlineSetup } from './deadline-setup';

interface DeadlineCommon {
  matter: MatterRef;
  name: string;
  /** What the person wrote (the selection, say); the page's address is added after it. */
  note: string;
  pageUrl?: string;
}

export interface TaskInput extends DeadlineCommon {
  type: 'task';
  /** YYYY-MM-DD. */
  dueDate: string;
  /** A firm user; the signed-in user when absent. */
  assigneeId?: number;
  priority?: TaskPriority;
  statuteOfLimitations?: boolean;
}

export interface CalendarEntryInput extends DeadlineCommon {
  type: 'calendar-entry';
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM; required unless all day. */
  time?: string;
  /** HH:MM; an hour after the start when absent. */
  endTime?: string;
  allDay: boolean;
  location?: string;
}

export type DeadlineInput = TaskInput | CalendarEntryInput;

export interface MatterDeadlines {
  tasks: TaskJson[];
  calendarEntries: CalendarEntryJson[];
}

export interface DeadlineServiceDeps {
  client: ClioClient;
  outbox: Outbox;
  setup: () => Promise<DeadlineSetup>;
  /** The signed-in user, with their Clio time zone (a calendar entry's times are theirs). */
  me: () => Promise<{ id: number; name: string; timeZone?: string } | null>;
  /** Called once the outbox holds a save made under `key`. */
  saved: (key: string) => Promise<void>;
  remember: (m: MatterRef) => Promise<void>;
  now?: () => number;
}

/** How many of each a matter's "Deadlines" section lists. */
export const NEXT_DEADLINES = 5;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const at = (field: string, message: string): AppError => appError('validation', message, { fieldErrors: { [field]: message } });

/** The description Clio gets: what the person wrote, then the page's address. */
export const describedWithPage = (note: string, pageUrl?: string): string => [note.trim(), pageUrl ?? ''].filter(Boolean).join('\n\n');

/** An hour after `time`, or 23:59 when that is the next day. */
export function hourAfter(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return h! >= 23 ? '23:59' : `${String(h! + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Why a deadline cannot be saved, by field (Clio's names); null when it can. */
export function deadlineProblem(d: DeadlineInput): AppError | null {
  const nameField = d.type === 'task' ? 'name' : 'summary';
  if (!d.matter?.id) return at('matter', t('chooseMatter'));
  if (!d.name?.trim()) return at(nameField, t('deadlineNameNeeded'));
  if (d.type === 'task') return isCalendarDate(d.dueDate) ? null : at('due_at', t('enterRealDate'));
  if (!isCalendarDate(d.date)) return at('start_at', t('enterRealDate'));
  if (d.allDay) return null;
  if (!d.time || !TIME.test(d.time)) return at('start_at', t('deadlineEnterTime'));
  if (d.endTime !== undefined && d.endTime !== '' && (!TIME.test(d.endTime) || d.endTime <= d.time)) return at('end_at', t('deadlineEndAfterStart'));
  return null;
}

export class DeadlineService {
  constructor(private readonly deps: DeadlineServiceDeps) {}

  /** Writes the task or calendar entry to the outbox and tries to send it at once; the same `key` twice is one. */
  async save(input: DeadlineInput, key?: string): Promise<OutboxEntry> {
    const problem = deadlineProblem(input);
    if (problem) throw problem;
    const me = await this.deps.me();
    if (!me) throw appError('signed-out', t('sessionEnded'));
    const saved =
      input.type === 'task'
        ? await saveFromForm(this.deps.outbox, TASK, await this.task(input, me), key, this.deps.saved)
        : await saveFromForm(this.deps.outbox, CALENDAR_ENTRY, await this.calendarEntry(input, me.timeZone), key, this.deps.saved);
    await this.deps.remember(input.matter);
    return saved;
  }

  private async task(d: TaskInput, me: { id: number; name: string }): Promise<TaskPayload> {
    const { users } = d.assigneeId === undefined || d.assigneeId === me.id ? { users: [] } : await this.deps.setup();
    const assignee = d.assigneeId === undefined || d.assigneeId === me.id ? me : users.find((u) => u.id === d.assigneeId);
    if (!assignee) throw at('assignee', t('deadlineAssigneeUnknown'));
    return {
      matter: d.matter,
      name: d.name.trim(),
      description: describedWithPage(d.note, d.pageUrl),
      dueDate: d.dueDate,
      assignee: { id: assignee.id, name: assignee.name },
      priority: d.priority ?? 'Normal',
      statuteOfLimitations: d.statuteOfLimitations ?? false,
    };
  }

  private async calendarEntry(d: CalendarEntryInput, zone: string | undefined): Promise<CalendarEntryPayload> {
    const { calendar } = await this.deps.setup();
    if (!calendar) throw at('calendar_owner', t('deadlineNoCalendar'));
    const [start, end] = d.allDay ? ['00:00', '23:59'] : [d.time!, d.endTime || hourAfter(d.time!)];
    return {
      matter: d.matter,
      calendarId: calendar.id,
      summary: d.name.trim(),
      description: describedWithPage(d.note, d.pageUrl),
      location: d.location?.trim() ?? '',
      startAt: isoDateTimeIn(d.date, start, zone),
      endAt: isoDateTimeIn(d.date, end, zone),
      allDay: d.allDay,
    };
  }

  /** A matter's next open tasks and its calendar entries still to come (2 requests). */
  async ofMatter(matterId: number): Promise<MatterDeadlines> {
    const from = new Date((this.deps.now ?? Date.now)()).toISOString();
    const [tasks, calendarEntries] = await Promise.all([
      openTasks(this.deps.client, matterId, NEXT_DEADLINES),
      nextCalendarEntries(this.deps.client, matterId, from, NEXT_DEADLINES),
    ]);
    return { tasks, calendarEntries };
  }
}
