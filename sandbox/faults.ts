/** Injected faults: latency, 503s, 429 storms and dropped connections, for the next N API requests. */
export type FaultScope = 'manage' | 'grow' | 'upload' | 'all';
export type FaultApi = 'manage' | 'grow' | 'legacy' | 'upload';

export interface Faults {
  latencyMs: number;
  fail5xx: number;
  storm429: { count: number; retryAfter: number } | null;
  dropBefore: number;
  dropAfter: number;
  scope: FaultScope;
  /** Only requests with this method (e.g. 'PATCH') count, when set. */
  method: string | null;
  /** Only requests whose path starts with this (e.g. '/api/v4/documents') count, when set. */
  pathPrefix: string | null;
  /** The next this-many put_urls the Manage API hands out are already expired. */
  expiredPutUrls: number;
}

export type FaultAction = { kind: 'none' } | { kind: 'drop' } | { kind: 'fail5xx' } | { kind: 'storm429'; retryAfter: number };

export const noFaults = (): Faults => ({
  latencyMs: 0,
  fail5xx: 0,
  storm429: null,
  dropBefore: 0,
  dropAfter: 0,
  scope: 'all',
  method: null,
  pathPrefix: null,
  expiredPutUrls: 0,
});

export class FaultInjector {
  state: Faults = noFaults();

  merge(patch: Partial<Faults>): void {
    this.state = { ...this.state, ...patch };
  }

  clear(): void {
    this.state = noFaults();
  }

  private applies(api: FaultApi, req: { method: string; path: string }): boolean {
    const { scope, method, pathPrefix } = this.state;
    if (method && method !== req.method) return false;
    if (pathPrefix && !req.path.startsWith(pathPrefix)) return false;
    return scope === 'all' || scope === (api === 'legacy' ? 'grow' : api);
  }

  /** Decide, before processing, what happens to the next request of `api` (counts it down). */
  before(api: FaultApi, req: { method: string; path: string }): FaultAction {
    if (!this.applies(api, req)) return { kind: 'none' };
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
  dropAfter(api: FaultApi, req: { method: string; path: string }): boolean {
    if (!this.applies(api, req) || this.state.dropAfter <= 0) return false;
    this.state.dropAfter--;
    return true;
  }
}

/** Validate an admin fault patch; returns an error message or the patch. */
export function parseFaultPatch(body: unknown): Partial<Faults> | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  const out: Partial<Faults> = {};
  const count = (k: 'latencyMs' | 'fail5xx' | 'dropBefore' | 'dropAfter' | 'expiredPutUrls'): string | undefined => {
    if (b[k] === undefined) return undefined;
    if (typeof b[k] !== 'number' || !Number.isFinite(b[k]) || (b[k] as number) < 0) return `${k} must be a non-negative number`;
    out[k] = b[k] as number;
    return undefined;
  };
  for (const k of ['latencyMs', 'fail5xx', 'dropBefore', 'dropAfter', 'expiredPutUrls'] as const) {
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
    if (b.scope !== 'manage' && b.scope !== 'grow' && b.scope !== 'upload' && b.scope !== 'all') return "scope must be 'manage', 'grow', 'upload' or 'all'";
    out.scope = b.scope;
  }
  for (const k of ['method', 'pathPrefix'] as const) {
    if (b[k] === undefined) continue;
    if (b[k] !== null && typeof b[k] !== 'string') return `${k} must be a string or null`;
    out[k] = b[k] as string | null;
  }
  const known = new Set(['latencyMs', 'fail5xx', 'storm429', 'dropBefore', 'dropAfter', 'scope', 'method', 'pathPrefix', 'expiredPutUrls']);
  const unknown = Object.keys(b).find((k) => !known.has(k));
  if (unknown) return `unknown fault ${unknown}`;
  return out;
}
