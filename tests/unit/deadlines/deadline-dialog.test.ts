import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dateChoices } from '@/lib/deadlines/date-choices';
import { deadlineDialogService, MAX_DEADLINE_SELECTION } from '@/lib/deadlines/deadline-dialog-service';
import type { PageDialogDeps } from '@/lib/page-dialogs/page-dialog';

const matter = { id: 7, displayNumber: '00007-Okafor', description: 'Okafor v. Harlan' };
const tab = { id: 4, windowId: 2, url: 'https://court.example/docket', title: 'Docket 142' };
const click = { pageUrl: tab.url, pageTitle: tab.title, selectionText: '  Response due within 21 days of service. ' };

describe('the deadline dialog service (hosted like Save to Clio)', () => {
  beforeEach(() => fakeBrowser.reset());

  function world(opts: { injectable?: boolean } = {}) {
    const windows: string[] = [];
    const injected: Array<[number, string]> = [];
    const deps: PageDialogDeps = {
      inject: async (tabId, file) => {
        injected.push([tabId, file]);
        return opts.injectable ?? true;
      },
      openWindow: async (path) => void windows.push(path),
      activeTab: async () => tab,
    };
    return { service: deadlineDialogService(deps), windows, injected };
  }
  const idOf = (path: string) => decodeURIComponent(path.split('id=')[1]!);

  it('a click injects the deadline script; its hand-off gets an id, and the dialog reads the click once', async () => {
    const w = world();
    await w.service.open(click, tab);
    expect(w.injected).toEqual([[4, '/content-scripts/deadline.js']]);
    expect(w.windows).toEqual([]);
    const { id } = await w.service.handOff(tab);
    expect(await w.service.reading(id)).toEqual({
      pageUrl: tab.url,
      pageTitle: 'Docket 142',
      selection: 'Response due within 21 days of service.',
      windowId: 2,
    });
    expect(await w.service.reading(id)).toBeNull();
    // The click was taken: a second hand-off from the tab (a page re-running the script) gets nothing.
    await expect(w.service.handOff(tab)).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('a hand-off from another tab, or from no tab, is refused', async () => {
    const w = world();
    await w.service.open(click, tab);
    await expect(w.service.handOff({ id: 5 })).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(w.service.handOff(undefined)).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('where nothing can be injected, the window opens with what the click knew, and nothing is left for the tab', async () => {
    const w = world({ injectable: false });
    await w.service.open({ ...click, selectionText: 'x'.repeat(MAX_DEADLINE_SELECTION + 50) }, tab);
    expect(w.windows).toHaveLength(1);
    expect(w.windows[0]).toMatch(/^\/deadline-window\.html\?id=/);
    const reading = await w.service.reading(idOf(w.windows[0]!));
    expect(reading?.selection).toHaveLength(MAX_DEADLINE_SELECTION);
    expect(reading).not.toHaveProperty('windowId');
    await expect(w.service.handOff(tab)).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('the side panel’s "Add deadline" opens it over the active tab for the matter, without a selection', async () => {
    const w = world();
    await w.service.openOnActiveTab(2, matter);
    const { id } = await w.service.handOff(tab);
    expect(await w.service.reading(id)).toEqual({ pageUrl: tab.url, pageTitle: 'Docket 142', selection: '', matter, windowId: 2 });
  });
});

describe('the dates the dialog offers', () => {
  const base = '2026-06-15';
  it('a span, chosen, counted from the base date; a changed base date moves it under the same key', () => {
    const a = dateChoices('Response due within 21 days of service.', { base, locale: 'en-US' });
    expect(a.choices).toEqual([
      { key: '13', date: '2026-07-06', words: 'within 21 days of service', relative: true, caution: { key: 'deadlineCountedFrom', subs: [] } },
    ]);
    expect(a.chosen).toBe('13');
    const b = dateChoices('Response due within 21 days of service.', { base: '2026-12-01', locale: 'en-US' });
    expect(b.choices.map((c) => [c.key, c.date])).toEqual([['13', '2026-12-22']]);
  });

  it('a date with a time is chosen with its time', () => {
    const r = dateChoices('Hearing set for January 5, 2027 at 10:00 a.m. in Courtroom 4B.', { base, locale: 'en-US' });
    expect(r.choices).toEqual([expect.objectContaining({ date: '2027-01-05', time: '10:00', relative: false })]);
    expect(r.chosen).toBe(r.choices[0]!.key);
  });

  it('a numeric date that could be either order is offered both ways, and neither is chosen', () => {
    const r = dateChoices('Brief due 01/05/2027.', { base, locale: 'en-US' });
    expect(r.choices.map((c) => c.date)).toEqual(['2027-01-05', '2027-05-01']);
    expect(r.choices.every((c) => c.caution?.key === 'deadlineDayMonthOrder')).toBe(true);
    expect(r.chosen).toBeNull();
    expect(dateChoices('Brief due 01/05/2027.', { base, locale: 'en-GB' }).choices.map((c) => c.date)).toEqual(['2027-05-01', '2027-01-05']);
  });

  it('a weekday the date is not is said, and nothing is chosen', () => {
    const r = dateChoices('Status conference on Monday, January 5, 2027.', { base, locale: 'en-US' });
    expect(r.choices[0]).toMatchObject({ date: '2027-01-05', caution: { key: 'deadlineWeekdayMismatch', subs: ['Monday'] } });
    expect(r.chosen).toBeNull();
  });

  it('a year assumed and business days are said beside a chosen date', () => {
    const y = dateChoices('Mediation on March 3.', { base, locale: 'en-US' });
    expect(y.choices[0]).toMatchObject({ date: '2027-03-03', caution: { key: 'deadlineYearAssumed' } });
    expect(y.chosen).toBe(y.choices[0]!.key);
    const b = dateChoices('Objections within 10 business days after entry.', { base, locale: 'en-US' });
    expect(b.choices[0]).toMatchObject({ date: '2026-06-29', caution: { key: 'deadlineBusinessDays' } });
  });

  it('two dates stated: both offered, the person chooses; a stated date beside a span is the one chosen', () => {
    const two = dateChoices('Discovery closes March 1, 2027; dispositive motions due April 15, 2027.', { base, locale: 'en-US' });
    expect(two.choices.map((c) => c.date)).toEqual(['2027-03-01', '2027-04-15']);
    expect(two.chosen).toBeNull();
    const both = dateChoices('Answer within 21 days of service, that is by January 5, 2027.', { base, locale: 'en-US' });
    expect(both.choices.find((c) => c.key === both.chosen)?.date).toBe('2027-01-05');
  });

  it('no date, nothing to choose', () => {
    expect(dateChoices('Please call me.', { base, locale: 'en-US' })).toEqual({ choices: [], chosen: null });
  });
});
