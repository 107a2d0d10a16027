import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLICK_CONTEXT_TTL_MS, keepClickContext, sweepClickContexts, takeClickContext } from '@/lib/leads/click-contexts';

const context = { pageUrl: 'https://example.org/contact', pageTitle: 'Contact', selectionText: 'Ada Lee' };
const T = 1_800_000_000_000;

describe('right-click contexts in storage.session', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are read once: the capture UI takes its context and it is gone', async () => {
    await keepClickContext({ tabId: 4 }, context, T);
    await keepClickContext({ clickId: 'c1' }, { ...context, selectionText: '' }, T);
    expect(await takeClickContext(undefined, 4, T + 1000)).toEqual(context);
    expect(await takeClickContext(undefined, 4, T + 1000)).toBeNull();
    expect(await takeClickContext('c1', 4, T + 1000)).toEqual({ ...context, selectionText: '' });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('are swept after an hour, and a late reader gets nothing', async () => {
    await keepClickContext({ tabId: 1 }, context, T);
    await keepClickContext({ tabId: 2 }, context, T + CLICK_CONTEXT_TTL_MS - 1000);
    await fakeBrowser.storage.session.set({ 'panel-query': { query: 'x', at: T } }); // not a click context
    await sweepClickContexts(T + CLICK_CONTEXT_TTL_MS);
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual(['capture-tab-2', 'panel-query']);
    expect(await takeClickContext(undefined, 2, T + 2 * CLICK_CONTEXT_TTL_MS)).toBeNull();
  });

  it('sweeps old contexts whenever a new one is kept', async () => {
    await keepClickContext({ tabId: 1 }, context, T);
    await keepClickContext({ tabId: 2 }, context, T + CLICK_CONTEXT_TTL_MS);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['capture-tab-2']);
  });
});
