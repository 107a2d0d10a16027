/** A sliding-window request counter per key (a grant, an app). Only admitted requests count. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds when the oldest counted request leaves the window. */
  reset: number;
  /** Whole seconds until a slot frees (when refused). */
  retryAfter: number;
}

export class SlidingWindow {
  private hits = new Map<string, number[]>();
  constructor(private readonly windowMs: number) {}

  take(key: string, limit: number, now = Date.now()): RateDecision {
    const list = this.prune(key, now);
    if (list.length >= limit) {
      // The request that must leave the window before one more fits.
      const blocker = list[list.length - limit] ?? list[0] ?? now;
      const freeAt = blocker + this.windowMs;
      return { allowed: false, limit, remaining: 0, reset: Math.ceil(freeAt / 1000), retryAfter: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
    }
    list.push(now);
    return { allowed: true, limit, remaining: limit - list.length, reset: Math.ceil((list[0]! + this.windowMs) / 1000), retryAfter: 0 };
  }

  /** The state without counting a request. */
  peek(key: string, limit: number, now = Date.now()): RateDecision {
    const list = this.prune(key, now);
    const oldest = list[0] ?? now;
    return {
      allowed: list.length < limit,
      limit,
      remaining: Math.max(0, limit - list.length),
      reset: Math.ceil((oldest + this.windowMs) / 1000),
      retryAfter: 0,
    };
  }

  private prune(key: string, now: number): number[] {
    let list = this.hits.get(key);
    if (!list) {
      list = [];
      this.hits.set(key, list);
    }
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < list.length && list[drop]! <= cutoff) drop++;
    if (drop) list.splice(0, drop);
    return list;
  }
}

export function rateHeaders(d: RateDecision): Record<string, string> {
  const h: Record<string, string> = {
    'X-RateLimit-Limit': String(d.limit),
    'X-RateLimit-Remaining': String(d.remaining),
    'X-RateLimit-Reset': String(d.reset),
  };
  if (!d.allowed && d.retryAfter > 0) h['Retry-After'] = String(d.retryAfter);
  return h;
}
