import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followPopupState, type PopupState } from '@/entrypoints/popup/popup-state';
import { accountItem } from '@/lib/auth/account-item';
import { EMPTY_DRAFT } from '@/lib/drafts/drafts';
import { copyAllItems } from '@/lib/storage/items-copy';
import { idleItem } from '@/lib/timer/timer-items';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('followPopupState', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the whole state once, with fallbacks, then every change', async () => {
    await accountItem.setValue({ signedIn: true });
    const seen: PopupState[] = [];
    const stop = followPopupState(
      (s) => seen.push(s),
      (e) => {
        throw e;
      },
    );
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen).toEqual([{ account: { signedIn: true }, draft: EMPTY_DRAFT, timer: null, paused: [], idle: null, autoStop: null, outbox: [] }]);
    await idleItem.setValue({ from: 1, to: null, activityId: 7 });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen.at(-1)?.idle).toEqual({ from: 1, to: null, activityId: 7 });
    expect(seen.at(-1)?.account).toEqual({ signedIn: true });
    stop();
    await idleItem.setValue(null);
    await settle();
    expect(seen).toHaveLength(2);
  });

  it('lets a change made while the first read is under way win over what the read answered', async () => {
    await accountItem.setValue({ signedIn: false });
    await copyAllItems();
    // The read answers what was stored when it began, after the change has been announced.
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session) as (keys: string[]) => Promise<Record<string, unknown>>;
    let answer: () => void = () => undefined;
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementationOnce(((keys: string[]) => {
      const stale = get(keys);
      return new Promise((resolve) => (answer = () => resolve(stale)));
    }) as never);
    const seen: PopupState[] = [];
    followPopupState(
      (s) => seen.push(s),
      (e) => {
        throw e;
      },
    );
    await accountItem.setValue({ signedIn: true });
    await settle();
    expect(seen).toEqual([]);
    answer();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.account).toEqual({ signedIn: true });
  });
});
