/** Reading deadlines from docket and letter sentences: dates, times, spans from a base date, and what is ambiguous. */
import { describe, expect, it } from 'vitest';
import { addSpan, bestReading, type DeadlineReading, dayFirst, describeDate, readDeadline } from '@/lib/deadlines/date-reading';

const BASE = '2026-06-15'; // a Monday

interface Expected {
  date: string;
  time?: string;
  relative?: boolean;
  ambiguous?: DeadlineReading['ambiguous'];
  from?: string;
}

/** The first reading of the sentence, reduced to what the table states. */
function first(text: string, locale = 'en-US', base = BASE, timeZone?: string): Expected | undefined {
  const r = readDeadline(text, { base, locale, ...(timeZone ? { timeZone } : {}) })[0];
  if (!r) return undefined;
  return {
    date: r.date,
    ...(r.time ? { time: r.time } : {}),
    relative: r.relative,
    ...(r.ambiguous ? { ambiguous: r.ambiguous } : {}),
    ...(r.span?.from ? { from: r.span.from } : {}),
  };
}

const dated = (date: string, time?: string): Expected => ({ date, ...(time ? { time } : {}), relative: false });
const counted = (date: string, from?: string, ambiguous?: DeadlineReading['ambiguous']): Expected => ({
  date,
  relative: true,
  ...(ambiguous ? { ambiguous } : {}),
  ...(from ? { from } : {}),
});
const swapped = (e: Expected, otherDate: string): Expected => ({ ...e, ambiguous: { why: 'day-month-order', otherDate } });

describe('readDeadline: docket and letter sentences (base date Monday 15 June 2026, en-US)', () => {
  it.each<[string, Expected | undefined]>([
    // Absolute dates, US and international forms, with times.
    ['A hearing on January 5, 2027 at 10:00 AM in Department 12.', dated('2027-01-05', '10:00')],
    ['The hearing is set for 5 January 2027 at 10:00 a.m.', dated('2027-01-05', '10:00')],
    ['Opposition papers shall be filed on or before March 3, 2027.', dated('2027-03-03')],
    ['Jury trial set for Tuesday, January 5, 2027 at 9:30 a.m. before Judge Alvarez.', dated('2027-01-05', '09:30')],
    ['Hearing: Jan. 5, 2027, 10:00 AM', dated('2027-01-05', '10:00')],
    ['ORDERED that the parties appear for a pretrial conference on March 15, 2027, at 9:00 a.m. in Courtroom 4B.', dated('2027-03-15', '09:00')],
    ['The court will hear the motion at 10:00 a.m. on January 5, 2027.', dated('2027-01-05', '10:00')],
    ['Deposition of J. Smith scheduled for February 10, 2027 at 1:30 p.m.', dated('2027-02-10', '13:30')],
    ['The statute of limitations expires on June 30, 2027.', dated('2027-06-30')],
    ['Your client must vacate the premises by 31 March 2027.', dated('2027-03-31')],
    ["Plaintiff's expert disclosures are due by December 1, 2026.", dated('2026-12-01')],
    ['Status report due on or before the 15th of March, 2027.', dated('2027-03-15')],
    ['Deadline: 5th January 2027, 4pm', dated('2027-01-05', '16:00')],
    ['Discovery closes on 2027-02-14.', dated('2027-02-14')],
    ['The closing will take place on Friday, April 30, 2027 at 11:00.', dated('2027-04-30', '11:00')],
    // Numeric dates: by the locale, flagged when the other order is also a real day.
    ['Motions in limine due 01/05/2027.', swapped(dated('2027-01-05'), '2027-05-01')],
    ['Reply brief due 1/5/27.', swapped(dated('2027-01-05'), '2027-05-01')],
    ['Case Management Conference set for 4/2/2027 09:00 AM in Courtroom 3', swapped(dated('2027-04-02', '09:00'), '2027-02-04')],
    ['Status conference 05/13/2027 at 2:00 PM', dated('2027-05-13', '14:00')],
    ['Sentencing is continued to 9/15/2027 at 10:30 AM.', dated('2027-09-15', '10:30')],
    ['We look forward to hearing from you by 15/09/2027.', dated('2027-09-15')],
    ['Settlement conference 06/06/2027 at 1:00 PM.', dated('2027-06-06', '13:00')],
    // Spans from the base date.
    ['Response due within 21 days after service', counted('2026-07-06', 'service')],
    ['Defendant shall file an answer no later than 14 days after service of the amended complaint.', counted('2026-06-29', 'service of the amended complaint')],
    ['Please respond within thirty (30) days of the date of this letter.', counted('2026-07-15', 'the date of this letter')],
    ['Objections are due fourteen (14) days from the date of service.', counted('2026-06-29', 'the date of service')],
    ['Appeal must be filed within 30 days after entry of judgment.', counted('2026-07-15', 'entry of judgment')],
    ['Response to the motion is due within two weeks.', counted('2026-06-29')],
    ['Reply due 7 days before the hearing.', counted('2026-06-08', 'the hearing')],
    ['Provide the documents within 10 business days.', counted('2026-06-29', undefined, { why: 'business-days' })],
    ['Payment must be received within 10 days.', counted('2026-06-25')],
    ['The lease may be terminated within three months of the notice.', counted('2026-09-15', 'the notice')],
    ['A claim must be brought within one year after the injury.', counted('2027-06-15', 'the injury')],
    ['Discovery responses are due twenty-one days after service.', counted('2026-07-06', 'service')],
    // Other things that are not what they seem.
    ['Trial set for Monday, January 5, 2027.', { ...dated('2027-01-05'), ambiguous: { why: 'weekday-mismatch', weekday: 1 } }],
    ['Hearing on January 5 at 10:00.', { ...dated('2027-01-05', '10:00'), ambiguous: { why: 'year-assumed' } }],
    ['See section 12 of the 2021 Act and a 30 day period.', undefined],
    ['Hearing at 10:00 AM.', undefined],
  ])('%s', (text, expected) => {
    expect(first(text)).toEqual(expected);
  });
});

