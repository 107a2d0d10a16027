/** Clio's error responses mapped into the few kinds the UI acts on. Pure. */
import { appError, type AppError } from '../errors';

interface ClioErrorBody {
  error?: { type?: string; message?: string } | string;
  error_description?: string;
  message?: string;
}

/** Clio's own message, trimmed; never our request, never a token. */
function clioMessage(body: unknown): string | undefined {
  const b = body as ClioErrorBody | undefined;
  const m = typeof b?.error === 'object' ? b.error?.message : b?.message;
  return typeof m === 'string' && m.trim() ? m.trim().slice(0, 300) : undefined;
}

/**
 * Per-field messages from a 422. Clio writes them into one sentence, e.g.
 * "Validation failed: Date can't be blank, Quantity must be greater than 0"; we keep each clause
 * whose first words name one of the request's fields.
 */
export function fieldErrorsFrom(message: string, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const body = message.replace(/^[^:]*(validation|invalid)[^:]*:\s*/i, '');
  for (const clause of body.split(/[,;]\s+|\.\s+/)) {
    const normalized = clause
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const field = [...fields].sort((a, b) => b.length - a.length).find((f) => normalized.startsWith(f.toLowerCase()));
    if (field && !out[field]) out[field] = clause.trim().replace(/\.$/, '');
  }
  return out;
}

export function errorFromResponse(status: number, body: unknown, retryAt: number | undefined, fields: readonly string[] = []): AppError {
  const said = clioMessage(body);
  switch (true) {
    case status === 401:
      return appError('signed-out', 'Your Clio session has ended. Sign in again.', { status });
    case status === 403:
      return appError('forbidden', said ? `Clio does not allow this: ${said}` : 'Your Clio account does not have permission for this.', { status });
    case status === 404:
      return appError('not-found', 'Clio could not find that record. It may have been deleted.', { status });
    case status === 409 || status === 412:
      return appError('conflict', 'This was changed in Clio since it was loaded. It has been reloaded; please check and try again.', { status });
    case status === 400 || status === 422: {
      const fieldErrors = said ? fieldErrorsFrom(said, fields) : {};
      return appError('validation', said ? `Clio did not accept this: ${said}` : 'Clio did not accept this.', { status, fieldErrors });
    }
    case status === 429:
      return appError('rate-limited', 'Clio asked us to slow down. This will be sent shortly.', { status, ...(retryAt ? { retryAt } : {}) });
    case status >= 500:
      return appError('server', 'Clio is having trouble right now. Please try again in a moment.', { status });
    default:
      return appError('server', `Clio answered unexpectedly (HTTP ${status}).`, { status });
  }
}

export const networkError = () => appError('network', 'Clio could not be reached. Check your connection; nothing was lost.');
