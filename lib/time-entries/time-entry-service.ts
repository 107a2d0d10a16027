/**
 * Time entries as the popup and the side panel make them: checked, written to the outbox (sent
 * exactly once), listed for today and edited in place.
 */
import type { ClioClient } from '../clio/client';
import { AppError, appError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import type { OutboxEntry } from '../outbox/outbox-machine';
import type { Outbox } from '../outbox/outbox';
import { saveFromForm } from '../outbox/save-from-form';
import { type ActivityJson, type ExpenseJson, timeBetween, todaysActivities, updateTimeEntry } from './clio-activities';
import { MAX_NOTE_CHARS } from './limits';
import { TIME_ENTRY, type TimeEntryPayload } from './time-entry-courier';
import { earlierThisWeek, type Weekday } from './week';

export interface SplitRequest {
  entry: Pick<ActivityJson, 'id' | 'etag' | 'quantity' | 'date' | 'note' | 'non_billable' | 'activity_description'>;
  /** What stays on the entry's matter; the rest goes to `matter`. */
  keepSeconds: number;
  matter: MatterRef;
}

/** The longest entry the extension writes: a day. */
export const MAX_ENTRY_SECONDS = 24 * 3600;

export interface TimeEntryServiceDeps {
  client: ClioClient;
  outbox: Outbox;
  /** The signed-in user's id, or null. */
  userId: () => Promise<number | null>;
  /** Today's date in the user's Clio time zone. */
  today: () => Promise<string>;
  /** The first day of the user's week (the browser's locale). */
  firstDay: () => Weekday;
  /** Called once the outbox holds a save made under `key`: no draft may offer it again. */
  saved: (key: string) => Promise<void>;
  remember: (m: MatterRef) => Promise<void>;
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). Pure. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * Why an entry cannot be saved, by field; null when it can. The background checks again what the form
 * checked: a message may come from any of the extension's pages, in any state.
 */
export function timeEntryProblem(entry: Pick<TimeEntryPayload, 'matter' | 'seconds' | 'date'> & { note?: string }): AppError | null {
  if (!entry.matter?.id) return appError('validation', t('chooseMatter'), { fieldErrors: { matter: t('chooseMatter') } });
  if (!isCalendarDate(entry.date)) return appError('validation', t('enterDate'), { fieldErrors: { date: t('enterRealDate') } });
  if ((entry.note ?? '').length > MAX_NOTE_CHARS) return appError('validation', t('noteTooLong'), { fieldErrors: { note: t('noteTooLong') } });
  if (!(entry.seconds > 0 && entry.seconds <= MAX_ENTRY_SECONDS))
    return appError('validation', t('enterDuration'), { fieldErrors: { quantity: t('durationRange') } });
  return null;
}

export class TimeEntryService {
  constructor(private readonly deps: TimeEntryServiceDeps) {}

  /** Writes the entry to the outbox and tries to send it at once; the same `key` twice is one entry. */
  async save(entry: TimeEntryPayload, key?: string): Promise<OutboxEntry> {
    const problem = timeEntryProblem(entry);
    if (problem) throw problem;
    const saved = await saveFromForm(this.deps.outbox, TIME_ENTRY, entry, key, this.deps.saved);
    await this.deps.remember(entry.matter);
    return saved;
  }

  /** Today's time entries, and beside them today's expenses (one request for both). */
  async today(): Promise<{ date: string; entries: ActivityJson[]; expenses: ExpenseJson[] }> {
    const userId = await this.deps.userId();
    if (userId === null) throw appError('signed-out', t('signInForToday'));
    const date = await this.deps.today();
    const { time, expenses } = await todaysActivities(this.deps.client, userId, date);
    return { date, entries: time, expenses };
  }

  /**
   * "Split": the entry keeps `keepSeconds` (changed only if nobody changed it since its etag, else a 'conflict'
   * error), and the rest becomes a new entry on `matter`, the same day, description and activity: both through one
   * outbox entry. Two requests.
   */
  async split({ entry, keepSeconds, matter }: SplitRequest): Promise<OutboxEntry> {
    if (!(keepSeconds > 0 && keepSeconds < entry.quantity)) throw appError('bad-request', t('splitOutside'));
    const rest: TimeEntryPayload = {
      matter,
      date: entry.date,
      seconds: entry.quantity - keepSeconds,
      note: entry.note ?? '',
      activityDescriptionId: entry.activity_description?.id ?? null,
      nonBillable: entry.non_billable,
      splitFrom: { id: entry.id, etag: entry.etag, keepSeconds },
    };
    // One outbox entry does both (the entry keeps its part, then the rest is created): a worker killed between them
    // loses no time and counts none twice.
    const saved = await this.deps.outbox.add(TIME_ENTRY, rest, `split-${entry.id}-${entry.etag}`);
    if (saved.state === 'failed' && saved.lastError?.kind === 'conflict') {
      // Changed in Clio since it was shown: nothing was split; say so at once, as an edit does.
      await this.deps.outbox.discard(saved.id);
      throw new AppError(saved.lastError);
    }
    await this.deps.remember(matter);
    return saved;
  }

  /**
   * The time entries of this week before today (today's come with `today`), ids and seconds only: one request, none on
   * the week's first day.
   */
  async earlierThisWeek(): Promise<{ start: string; entries: Array<Pick<ActivityJson, 'id' | 'quantity'>> }> {
    const userId = await this.deps.userId();
    if (userId === null) throw appError('signed-out', t('signInForToday'));
    const today = await this.deps.today();
    const days = earlierThisWeek(today, this.deps.firstDay());
    return { start: days?.start ?? today, entries: days ? await timeBetween(this.deps.client, userId, days.start, days.end) : [] };
  }

  /** Changes an entry only if nobody changed it since `etag` (else a 'conflict' error). */
  update(id: number, etag: string, change: { seconds?: number; note?: string }): Promise<ActivityJson> {
    return updateTimeEntry(this.deps.client, id, etag, change);
  }
}
