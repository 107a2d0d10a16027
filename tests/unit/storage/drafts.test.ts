import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isBlankEntry, keepPanelEntryDraft, panelEntryDraftsItem, type TimeEntryDraft } from '@/lib/storage/drafts';

const draft = (over: Partial<TimeEntryDraft> = {}): TimeEntryDraft => ({
  matter: { id: 7, displayNumber: '00007-Lee', description: 'Lee v. Harlan', clientName: 'Ada Lee' },
  date: '2026-11-24',
  duration: '',
  note: '',
  activityDescriptionId: null,
  nonBillable: false,
  ...over,
});

describe('side-panel time entry drafts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts an entry with a duration, a note or a save under way as something to keep', () => {
    expect(isBlankEntry(draft())).toBe(true);
    expect(isBlankEntry(draft({ duration: '1h' }))).toBe(false);
    expect(isBlankEntry(draft({ note: 'Call' }))).toBe(false);
    expect(isBlankEntry(draft({ key: 'k1' }))).toBe(false);
  });

  it('keeps each matter’s draft, the last keystroke winning, and forgets one that became blank', async () => {
    void keepPanelEntryDraft(7, draft({ duration: '1' }));
    void keepPanelEntryDraft(7, draft({ duration: '1h' }));
    await keepPanelEntryDraft(9, draft({ note: 'Other matter' }));
    expect(Object.keys(await panelEntryDraftsItem.getValue()).sort()).toEqual(['7', '9']);
    expect((await panelEntryDraftsItem.getValue())['7']?.duration).toBe('1h');
    await keepPanelEntryDraft(7, draft());
    expect(Object.keys(await panelEntryDraftsItem.getValue())).toEqual(['9']);
  });
});