describe('readDeadline: the locale decides the order of numeric dates', () => {
  it.each<[string, string, Expected]>([
    ['Motions in limine due 01/05/2027.', 'en-GB', swapped(dated('2027-05-01'), '2027-01-05')],
    ['Mediation: 05.01.2027 at 14:00', 'en-GB', swapped(dated('2027-01-05', '14:00'), '2027-05-01')],
    ['Mediation: 05.01.2027 at 14:00', 'en-US', swapped(dated('2027-05-01', '14:00'), '2027-01-05')],
    ['Reply brief due 1/5/27.', 'fr-FR', swapped(dated('2027-05-01'), '2027-01-05')],
    ['Sentencing is continued to 9/15/2027 at 10:30 AM.', 'en-GB', dated('2027-09-15', '10:30')],
    ['We look forward to hearing from you by 15/09/2027.', 'en-GB', dated('2027-09-15')],
    ['Hearing: 2027-01-05 at 10:00', 'en-GB', dated('2027-01-05', '10:00')],
  ])('%s (%s)', (text, locale, expected) => {
    expect(first(text, locale)).toEqual(expected);
  });

  it('knows which locales write the day first', () => {
    expect([dayFirst('en-US'), dayFirst('en-GB'), dayFirst('fr-FR'), dayFirst('de'), dayFirst('en-CA')]).toEqual([false, true, true, true, false]);
  });
});

describe('readDeadline: the base date and several dates', () => {
  it('counts a span from a changed service date', () => {
    expect(first('Response due within 21 days after service', 'en-US', '2026-06-20')?.date).toBe('2026-07-11');
  });

  it('gives every date in the order of the text, and prefers the one stated', () => {
    const readings = readDeadline('Answer due within 21 days of service (i.e., by 2027-01-26).', { base: BASE, locale: 'en-US' });
    expect(readings.map((r) => [r.date, r.relative, r.phrase])).toEqual([
      ['2026-07-06', true, 'within 21 days of service'],
      ['2027-01-26', false, '2027-01-26'],
    ]);
    expect(bestReading(readings)?.date).toBe('2027-01-26');
  });

  it('keeps the words it read from and where they start', () => {
    const [r] = readDeadline('Response due within 21 days after service', { base: BASE });
    expect([r?.phrase, r?.index]).toEqual(['within 21 days after service', 13]);
  });

  it('says a time given in another zone in the user’s zone', () => {
    expect(first('Trial set for Tuesday, January 5, 2027 at 9:30 a.m. EST', 'en-US', BASE, 'America/Los_Angeles')).toEqual(dated('2027-01-05', '06:30'));
    expect(first('Call on January 5, 2027 at 11:30 p.m. EST', 'en-GB', BASE, 'Europe/London')).toEqual(dated('2027-01-06', '04:30'));
  });

  it('reads nothing from nothing', () => {
    expect(readDeadline('', { base: BASE })).toEqual([]);
  });
});

describe('addSpan', () => {
  it.each([
    ['2026-01-31', { amount: 1, unit: 'month', direction: 1, businessDays: false }, '2026-02-28'],
    ['2028-01-31', { amount: 1, unit: 'month', direction: 1, businessDays: false }, '2028-02-29'],
    ['2026-11-15', { amount: 3, unit: 'month', direction: 1, businessDays: false }, '2027-02-15'],
    ['2026-03-15', { amount: 4, unit: 'month', direction: -1, businessDays: false }, '2025-11-15'],
    ['2026-06-19', { amount: 1, unit: 'day', direction: 1, businessDays: true }, '2026-06-22'],
    ['2026-06-22', { amount: 1, unit: 'day', direction: -1, businessDays: true }, '2026-06-19'],
    ['2026-12-25', { amount: 10, unit: 'day', direction: 1, businessDays: false }, '2027-01-04'],
  ] as const)('%s + %o = %s', (base, span, expected) => {
    expect(addSpan(base, span)).toBe(expected);
  });
});

describe('describeDate', () => {
  it('says the date in words in the user’s language', () => {
    expect(describeDate('2027-01-05', 'en-US')).toBe('Tuesday, January 5, 2027');
    expect(describeDate('2027-01-05', 'en-GB')).toMatch(/^Tuesday,? 5 January 2027$/);
    expect(describeDate('2027-01-05', 'fr-FR')).toBe('mardi 5 janvier 2027');
  });
});
