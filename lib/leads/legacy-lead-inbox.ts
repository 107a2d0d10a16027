/** The legacy Lead Inbox: a POST with the firm's Inbox Token, no OAuth, through Grow's rate limiter. */
import { errorFromResponse } from '../clio/errors';
import { limitedFetch } from '../clio/limited-fetch';
import type { RateLimiter } from '../clio/rate-limiter';
import { AppError, appErrorOf } from '../errors';
import { t } from '../i18n';

const LEGACY_LEAD_INPUTS = ['from_first', 'from_last', 'from_email', 'from_phone', 'from_message'];

export async function postLegacyLead(limiter: RateLimiter, url: string, body: unknown): Promise<unknown> {
  const answer = await limitedFetch(limiter, { method: 'POST', url, body });
  if (answer.status === 401) throw new AppError({ kind: 'auth-failed', message: t('legacyTokenRefused'), status: 401 });
  if (answer.status >= 400) throw appErrorOf(errorFromResponse(answer.status, answer.body, answer.retryAt, LEGACY_LEAD_INPUTS));
  return answer.body;
}
