import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkFailure, RateLimiter, type Attempt, type LimiterStore } from '@/lib/clio/rate-limiter';
import { MARGIN_MS, WINDOW_MS, type LimiterState } from '@/lib/clio/rate-window';

function memoryStore(initial?: LimiterState): LimiterStore & { state: LimiterState | undefined } {
  const s = {
    state: initial,
    load: async () => s.state,
    save: async (x: LimiterState) => void (s.state = structuredClone(x)),
  };
  return s;
}

const ok = <T>(value: T, headers = {}): Attempt<T> => ({ status: 200, headers, value });

describe('RateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('sends up to the limit at once and paces the rest by the window', async () => {
    const sentAt: number[] = [];
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 5, maxInFlight: 10 });
    const all = Array.from({ length: 12 }, (_, i) => limiter.schedule(async () => (sentAt.push(Date.now()), ok(i)), { idempotent: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(sentAt).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(WINDOW_MS + MARGIN_MS);
    expect(sentAt).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(WINDOW_MS + MARGIN_MS);
    expect((await Promise.all(all)).map((a) => a.value)).toEqual([...Array(12).keys()]);
    // No 60 s window ever holds more than the limit.
    for (const t of sentAt) expect(sentAt.filter((u) => u >= t && u < t + WINDOW_MS).length).toBeLessThanOrEqual(5);
  });

  it('honours Retry-After on a 429 and repeats the request', async () => {
    const sentAt: number[] = [];
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 50 });
    const result = limiter.schedule(
      async () => {
        sentAt.push(Date.now());
        return sentAt.length === 1 ? { status: 429, headers: { retryAfter: 4 }, value: 'no' } : ok('yes');
      },
      { idempotent: false },
    );
    await vi.advanceTimersByTimeAsync(3_999);
    expect(sentAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).value).toBe('yes');
    expect(sentAt).toEqual([0, 4000]);
  });

  it('retries 5xx with backoff for idempotent requests, not for a POST', async () => {
    let getCalls = 0;
    let postCalls = 0;
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 50, random: () => 0.5 });
    const get = limiter.schedule(async () => (++getCalls < 3 ? { status: 503, headers: {}, value: 0 } : ok(1)), { idempotent: true });
    const post = limiter.schedule(async () => (++postCalls, { status: 503, headers: {}, value: 0 }), { idempotent: false });
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await get).status).toBe(200);
    expect(getCalls).toBe(3);
    expect((await post).status).toBe(503);
    expect(postCalls).toBe(1);
  });

  it('repeats a POST after a network failure only when it certainly never left', async () => {
    let calls = 0;
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 50, random: () => 0 });
    const sure = limiter.schedule(async () => (++calls === 1 ? Promise.reject(new NetworkFailure(false)) : ok('sent')), { idempotent: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect((await sure).value).toBe('sent');
    const ambiguous = limiter.schedule(async () => Promise.reject(new NetworkFailure('unknown')), { idempotent: false });
    const caught = ambiguous.catch((e) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await caught).toBeInstanceOf(NetworkFailure);
  });

  it('gives up after maxAttempts and reports the last failure', async () => {
    let calls = 0;
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 50, maxAttempts: 3, random: () => 0 });
    const r = limiter.schedule(async () => (calls++, { status: 500, headers: {}, value: 0 }), { idempotent: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await r).status).toBe(500);
    expect(calls).toBe(3);
  });

  it('lets interactive requests go ahead of queued background sync', async () => {
    const order: string[] = [];
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 1, maxInFlight: 1 });
    const first = limiter.schedule(async () => (order.push('first'), ok(0)), { idempotent: true, priority: 'background' });
    await vi.advanceTimersByTimeAsync(0); // the first is sent; the window is now full
    const bg = limiter.schedule(async () => (order.push('sync'), ok(0)), { idempotent: true, priority: 'background' });
    const ui = limiter.schedule(async () => (order.push('click'), ok(0)), { idempotent: true, priority: 'interactive' });
    await vi.advanceTimersByTimeAsync(3 * (WINDOW_MS + MARGIN_MS));
    await Promise.all([first, bg, ui]);
    expect(order).toEqual(['first', 'click', 'sync']);
  });

  it('keeps its window across a restart: a new limiter on the same store does not burst', async () => {
    const store = memoryStore();
    const a = new RateLimiter({ store, defaultLimit: 3 });
    await Promise.all([0, 1, 2].map((i) => a.schedule(async () => ok(i), { idempotent: true })));
    vi.setSystemTime(10_000);
    const sentAt: number[] = [];
    const b = new RateLimiter({ store, defaultLimit: 3 }); // the worker was killed and woke again
    const r = b.schedule(async () => (sentAt.push(Date.now()), ok('late')), { idempotent: true });
    await vi.advanceTimersByTimeAsync(WINDOW_MS + MARGIN_MS - 10_000 - 1);
    expect(sentAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await r).value).toBe('late');
    expect(sentAt).toEqual([WINDOW_MS + MARGIN_MS]);
  });

  it('rejects with whatever the request threw that is not a network failure (e.g. signed out)', async () => {
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 50 });
    const r = limiter.schedule(async () => Promise.reject(new Error('signed out')), { idempotent: true }).catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(0);
    expect(await r).toBe('signed out');
  });

  it('paces Grow’s 3 requests a second with a 1 s window', async () => {
    const sentAt: number[] = [];
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 3, windowMs: 1000, marginMs: 50, maxInFlight: 10 });
    const all = Array.from({ length: 7 }, () => limiter.schedule(async () => (sentAt.push(Date.now()), ok(0)), { idempotent: true }));
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(all);
    expect(sentAt).toEqual([0, 0, 0, 1050, 1050, 1050, 2100]);
  });

  it('tells when it is busy and when it is idle again', async () => {
    const changes: boolean[] = [];
    const limiter = new RateLimiter({ store: memoryStore(), defaultLimit: 50, onBusyChange: (b) => changes.push(b) });
    await Promise.all([limiter.schedule(async () => ok(1), { idempotent: true }), limiter.schedule(async () => ok(2), { idempotent: true })]);
    expect(changes).toEqual([true, false]);
  });
});
