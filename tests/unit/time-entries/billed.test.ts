import { describe, expect, it } from 'vitest';
import { billedIfRounded, formatBilled } from '@/lib/time-entries/billed';

describe('formatBilled', () => {
  it.each([
    [360, 'en', '0.1 h'],
    [900, 'en', '0.25 h'],
    [3600, 'en', '1.0 h'],
    [5400, 'en', '1.5 h'],
    [4680, 'en', '1.3 h'],
    [360, 'fr', '0,1 h'],
    [300, 'en', '5 min'], // a firm rounding to whole minutes: hours would not be exact
    [60, 'en', '1 min'],
  ])('%i s in %s reads %s', (seconds, locale, text) => {
    expect(formatBilled(seconds, locale)).toBe(text);
  });
});

describe('billedIfRounded', () => {
  it('says what a 4-minute call bills as when Clio rounds it to a tenth of an hour', () => {
    expect(billedIfRounded({ quantity: 240, rounded_quantity: 360 }, 'en')).toBe('0.1 h');
  });
  it('says nothing when Clio bills the time as recorded, or gave no rounded figure', () => {
    expect(billedIfRounded({ quantity: 720, rounded_quantity: 720 }, 'en')).toBeNull();
    expect(billedIfRounded({ quantity: 720 }, 'en')).toBeNull();
    expect(billedIfRounded({ quantity: 720, rounded_quantity: null }, 'en')).toBeNull();
  });
});
