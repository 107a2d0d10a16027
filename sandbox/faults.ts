/** Injected faults: latency, 503s, 429 storms and dropped connections, for the next N API requests. */
export type FaultScope = 'manage' | 'grow' | 'all';
export type FaultApi = 'manage' | 'grow' | 'legacy';

export interface Faults {
  latencyMs: number;
  fail5xx: number;
  storm429: { count: number; retryAfter: number } | null;
  dropBefore: number;
  dropAfter: number;
  scope: FaultScope;
}

export type FaultAction = { kind: 'none' } | { kind: 'drop' } | { kind: 'fail5xx' } | { kind: 'storm429'; retryAfter: number };

export const noFaults = (): Faults => ({ latencyMs: 0, fail5xx: 0, storm429: null, dropBefore: 0, dropAfter: 0, scope: 'all' });

export class FaultInjector {
  state: Faults = noFaults();

  merge(patch: Partial<Faults>): void {
    this.state = { ...this.state, ...patch };
  }

  clear(): void {
    this.state = noFaults();
  }

  private applies(api: FaultApi): boolean {
    const scope = this.state.scope;
    return scope === 'all' || scope === (api === 'legacy' ? 'grow' : api);
  }

  /** Decide, before processing, what happens to the next request of `api` (counts it down). */
  before(api: FaultApi): FaultAction {
    if (!this.applies(api)) return { kind: 'none' };
    const s = this.state;
    if (s.dropBefore > 0) {
      s.dropBefore--;
      return { kind: 'drop' };
    }
    if (s.fail5xx > 0) {
      s.fail5xx--;
      return { kind: 'fail5xx' };
    }
    if (s.storm429 && s.storm429.count > 0) {
      s.storm429 = { ...s.storm429, count: s.storm429.count - 1 };
      return { kind: 'storm429', retryAfter: s.storm429.retryAfter };
    }
    return { kind: 'none' };
  }

  /** After processing: should the connection be dropped instead of answered? (counts it down) */
  dropAfter(api: FaultApi): boolean {
    if (!this.applies(api) || this.state.dropAfter <= 0) return false;
    this.state.dropAfter--;
    return true;
  }
}

/** Validate an admin fault patch; returns an error message or the patch. */
export function parseFaultPatch(body: unknown): Partial<Faults> | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  const out: Partial<Faults> = {};
  const count = (k: 'latencyMs' | 'fail5xx' | 'dropBefore' | 'dropAfter'): string | undefined => {
    if (b[k] === undefined) return undefined;
    if (typeof b[k] !== 'number' || !Number.isFinite(b[k]) || (b[k] as number) < 0) return `${k} must be a non-negative number`;
    out[k] = b[k] as number;
    return undefined;
  };
  for (const k of ['latencyMs', 'fail5xx', 'dropBefore', 'dropAfter'] as const) {
    const err = count(k);
    if (err) return err;
  }
  if (b.storm429 !== undefined) {
    const s = b.storm429 as Record<string, unknown> | null;
    if (s === null) out.storm429 = null;
    else if (typeof s !== 'object' || typeof s.count !== 'number' || typeof s.retryAfter !== 'number') return 'storm429 must be {count, retryAfter}';
    else out.storm429 = { count: s.count, retryAfter: s.retryAfter };
  }
  if (b.scope !== undefined) {
    if (b.scope !== 'manage' && b.scope !== 'grow' && b.scope !== 'all') return "scope must be 'manage', 'grow' or 'all'";
    out.scope = b.scope;
  }
  const known = new Set(['latencyMs', 'fail5xx', 'storm429', 'dropBefore', 'dropAfter', 'scope']);
  const unknown = Object.keys(b).find((k) => !known.has(k));
  if (unknown) return `unknown fault ${unknown}`;
  return out;
}
