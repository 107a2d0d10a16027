import { describe, expect, it } from 'vitest';
import { isCalendarDate, MAX_ENTRY_SECONDS, timeEntryProblem } from '@/lib/time-entries/time-entry-service';

const matter = { id: 7, displayNumber: '00007-Lee', description: 'Lee v. Harlan' };

describe('the background’s own checks of a time entry', () => {
  it.each([
    ['2026-11-30', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['30/11/2026', false],
    ['', false],
  ])('%s is a calendar date: %s', (date, ok) => {
    expect(isCalendarDate(date)).toBe(ok);
  });

  it('refuses what the form should have refused, naming the field', () => {
    expect(timeEntryProblem({ matter, seconds: 60, date: '2026-11-30' })).toBeNull();
    expect(timeEntryProblem({ matter, seconds: 60, date: '2026-02-30' })?.fieldErrors).toEqual({ date: 'Enter a real date.' });
    expect(timeEntryProblem({ matter, seconds: 0, date: '2026-11-30' })?.fieldErrors).toHaveProperty('quantity');
    expect(timeEntryProblem({ matter, seconds: MAX_ENTRY_SECONDS + 1, date: '2026-11-30' })?.fieldErrors).toHaveProperty('quantity');
    expect(timeEntryProblem({ matter: null as never, seconds: 60, date: '2026-11-30' })?.fieldErrors).toEqual({ matter: 'Choose a matter.' });
  });

  it('refuses a description past 5,000 characters at its field', () => {
    expect(timeEntryProblem({ matter, seconds: 60, date: '2026-11-30', note: 'x'.repeat(5_000) })).toBeNull();
    expect(timeEntryProblem({ matter, seconds: 60, date: '2026-11-30', note: 'x'.repeat(5_001) })?.fieldErrors).toEqual({
      note: 'Keep the description under 5,000 characters.',
    });
  });
});
