import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followPopupState, type PopupState } from '@/entrypoints/popup/popup-state';
import { EMPTY_DRAFT } from '@/lib/drafts/drafts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('followPopupState', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the whole state once, with fallbacks, then every change', async () => {
    await fakeBrowser.storage.local.set({ account: { signedIn: true } });
    const seen: PopupState[] = [];
    const stop = followPopupState(
      (s) => seen.push(s),
      (e) => {
        throw e;
      },
    );
    await tick();
    expect(seen).toEqual([{ account: { signedIn: true }, draft: EMPTY_DRAFT, timer: null, idle: null, outbox: [] }]);
    await fakeBrowser.storage.local.set({ 'timer-idle': { from: 1, to: null, activityId: 7 } });
    expect(seen.at(-1)?.idle).toEqual({ from: 1, to: null, activityId: 7 });
    expect(seen.at(-1)?.account).toEqual({ signedIn: true });
    stop();
    await fakeBrowser.storage.local.set({ 'timer-idle': null });
    expect(seen).toHaveLength(2);
  });

  it('lets a change made while the first read is under way win over what the read answered', async () => {
    await fakeBrowser.storage.local.set({ account: { signedIn: false } });
    // The read answers what was stored when it began, after the change has been announced.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local) as (keys: string[]) => Promise<Record<string, unknown>>;
    let answer: () => void = () => undefined;
    fakeBrowser.storage.local.get = ((keys: string[]) => {
      const stale = get(keys);
      return new Promise<Record<string, unknown>>((resolve) => (answer = () => resolve(stale)));
    }) as never;
    const seen: PopupState[] = [];
    followPopupState(
      (s) => seen.push(s),
      (e) => {
        throw e;
      },
    );
    await fakeBrowser.storage.local.set({ account: { signedIn: true } });
    expect(seen).toEqual([]);
    answer();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.account).toEqual({ signedIn: true });
  });
});
