/**
 * The arithmetic of Clio's rate limit, free of I/O so it can be tested with any clock.
 *
 * Clio allows `limit` requests per 60 s per token and tells us, on every response, the limit,
 * how many remain, and when the window resets. We keep our own log of send times over a
 * slightly longer window (so latency jitter cannot squeeze 51 requests into Clio's 60 s) and
 * also obey what the server says: 0 remaining, or a 429's Retry-After, blocks until then.
 */
export const WINDOW_MS = 60_000;
/** Our window is longer than Clio's by this much: requests sent 60.0 s apart can arrive 59.9 s apart. */
export const MARGIN_MS = 1_500;

export interface LimiterState {
  /** Requests allowed per window, as the server last said. */
  limit: number;
  /** The window the limit counts over, and our safety margin on top of it. */
  windowMs: number;
  marginMs: number;
  /** Send times (epoch ms) of the requests in the current window, oldest first. */
  sent: number[];
  /** Nothing is sent before this time (a 429's Retry-After, or the server saying 0 remain). */
  blockedUntil: number;
}

export const initialState = (limit: number, windowMs = WINDOW_MS, marginMs = MARGIN_MS): LimiterState => ({
  limit,
  windowMs,
  marginMs,
  sent: [],
  blockedUntil: 0,
});

const span = (s: LimiterState) => s.windowMs + s.marginMs;
const recent = (s: LimiterState, now: number) => s.sent.filter((t) => t > now - span(s));

/** The earliest time the next request may leave. */
export function earliestSend(s: LimiterState, now: number): number {
  const inWindow = recent(s, now);
  let at = Math.max(now, s.blockedUntil);
  if (inWindow.length >= s.limit) {
    // The request that frees a slot is the (n - limit + 1)th oldest.
    const freeing = inWindow[inWindow.length - s.limit]!;
    at = Math.max(at, freeing + span(s));
  }
  return at;
}

export function recordSend(s: LimiterState, now: number): LimiterState {
  return { ...s, sent: [...recent(s, now), now] };
}

export interface RateHeaders {
  limit?: number;
  remaining?: number;
  /** Unix seconds when the window resets. */
  reset?: number;
  /** Seconds to wait, from a 429. */
  retryAfter?: number;
}

export function readRateHeaders(get: (name: string) => string | null): RateHeaders {
  const num = (name: string) => {
    const v = get(name);
    if (v === null || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const h: RateHeaders = {};
  const limit = num('x-ratelimit-limit');
  const remaining = num('x-ratelimit-remaining');
  const reset = num('x-ratelimit-reset');
  const retryAfter = num('retry-after');
  if (limit !== undefined && limit >= 1) h.limit = Math.floor(limit);
  if (remaining !== undefined) h.remaining = Math.floor(remaining);
  if (reset !== undefined) h.reset = reset;
  if (retryAfter !== undefined) h.retryAfter = retryAfter;
  return h;
}

/** What a response teaches: the current limit, and whether the server wants us to stop for a while. */
export function learn(s: LimiterState, h: RateHeaders, status: number, now: number): LimiterState {
  let next = s;
  if (h.limit !== undefined && h.limit !== s.limit) next = { ...next, limit: h.limit };
  if (status === 429) {
    const waitMs = h.retryAfter !== undefined ? h.retryAfter * 1000 : h.reset !== undefined ? h.reset * 1000 - now : s.windowMs / 6;
    next = { ...next, blockedUntil: Math.max(next.blockedUntil, now + Math.max(waitMs, 1000)) };
  } else if (h.remaining === 0 && h.reset !== undefined) {
    next = { ...next, blockedUntil: Math.max(next.blockedUntil, h.reset * 1000) };
  }
  return next;
}

/** Exponential backoff with full jitter: attempt 1 → up to 1 s, 2 → up to 2 s, … capped at 30 s. */
export function backoffMs(attempt: number, random: number): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(250 + random * (ceiling - 250));
}
