/**
 * Reading a deadline's date from the words a person selected on a page ("Response due within 21 days after service",
 * "hearing on January 5, 2027 at 10:00 AM"). Absolute dates and times are read by chrono-node's English parsers (US
 * or day-first order by the user's locale); spans counted from a base date ("within thirty (30) days", "14 days after
 * service", "10 business days") are read here, because chrono misses the legal forms. Nothing is guessed silently:
 * a reading that could be another date says why (`ambiguous`). Pure: no browser API; English text only.
 */
import { casual as usParser, GB as dayFirstParser } from 'chrono-node/en';
import { wallClockIn } from '../dates';

export type SpanUnit = 'day' | 'week' | 'month' | 'year';

/** A span counted from the base date ("within 21 days", "14 days after service"). */
export interface RelativeSpan {
  amount: number;
  unit: SpanUnit;
  /** 1 after the base date, -1 before it ("7 days before the hearing"). */
  direction: 1 | -1;
  /** Business, court or working days: weekends skipped (holidays are not known). */
  businessDays: boolean;
  /** What the span is counted from, as the text says it ("service", "entry of judgment"), when it says. */
  from?: string;
}

export type Ambiguity =
  /** A numeric date whose day and month could be swapped: read by the locale, `otherDate` is the other reading. */
  | { why: 'day-month-order'; otherDate: string }
  /** The text names a weekday that the date is not. */
  | { why: 'weekday-mismatch'; weekday: number }
  /** No year in the text: the next such date on or after the base date. */
  | { why: 'year-assumed' }
  /** Business days skip weekends only: a court holiday would move the date. */
  | { why: 'business-days' };

export interface DeadlineReading {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM (24-hour), when the text gives a time. */
  time?: string;
  /** The words it was read from. */
  phrase: string;
  /** Where those words start in the text. */
  index: number;
  /** Counted from the base date: changing the base date changes the date. */
  relative: boolean;
  span?: RelativeSpan;
  ambiguous?: Ambiguity;
}

