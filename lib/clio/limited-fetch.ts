/**
 * The one way a request reaches Clio (Manage, Grow, or the legacy Lead Inbox): scheduled by a rate
 * limiter, one fetch per attempt, never answered from the browser's HTTP cache, and a connection that
 * fails coming back as the 'network' AppError.
 */
import { appErrorOf } from '../errors';
import { networkError } from './errors';
import { fetchJson } from './fetch-json';
import { type Attempt, NetworkFailure, type Priority, type RateLimiter } from './rate-limiter';
import { readRateHeaders } from './rate-window';

const TIMEOUT_MS = 25_000;

export interface LimitedRequest {
  method: string;
  url: string;
  /** Called for each attempt (a retry after a wait gets a fresh token). */
  headers?: () => Promise<Record<string, string>>;
  body?: unknown;
  priority?: Priority;
}

export interface LimitedAnswer {
  status: number;
  body: unknown;
  etag?: string;
  /** When Clio said to try again (Retry-After), as epoch ms. */
  retryAt?: number;
}

export async function limitedFetch(limiter: RateLimiter, req: LimitedRequest): Promise<LimitedAnswer> {
  let attempt: Attempt<{ body: unknown; etag: string | undefined }>;
  try {
    attempt = await limiter.schedule(() => fetchOnce(req), { priority: req.priority ?? 'interactive', idempotent: req.method !== 'POST' });
  } catch (e) {
    if (e instanceof NetworkFailure) throw appErrorOf(networkError());
    throw e;
  }
  const { retryAfter } = attempt.headers;
  return {
    status: attempt.status,
    body: attempt.value.body,
    ...(attempt.value.etag ? { etag: attempt.value.etag } : {}),
    ...(retryAfter !== undefined ? { retryAt: Date.now() + retryAfter * 1000 } : {}),
  };
}

async function fetchOnce(req: LimitedRequest) {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new NetworkFailure(false);
  const headers = { Accept: 'application/json', ...(await req.headers?.()) };
  try {
    const res = await fetchJson(req.url, {
      method: req.method,
      headers,
      // Our own ETag handling decides freshness: the browser's HTTP cache would serve old lists
      // (heuristic freshness from Last-Modified) and answer 304s we did not ask for.
      cache: 'no-store',
      body: req.body,
      timeoutMs: TIMEOUT_MS,
    });
    return {
      status: res.status,
      headers: readRateHeaders((n) => res.headers.get(n)),
      value: { body: res.body, etag: res.headers.get('etag') ?? undefined },
    };
  } catch {
    throw new NetworkFailure('unknown');
  }
}
