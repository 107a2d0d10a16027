/** Clio's error responses mapped into the few kinds the UI acts on, each with its phrase. Pure. */
import { type Problem, phrase, problem } from '../phrase';

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

/** Clio's error answer as a Problem; the caller makes it an AppError (`appErrorOf`). */
export function errorFromResponse(status: number, body: unknown, retryAt: number | undefined, fields: readonly string[] = []): Problem {
  const said = clioMessage(body);
  switch (true) {
    case status === 401:
      return problem('signed-out', phrase('sessionEnded'), { status });
    case status === 403:
      return problem('forbidden', said ? phrase('clioForbiddenSaid', said) : phrase('clioForbidden'), { status });
    case status === 404:
      return problem('not-found', phrase('clioNotFound'), { status });
    case status === 409 || status === 412:
      return problem('conflict', phrase('clioConflict'), { status });
    case status === 400 || status === 422: {
      const fieldErrors = said ? fieldErrorsFrom(said, fields) : {};
      return problem('validation', said ? phrase('clioRefusedSaid', said) : phrase('clioRefused'), { status, fieldErrors });
    }
    case status === 429:
      return problem('rate-limited', phrase('clioRateLimited'), { status, ...(retryAt ? { retryAt } : {}) });
    case status >= 500:
      return problem('server', phrase('clioServer'), { status });
    default:
      return problem('server', phrase('clioUnexpected', status), { status });
  }
}

export const networkError = () => problem('network', phrase('clioUnreachable'));
