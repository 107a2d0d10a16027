import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_DRAFT, keepPanelEntryDraft, panelEntryDraftItem, popupDraftItem } from '@/lib/storage/drafts';
import { showUserStateOf } from '@/lib/storage/user-state';
import { recentMattersItem } from '@/lib/timer/items';

const jones = { id: 1, displayNumber: '00001-Jones', description: 'Jones v. Cardinal', clientName: 'Omar Jones' };
const lee = { id: 7, displayNumber: '00007-Lee', description: 'Lee v. Harlan', clientName: 'Ada Lee' };
const typed = (note: string) => ({ ...EMPTY_DRAFT, tab: 'entry' as const, entry: { ...EMPTY_DRAFT.entry, duration: '1h', note } });

describe('showUserStateOf', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes what is stored as the first user’s, then puts it aside when another user signs in, and brings it back', async () => {
    await popupDraftItem.setValue(typed('A’s call'));
    await recentMattersItem.setValue([jones]);
    await keepPanelEntryDraft(1, typed('A’s panel note').entry);
    await showUserStateOf('clio#a');
    expect((await popupDraftItem.getValue()).entry.note).toBe('A’s call');

    await showUserStateOf('clio#b');
    expect(await popupDraftItem.getValue()).toEqual(EMPTY_DRAFT);
    expect(await recentMattersItem.getValue()).toEqual([]);
    expect(await panelEntryDraftItem(1).getValue()).toBeNull();
    await popupDraftItem.setValue(typed('B’s letter'));
    await keepPanelEntryDraft(7, typed('B’s panel note').entry);
    await recentMattersItem.setValue([lee]);

    await showUserStateOf('clio#a');
    expect((await popupDraftItem.getValue()).entry.note).toBe('A’s call');
    expect(await recentMattersItem.getValue()).toEqual([jones]);
    expect((await panelEntryDraftItem(1).getValue())?.note).toBe('A’s panel note');
    expect(await panelEntryDraftItem(7).getValue()).toBeNull();
    await showUserStateOf('clio#a'); // the same user again changes nothing
    expect(await recentMattersItem.getValue()).toEqual([jones]);

    await showUserStateOf('clio#b');
    expect((await popupDraftItem.getValue()).entry.note).toBe('B’s letter');
    expect(await recentMattersItem.getValue()).toEqual([lee]);
    expect((await panelEntryDraftItem(7).getValue())?.note).toBe('B’s panel note');
    expect(await panelEntryDraftItem(1).getValue()).toBeNull();
  });
});
