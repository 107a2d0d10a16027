/**
 * Dates, times, numbers and money in the UI's locale: each pure formatter in Canadian French beside English, and
 * the locale itself read from browser.i18n (a French browser gets French formats whatever navigator.language says).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeDate } from '@/lib/deadlines/date-reading';
import { formatBadgeHours } from '@/lib/duration-format';
import { decimalMarkOf, formatMoney } from '@/lib/expenses/amount';
import { countIn, dayIn, dayTimeIn, sizeIn, timeIn } from '@/lib/locale-format';
import { formatBilled } from '@/lib/time-entries/billed';
import { uiLocale } from '@/lib/ui-locale';

/** Intl's French spaces (U+00A0, U+202F) as plain ones, so the expectations read as text. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const twoFive = new Date(2027, 0, 5, 14, 5, 9).getTime(); // 14:05:09 local time

describe('locale-format in fr-CA and en-US', () => {
  it('times of day', () => {
    expect(plain(timeIn(twoFive, 'fr-CA'))).toBe('14 h 05');
    expect(plain(timeIn(twoFive, 'fr-CA', true))).toBe('14 h 05 min 09 s');
    expect(plain(timeIn(twoFive, 'en-US'))).toBe('2:05 PM');
  });

  it('days, and a day with its time in a zone', () => {
    expect(dayIn('2027-01-05', 'fr-CA')).toBe('5 janv. 2027');
    expect(dayIn('2027-01-05', 'en-US')).toBe('Jan 5, 2027');
    const tenInToronto = Date.parse('2027-01-05T15:00:00Z');
    expect(plain(dayTimeIn(tenInToronto, 'fr-CA', 'America/Toronto'))).toBe('5 janv. 2027, 10 h 00');
    expect(plain(dayTimeIn(tenInToronto, 'en-US', 'America/Toronto'))).toBe('Jan 5, 2027, 10:00 AM');
  });

  it('counts and sizes', () => {
    expect(plain(countIn(12345, 'fr-CA'))).toBe('12 345');
    expect(countIn(12345, 'en-US')).toBe('12,345');
    expect(plain(sizeIn(12 * 1024, 'fr-CA'))).toBe('12 ko');
    expect(plain(sizeIn(1.5 * 1024 * 1024, 'fr-CA'))).toBe('1,5 Mo');
    expect(sizeIn(100, 'en-US')).toBe('1 kB');
    expect(sizeIn(1.5 * 1024 * 1024, 'en-US')).toBe('1.5 MB');
  });
});

describe('the other pure formatters in fr-CA', () => {
  it('money, its decimal mark, a billed figure, a date in words, the badge in tenths', () => {
    expect(plain(formatMoney(1234.5, 'CAD', 'fr-CA'))).toBe('1 234,50 $');
    expect(plain(formatMoney(1234.5, 'USD', 'fr-CA'))).toBe('1 234,50 $ US');
    expect(decimalMarkOf('fr-CA')).toBe(',');
    expect(formatBilled(900, 'fr-CA')).toBe('0,25 h');
    expect(describeDate('2027-01-05', 'fr-CA')).toBe('mardi 5 janvier 2027');
    expect(formatBadgeHours(4 * 360_000, ',')).toBe('0,4h');
    expect(formatBadgeHours(4 * 360_000)).toBe('0.4h');
  });
});

describe('uiLocale', () => {
  const english = fakeBrowser.i18n.getUILanguage;
  afterEach(() => {
    fakeBrowser.i18n.getUILanguage = english;
  });

  it('is the browser’s UI language, as a BCP 47 tag', () => {
    expect(uiLocale()).toBe('en-US');
    fakeBrowser.i18n.getUILanguage = () => 'fr';
    expect(uiLocale()).toBe('fr');
    fakeBrowser.i18n.getUILanguage = () => 'fr_CA';
    expect(uiLocale()).toBe('fr-CA');
  });
});