export interface ReadOptions {
  /** YYYY-MM-DD: what relative spans count from (service date; default today, the caller's). */
  base: string;
  /** The user's locale: decides whether 01/05/2027 is 5 January (en-US) or 1 May (en-GB, fr). */
  locale?: string;
  /** The user's IANA time zone: a time the text gives in another zone ("9:30 a.m. EST") is said in this one. */
  timeZone?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function partsOf(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

const utc = (date: string) => {
  const [y, m, d] = partsOf(date);
  return new Date(Date.UTC(y, m - 1, d));
};
const isoOf = (t: Date) => iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());

/** Whether the day is a real calendar day (no 31 April). */
function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The date `span` away from `base` (months and years keep the day, clamped to the month's end). */
export function addSpan(base: string, span: Pick<RelativeSpan, 'amount' | 'unit' | 'direction' | 'businessDays'>): string {
  const t = utc(base);
  const n = span.amount * span.direction;
  if (span.unit === 'day' && span.businessDays) {
    let left = span.amount;
    while (left > 0) {
      t.setUTCDate(t.getUTCDate() + span.direction);
      const day = t.getUTCDay();
      if (day !== 0 && day !== 6) left--;
    }
    return isoOf(t);
  }
  if (span.unit === 'day' || span.unit === 'week') {
    t.setUTCDate(t.getUTCDate() + (span.unit === 'week' ? 7 * n : n));
    return isoOf(t);
  }
  const [y, m, d] = partsOf(base);
  const months = (span.unit === 'year' ? 12 * n : n) + (m - 1);
  const year = y + Math.floor(months / 12);
  const month = (((months % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, last));
}

/** Whether the locale writes the day before the month in numeric dates (en-GB, fr, de: yes; en-US, en-CA: no). */
export function dayFirst(locale: string | undefined): boolean {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).formatToParts(Date.UTC(2027, 0, 5));
    const types = parts.map((p) => p.type);
    return types.indexOf('day') < types.indexOf('month');
  } catch {
    return false;
  }
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen'];
const TEENS = ['fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "twenty-one" → 21, "a" → 1, "14" → 14; null when it is no number. */
function numberOf(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  if (UNITS.includes(w)) return UNITS.indexOf(w);
  if (TEENS.includes(w)) return 14 + TEENS.indexOf(w);
  const [tens, unit] = w.split('-');
  const t = TENS.indexOf(tens!);
  if (t < 0) return null;
  if (unit === undefined) return 20 + 10 * t;
  const u = UNITS.indexOf(unit);
  return u >= 1 && u <= 9 ? 20 + 10 * t + u : null;
}

const NUMBER_WORD = '[a-z]+(?:-[a-z]+)?';
/**
 * A span: an optional lead ("within", "no later than"), a number (digits, words, or both: "thirty (30)"), a unit,
 * and an optional connective ("after", "of", "from", "before") with what it counts from. A lead or a connective is
 * required, so "a 30 day period" is no deadline.
 */
const SPAN = new RegExp(
  '\\b(?:(within|no later than|not later than|no more than|not more than|at least|not less than|by|in)\\s+)?' +
    `(?:(${NUMBER_WORD})\\s*\\((\\d{1,3})\\)|(\\d{1,3})|(${NUMBER_WORD}))` +
    '\\s+(?:(calendar|business|court|working|judicial)\\s+)?(day|week|month|year)s?\\b' +
    "(?:\\s*(?:'s|’s))?" +
    "(?:\\s+(after|from|of|following|before|prior to|since)\\b(?:\\s+((?:the\\s+)?[\\w’'-]+(?:\\s+[\\w’'-]+){0,5}))?)?",
  'gi',
);

/** Words that end what a span counts from: the sentence goes on after them. */
const FROM_STOP = /\s+(?:to|in|and|or|but|which|unless|pursuant|under|for|with|by|at|on|is|are|shall|must|will|i\.e\.)\b.*$/i;

function readSpans(text: string): DeadlineReading[] {
  const found: DeadlineReading[] = [];
  for (const m of text.matchAll(SPAN)) {
    const [whole, lead, wordBeforeDigits, digitsInBrackets, digits, word, kind, unit, connective, from] = m;
    const amount = numberOf(digitsInBrackets ?? digits ?? word ?? '');
    if (amount === null || amount === 0 || amount > 999) continue;
    if (wordBeforeDigits && numberOf(wordBeforeDigits) === null) continue;
    if (!lead && !connective) continue;
    if (word && !connective && !/^(within|no later than|not later than|in)$/i.test(lead ?? '')) continue;
    const businessDays = !!kind && kind.toLowerCase() !== 'calendar' && unit!.toLowerCase() === 'day';
    const span: RelativeSpan = {
      amount,
      unit: unit!.toLowerCase() as SpanUnit,
      direction: /^(before|prior to)$/i.test(connective ?? '') ? -1 : 1,
      businessDays,
    };
    const said = from
      ?.replace(FROM_STOP, '')
      .replace(/[.,;:)]+$/, '')
      .trim();
    if (said) span.from = said;
    const phrase = said ? whole.slice(0, whole.indexOf(from!) + said.length) : whole.replace(/\s+$/, '');
    found.push({ date: '', phrase, index: m.index, relative: true, span, ...(businessDays ? { ambiguous: { why: 'business-days' } } : {}) });
  }
  return found;
}

/** "01/05/2027", "1.5.27", "05-01-2027" at the start of chrono's text: both numbers could be the month. */
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/;

type ChronoResult = ReturnType<typeof usParser.parse>[number];

function zoned(instant: number, timeZone: string): { date: string; time: string } | null {
  try {
    const { date, time } = wallClockIn(instant, timeZone);
    return { date, time: time.slice(0, 5) };
  } catch {
    return null;
  }
}

function fromChrono(r: ChronoResult, options: ReadOptions, byDayFirst: boolean): DeadlineReading | null {
  const s = r.start;
  if (!s.isCertain('day') && !s.isCertain('weekday')) return null; // a time alone is no deadline
  let date = iso(s.get('year')!, s.get('month')!, s.get('day')!);
  const hasTime = s.isCertain('hour');
  let time = hasTime ? `${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}` : undefined;
  const relative = !s.isCertain('day') || r.tags().has('result/relativeDate');
  // Spans of days, weeks, months or years are read by readSpans, which asks for a lead or a connective.
  if (relative && /\b(?:day|week|month|year)s?\b/i.test(r.text)) return null;
  const reading: DeadlineReading = { date, phrase: r.text, index: r.index, relative };
  if (hasTime && s.isCertain('timezoneOffset') && options.timeZone) {
    const offset = s.get('timezoneOffset')!;
    const [y, m, d] = partsOf(date);
    const there = zoned(Date.UTC(y, m - 1, d, s.get('hour')!, s.get('minute') ?? 0) - offset * 60_000, options.timeZone);
    if (there) ({ date, time } = there);
    reading.date = date;
  }
  if (time) reading.time = time;
  if (relative) return reading;

  const numeric = NUMERIC.exec(r.text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const year = s.get('year')!;
    // Both readings are real days and differ: say which one was taken and what the other would be.
    if (a !== b && validDay(year, a, b) && validDay(year, b, a)) {
      const other = byDayFirst ? iso(year, a, b) : iso(year, b, a);
      if (other !== reading.date) reading.ambiguous = { why: 'day-month-order', otherDate: other };
      return reading;
    }
  }
  if (s.isCertain('weekday')) {
    const weekday = s.get('weekday')!;
    if (utc(reading.date).getUTCDay() !== weekday) {
      reading.ambiguous = { why: 'weekday-mismatch', weekday };
      return reading;
    }
  }
  if (!s.isCertain('year')) reading.ambiguous = { why: 'year-assumed' };
  return reading;
}

const overlaps = (a: DeadlineReading, b: DeadlineReading) => a.index < b.index + b.phrase.length && b.index < a.index + a.phrase.length;

/**
 * Every date the text gives, in the order it gives them. A span is dated from `options.base`; absolute dates
 * without a year take the next such date on or after it.
 */
export function readDeadline(text: string, options: ReadOptions): DeadlineReading[] {
  const byDayFirst = dayFirst(options.locale);
  const parser = byDayFirst ? dayFirstParser : usParser;
  const [y, m, d] = partsOf(options.base);
  const reference = { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };

  const spans = readSpans(text).map((r) => ({ ...r, date: addSpan(options.base, r.span!) }));
  const dated = parser
    .parse(text, reference, { forwardDate: true })
    .map((r) => fromChrono(r, options, byDayFirst))
    .filter((r): r is DeadlineReading => r !== null && !spans.some((s) => overlaps(s, r)));
  return [...spans, ...dated].sort((a, b) => a.index - b.index);
}

/** The first reading of the text, preferring a date it states over a span (a docket that says both means the date). */
export function bestReading(readings: readonly DeadlineReading[]): DeadlineReading | undefined {
  return readings.find((r) => !r.relative) ?? readings[0];
}

/** A date in words, in the user's language: "Tuesday, January 5, 2027" (en-US), "Tuesday 5 January 2027" (en-GB). */
export function describeDate(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(date));
}
