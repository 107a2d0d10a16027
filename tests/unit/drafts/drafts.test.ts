import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetDraftsSavedAs, keepPanelDraft } from '@/lib/drafts/draft-keeper';
import { EMPTY_DRAFT, isBlankEntry, panelDraftsItem, popupDraftItem, type TimeEntryDraft } from '@/lib/drafts/drafts';

const panelDraft = async (matterId: number) => (await panelDraftsItem.getValue())[String(matterId)] ?? null;

const draft = (over: Partial<TimeEntryDraft> = {}): TimeEntryDraft => ({
  matter: { id: 7, displayNumber: '00007-Lee', description: 'Lee v. Harlan', clientName: 'Ada Lee' },
  date: '2026-11-24',
  duration: '',
  note: '',
  activityDescriptionId: null,
  nonBillable: false,
  ...over,
});

describe('time entry drafts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts an entry with a duration, a note or a save under way as something to keep', () => {
    expect(isBlankEntry(draft())).toBe(true);
    expect(isBlankEntry(draft({ duration: '1h' }))).toBe(false);
    expect(isBlankEntry(draft({ note: 'Call' }))).toBe(false);
    expect(isBlankEntry(draft({ key: 'k1' }))).toBe(false);
  });

  it('keeps each matter’s side-panel draft apart, the last keystroke winning, and forgets one that became blank', async () => {
    void keepPanelDraft(7, draft({ duration: '1' }));
    void keepPanelDraft(9, draft({ note: 'Other matter' }));
    await keepPanelDraft(7, draft({ duration: '1h' }));
    expect((await panelDraft(7))?.duration).toBe('1h');
    expect((await panelDraft(9))?.note).toBe('Other matter');
    await keepPanelDraft(7, draft());
    expect(await panelDraft(7)).toBeNull();
    expect(Object.keys(await panelDraftsItem.getValue())).toEqual(['9']);
  });

  it('once a save is held, forgets every draft that carries its key, and only those', async () => {
    await keepPanelDraft(7, draft({ duration: '45m', key: 'saved' }));
    await keepPanelDraft(9, draft({ duration: '10m', key: 'other' }));
    await popupDraftItem.setValue({ ...EMPTY_DRAFT, tab: 'entry', entry: draft({ duration: '45m', note: 'Letter', key: 'saved' }) });
    await forgetDraftsSavedAs('saved');
    expect(await panelDraft(7)).toBeNull();
    expect((await panelDraft(9))?.key).toBe('other');
    const popup = await popupDraftItem.getValue();
    expect(popup.tab).toBe('entry');
    expect(popup.entry).toEqual(draft({ duration: '', note: '' }));
  });
});

describe('expense drafts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('once an expense save is held, the popup keeps its matter, date and category and forgets the amount', async () => {
    const matter = draft().matter;
    const expense = { matter, date: '2026-11-24', amount: '$12.50', quantity: '2', categoryId: 601, note: 'Filing fee', nonBillable: true, key: 'x1' };
    await popupDraftItem.setValue({ ...EMPTY_DRAFT, tab: 'expense', expense });
    await forgetDraftsSavedAs('other');
    expect((await popupDraftItem.getValue()).expense).toEqual(expense);
    await forgetDraftsSavedAs('x1');
    expect((await popupDraftItem.getValue()).expense).toEqual({
      matter,
      date: '2026-11-24',
      amount: '',
      quantity: '',
      categoryId: 601,
      note: '',
      nonBillable: false,
    });
  });
});
