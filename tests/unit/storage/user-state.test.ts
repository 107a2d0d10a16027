import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepPanelDraft } from '@/lib/drafts/draft-keeper';
import { EMPTY_DRAFT, panelDraftsItem, popupDraftItem } from '@/lib/drafts/drafts';
import { perUserItems } from '@/lib/storage/item';
import { forgetUserState, showUserStateOf } from '@/lib/storage/user-state';
import { idleItem, pausedTimersItem, recentMattersItem, timerCheckedAtItem, timerItem } from '@/lib/timer/timer-items';
import type { TimerState } from '@/lib/timer/model';
import { pinnedMattersItem, setPinned } from '@/lib/matters/matter-items';
import { MAX_PINNED } from '@/lib/matters/pinned-order';

const jones = { id: 1, displayNumber: '00001-Jones', description: 'Jones v. Cardinal', clientName: 'Omar Jones' };
const lee = { id: 7, displayNumber: '00007-Lee', description: 'Lee v. Harlan', clientName: 'Ada Lee' };
const typed = (note: string) => ({ ...EMPTY_DRAFT, tab: 'entry' as const, entry: { ...EMPTY_DRAFT.entry, duration: '1h', note } });

const timer = (over: Partial<TimerState> = {}): TimerState => ({
  activityId: 11,
  matter: jones,
  note: '',
  activityDescriptionId: null,
  recordedMs: 60_000,
  runningSince: null,
  syncedAt: 0,
  adjustMs: 0,
  ...over,
});

