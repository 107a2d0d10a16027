import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepClickContext, takeClickContext } from '@/lib/leads/click-contexts';
import { HAND_OFF_TTL_MS, handOffs, sweepHandOffs } from '@/lib/storage/hand-offs';

const context = { pageUrl: 'https://example.org/contact', pageTitle: 'Contact', selectionText: 'Ada Lee' };
const T = 1_800_000_000_000;

describe('hand-offs in storage.session', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are read once: the reader takes its value and it is gone', async () => {
    await keepClickContext(4, context, T);
    expect(await takeClickContext(4, T + 1000)).toEqual(context);
    expect(await takeClickContext(4, T + 1000)).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('keep kinds apart: the same key in two kinds is two values', async () => {
    const a = handOffs<string>('a');
    const b = handOffs<string>('b');
    await a.keep('1', 'from a', T);
    await b.keep('1', 'from b', T);
    expect(await b.take('1', T)).toBe('from b');
    expect(await a.take('1', T)).toBe('from a');
    expect(await a.take('unknown', T)).toBeNull();
  });

  it('are swept after an hour, and a late reader gets nothing', async () => {
    await keepClickContext(1, context, T);
    await keepClickContext(2, context, T + HAND_OFF_TTL_MS - 1000);
    await fakeBrowser.storage.session.set({ 'panel-query': { query: 'x', at: T } }); // not a hand-off
    await sweepHandOffs(T + HAND_OFF_TTL_MS);
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual(['hand-off:click-context:2', 'panel-query']);
    expect(await takeClickContext(2, T + 2 * HAND_OFF_TTL_MS)).toBeNull();
  });

  it('sweeps old values whenever a new one is kept', async () => {
    await keepClickContext(1, context, T);
    await keepClickContext(2, context, T + HAND_OFF_TTL_MS);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['hand-off:click-context:2']);
  });
});
