/** The legacy Lead Inbox: a POST with the firm's Inbox Token, no OAuth, through Grow's rate limiter. */
import { ofetch } from 'ofetch';
import { errorFromResponse, networkError } from '../clio/errors';
import { type Attempt, NetworkFailure, type RateLimiter } from '../clio/rate-limiter';
import { readRateHeaders } from '../clio/rate-window';
import { AppError } from '../errors';

export async function postLegacyLead(limiter: RateLimiter, url: string, body: unknown): Promise<unknown> {
  let attempt: Attempt<unknown>;
  try {
    attempt = await limiter.schedule(
      async () => {
        try {
          const res = await ofetch.raw(url, {
            method: 'POST',
            body: body as Record<string, unknown>,
            retry: 0,
            ignoreResponseError: true,
            signal: AbortSignal.timeout(25_000),
          });
          return { status: res.status, headers: readRateHeaders((n) => res.headers.get(n)), value: res._data as unknown };
        } catch {
          throw new NetworkFailure('unknown');
        }
      },
      { idempotent: false },
    );
  } catch (e) {
    if (e instanceof NetworkFailure) throw networkError();
    throw e;
  }
  if (attempt.status === 401)
    throw new AppError({ kind: 'auth-failed', message: 'Clio Grow did not accept the Lead Inbox token. Check it on the options page.', status: 401 });
  if (attempt.status >= 400)
    throw errorFromResponse(attempt.status, attempt.value, undefined, ['from_first', 'from_last', 'from_email', 'from_phone', 'from_message']);
  return attempt.value;
}