describe('showUserStateOf', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes what is stored as the first user’s, then puts it aside when another user signs in, and brings it back', async () => {
    await popupDraftItem.setValue(typed('A’s call'));
    await recentMattersItem.setValue([jones]);
    await keepPanelDraft(1, typed('A’s panel note').entry);
    await showUserStateOf('clio#a');
    expect((await popupDraftItem.getValue()).entry.note).toBe('A’s call');

    await showUserStateOf('clio#b');
    expect(await popupDraftItem.getValue()).toEqual(EMPTY_DRAFT);
    expect(await recentMattersItem.getValue()).toEqual([]);
    expect((await panelDraftsItem.getValue())[1] ?? null).toBeNull();
    await popupDraftItem.setValue(typed('B’s letter'));
    await keepPanelDraft(7, typed('B’s panel note').entry);
    await recentMattersItem.setValue([lee]);

    await showUserStateOf('clio#a');
    expect((await popupDraftItem.getValue()).entry.note).toBe('A’s call');
    expect(await recentMattersItem.getValue()).toEqual([jones]);
    expect(((await panelDraftsItem.getValue())[1] ?? null)?.note).toBe('A’s panel note');
    expect((await panelDraftsItem.getValue())[7] ?? null).toBeNull();
    await showUserStateOf('clio#a'); // the same user again changes nothing
    expect(await recentMattersItem.getValue()).toEqual([jones]);

    await showUserStateOf('clio#b');
    expect((await popupDraftItem.getValue()).entry.note).toBe('B’s letter');
    expect(await recentMattersItem.getValue()).toEqual([lee]);
    expect(((await panelDraftsItem.getValue())[7] ?? null)?.note).toBe('B’s panel note');
    expect((await panelDraftsItem.getValue())[1] ?? null).toBeNull();
  });

  it('keeps the signed-in user’s own timer, and adopts one from before owners were recorded', async () => {
    await timerItem.setValue(timer());
    await timerCheckedAtItem.setValue(123);
    await showUserStateOf('clio#a');
    expect(await timerItem.getValue()).toEqual(timer());
    await showUserStateOf('clio#a');
    expect(await timerItem.getValue()).toEqual(timer());
    expect(await timerCheckedAtItem.getValue()).toBe(123);
  });

  it('puts another user’s paused timers aside for them, and brings them back', async () => {
    await showUserStateOf('clio#a');
    await pausedTimersItem.setValue([timer(), timer({ activityId: 12 })]);
    await showUserStateOf('clio#b');
    expect(await pausedTimersItem.getValue()).toEqual([]);
    await showUserStateOf('clio#a');
    expect(await pausedTimersItem.getValue()).toEqual([timer(), timer({ activityId: 12 })]);
  });

  it('puts another user’s timer (and its idle time) aside for them and brings back the one kept for this user', async () => {
    await showUserStateOf('clio#a');
    await timerItem.setValue(timer());
    await idleItem.setValue({ from: 1, to: 2, activityId: 11 });
    await showUserStateOf('clio#b');
    expect(await timerItem.getValue()).toBeNull();
    expect(await idleItem.getValue()).toBeNull();
    expect(await timerCheckedAtItem.getValue()).toBe(0);
    await timerItem.setValue(timer({ activityId: 22, matter: lee }));

    await showUserStateOf('clio#c'); // nothing kept for this one
    expect(await timerItem.getValue()).toBeNull();
    await showUserStateOf('clio#b');
    expect(await timerItem.getValue()).toEqual(timer({ activityId: 22, matter: lee }));
    await showUserStateOf('clio#a');
    expect(await timerItem.getValue()).toEqual(timer());
  });

  it('keeps each user’s pinned matters apart; a pin goes last, an unpin takes it out, and the oldest pin goes past the cap', async () => {
    await showUserStateOf('clio#a');
    await setPinned(jones, true);
    await setPinned(lee, true);
    await setPinned(jones, true); // pinned again: moves last, once
    expect(await pinnedMattersItem.getValue()).toEqual([lee, jones]);
    await showUserStateOf('clio#b');
    expect(await pinnedMattersItem.getValue()).toEqual([]);
    await setPinned(lee, true);
    await showUserStateOf('clio#a');
    expect(await pinnedMattersItem.getValue()).toEqual([lee, jones]);
    await setPinned(lee, false);
    expect(await pinnedMattersItem.getValue()).toEqual([jones]);
    for (let id = 100; id < 100 + MAX_PINNED; id++) await setPinned({ ...lee, id }, true);
    const pins = await pinnedMattersItem.getValue();
    expect(pins).toHaveLength(MAX_PINNED);
    expect(pins.some((m) => m.id === jones.id)).toBe(false);
  });

  it('covers every item the background’s features declare as the user’s', async () => {
    await import('@/entrypoints/background/services');
    await import('@/entrypoints/background/track-reminder');
    expect(
      [...perUserItems()]
        .filter(([key]) => !key.startsWith('local:test-'))
        .map(([key, { mode }]) => `${key} ${mode}`)
        .sort(),
    ).toEqual([
      'local:activity-rates reset',
      'local:damages-added keep',
      'local:deadline-setup reset',
      'local:expense-setup reset',
      'local:filed-documents keep',
      'local:medical-records reset',
      'local:never-read-sites keep',
      'local:panel-entry-drafts keep',
      'local:paused-timers keep',
      'local:pinned-matters keep',
      'local:popup-draft keep',
      'local:recent-matters keep',
      'local:site-matters keep',
      'local:timer keep',
      'local:timer-auto-stop reset',
      'local:timer-checked-at reset',
      'local:timer-idle reset',
      'local:timer-reminder-clock reset',
      'local:timer-reminders keep',
    ]);
  }, 60_000);

  it('forgets everything kept for a user, on show and put aside, and says what held something; other users keep theirs', async () => {
    await showUserStateOf('clio#a');
    await popupDraftItem.setValue(typed('A’s call'));
    await recentMattersItem.setValue([jones]);
    await timerItem.setValue(timer());
    await showUserStateOf('clio#b');
    await recentMattersItem.setValue([lee]);
    await keepPanelDraft(7, typed('B’s panel note').entry);

    expect(await forgetUserState('clio#b')).toEqual(['local:panel-entry-drafts', 'local:recent-matters']);
    expect(await recentMattersItem.getValue()).toEqual([]);
    expect(await panelDraftsItem.getValue()).toEqual({});
    expect(await forgetUserState('clio#b')).toEqual([]);

    // A’s state, put aside, comes back whole; then forgetting A clears what was put aside for them too.
    await showUserStateOf('clio#a');
    expect(await timerItem.getValue()).toEqual(timer());
    await showUserStateOf('clio#c');
    expect(await forgetUserState('clio#a')).toEqual(['local:popup-draft', 'local:recent-matters', 'local:timer']);
    await showUserStateOf('clio#a');
    expect(await timerItem.getValue()).toBeNull();
    expect(await recentMattersItem.getValue()).toEqual([]);
  });
});
