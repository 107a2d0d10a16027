/**
 * The dates the "Add deadline" dialog offers from a selection: every date read (date-reading.ts), a numeric date whose
 * day and month could be swapped offered both ways, each with what may make it not the date meant. One is chosen for
 * the person only when nothing is in doubt: a single plain reading (or the date a docket states beside a span). An
 * ambiguous order or a weekday that is not the date's leaves the choice to the person. Pure.
 */
import { phrase, type Phrase } from '../phrase';
import { bestReading, type DeadlineReading, type ReadOptions, readDeadline } from './date-reading';

export interface DateChoice {
  /** Stays the same when the base date changes (spans are read again from the same words). */
  key: string;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM, when the words give a time. */
  time?: string;
  /** The words it was read from. */
  words: string;
  /** Counted from the base date. */
  relative: boolean;
  /** Why it may not be the date meant. */
  caution?: Phrase;
}

export interface DateChoices {
  choices: DateChoice[];
  /** The key of the choice taken for the person; null when the person must choose (or there is nothing to choose). */
  chosen: string | null;
}

const weekdayName = (weekday: number, locale: string | undefined) =>
  // 3 January 2027 is a Sunday: weekday 0.
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2027, 0, 3 + weekday));

function cautionOf(r: DeadlineReading, locale: string | undefined): Phrase | undefined {
  switch (r.ambiguous?.why) {
    case 'day-month-order':
      return phrase('deadlineDayMonthOrder');
    case 'weekday-mismatch':
      return phrase('deadlineWeekdayMismatch', weekdayName(r.ambiguous.weekday, locale));
    case 'year-assumed':
      return phrase('deadlineYearAssumed');
    case 'business-days':
      return phrase('deadlineBusinessDays');
    default:
      return r.relative ? phrase('deadlineCountedFrom') : undefined;
  }
}

/** The dates in `text` as choices, and the one taken when nothing is in doubt. */
export function dateChoices(text: string, options: ReadOptions): DateChoices {
  const readings = readDeadline(text, options);
  const choices: DateChoice[] = [];
  for (const r of readings) {
    const caution = cautionOf(r, options.locale);
    const choice: DateChoice = {
      key: String(r.index),
      date: r.date,
      ...(r.time ? { time: r.time } : {}),
      words: r.phrase,
      relative: r.relative,
      ...(caution ? { caution } : {}),
    };
    choices.push(choice);
    if (r.ambiguous?.why === 'day-month-order') choices.push({ ...choice, key: `${r.index}:other`, date: r.ambiguous.otherDate });
  }
  const best = bestReading(readings);
  const inDoubt = !best || best.ambiguous?.why === 'day-month-order' || best.ambiguous?.why === 'weekday-mismatch';
  // Several dates stated (not a span beside its date): which one is the deadline is the person's call.
  const stated = readings.filter((r) => !r.relative);
  const several = stated.length > 1 && new Set(stated.map((r) => r.date)).size > 1;
  return { choices, chosen: inDoubt || several ? null : String(best.index) };
}
