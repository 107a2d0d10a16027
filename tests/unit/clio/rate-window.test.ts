import { describe, expect, it } from 'vitest';
import { backoffMs, earliestSend, initialState, learn, MARGIN_MS, readRateHeaders, recordSend, WINDOW_MS } from '@/lib/clio/rate-window';

describe('rate window arithmetic', () => {
  it('lets `limit` requests go at once, then waits for the oldest to leave the window', () => {
    let s = initialState(3);
    for (let i = 0; i < 3; i++) {
      expect(earliestSend(s, 1000 + i)).toBe(1000 + i);
      s = recordSend(s, 1000 + i);
    }
    expect(earliestSend(s, 1003)).toBe(1000 + WINDOW_MS + MARGIN_MS);
  });

  it('forgets sends older than the window', () => {
    let s = recordSend(initialState(1), 0);
    expect(earliestSend(s, 10)).toBe(WINDOW_MS + MARGIN_MS);
    s = recordSend(s, WINDOW_MS + MARGIN_MS + 1);
    expect(s.sent).toEqual([WINDOW_MS + MARGIN_MS + 1]);
  });

  it('learns a new limit from X-RateLimit-Limit', () => {
    const s = learn(initialState(50), { limit: 100, remaining: 99 }, 200, 0);
    expect(s.limit).toBe(100);
  });

  it('blocks until Retry-After after a 429', () => {
    const s = learn(initialState(50), { retryAfter: 7 }, 429, 10_000);
    expect(earliestSend(s, 10_000)).toBe(17_000);
  });

  it('blocks until the reset when the server says none remain (another client shares the token)', () => {
    const s = learn(initialState(50), { limit: 50, remaining: 0, reset: 100 }, 200, 40_000);
    expect(earliestSend(s, 40_000)).toBe(100_000);
  });

  it('falls back to the reset header, then 10 s, when a 429 has no Retry-After', () => {
    expect(learn(initialState(5), { reset: 20 }, 429, 15_000).blockedUntil).toBe(20_000);
    expect(learn(initialState(5), {}, 429, 0).blockedUntil).toBe(10_000);
  });

  it('reads headers case-insensitively through the getter and ignores garbage', () => {
    const h = new Headers({ 'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': 'x', 'Retry-After': '3' });
    expect(readRateHeaders((n) => h.get(n))).toEqual({ limit: 50, retryAfter: 3 });
  });

  it('backs off exponentially with jitter, capped at 30 s', () => {
    expect(backoffMs(1, 0)).toBe(250);
    expect(backoffMs(1, 1)).toBe(1000);
    expect(backoffMs(3, 1)).toBe(4000);
    expect(backoffMs(20, 1)).toBe(30_000);
    expect(backoffMs(3, 0.5)).toBeGreaterThan(250);
    expect(backoffMs(3, 0.5)).toBeLessThan(4000);
  });
});
