/**
 * The small set of failures the UI can act on. Every error that crosses the message
 * boundary is one of these; messages are written for the person using the extension
 * (in their language, through t()) and never carry a token or a secret.
 */
import { say, t } from './i18n';
import { Problem } from './phrase';

export type ErrorKind =
  | 'signed-out' // no session, or Clio ended it: sign in (again)
  | 'auth-cancelled' // the user closed or declined the Clio sign-in
  | 'auth-failed' // the sign-in came back wrong (state mismatch, bad code, bad app credentials)
  | 'rate-limited' // Clio asked us to wait; `retryAt` says until when
  | 'validation' // Clio refused the input; `fieldErrors` names the fields it could
  | 'not-found'
  | 'conflict' // changed elsewhere since it was read (412)
  | 'forbidden'
  | 'needs-permission' // the browser does not let the extension reach a host (an upload origin): the person must allow it
  | 'network' // Clio could not be reached, or the connection dropped
  | 'server' // Clio failed (5xx)
  | 'bad-request' // a message the background refuses
  | 'internal';

/**
 * Why a Clio sign-in failed, where the setup page says more than the message: Clio refused the app's key or secret
 * (`invalid_client` from the token endpoint), the person declined (`access_denied`), or the auth window closed
 * without coming back (Clio shows its own error page for a redirect URI the app does not know; the person closes it).
 */
export type SignInFailure = 'invalid_client' | 'access_denied' | 'window_closed';

export interface ErrorData {
  kind: ErrorKind;
  message: string;
  retryAt?: number;
  fieldErrors?: Record<string, string>;
  status?: number;
  signIn?: SignInFailure;
}

export class AppError extends Error implements ErrorData {
  readonly kind: ErrorKind;
  readonly retryAt?: number;
  readonly fieldErrors?: Record<string, string>;
  readonly status?: number;
  readonly signIn?: SignInFailure;

  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'AppError';
    this.kind = data.kind;
    if (data.retryAt !== undefined) this.retryAt = data.retryAt;
    if (data.fieldErrors !== undefined) this.fieldErrors = data.fieldErrors;
    if (data.status !== undefined) this.status = data.status;
    if (data.signIn !== undefined) this.signIn = data.signIn;
  }

  toData(): ErrorData {
    const d: ErrorData = { kind: this.kind, message: this.message };
    if (this.retryAt !== undefined) d.retryAt = this.retryAt;
    if (this.fieldErrors !== undefined) d.fieldErrors = this.fieldErrors;
    if (this.status !== undefined) d.status = this.status;
    if (this.signIn !== undefined) d.signIn = this.signIn;
    return d;
  }
}

export const appError = (kind: ErrorKind, message: string, extra: Omit<ErrorData, 'kind' | 'message'> = {}) => new AppError({ kind, message, ...extra });

/** A pure module's Problem as an AppError, its phrase in words. */
export function appErrorOf(p: Problem): AppError {
  const { kind, retryAt, fieldErrors, status, signIn } = p;
  return appError(kind, say(p.phrase), {
    ...(retryAt !== undefined ? { retryAt } : {}),
    ...(fieldErrors !== undefined ? { fieldErrors } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(signIn !== undefined ? { signIn } : {}),
  });
}

/** Runs a pure step that may throw a Problem: it comes out as an AppError. */
export function inWords<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw e instanceof Problem ? appErrorOf(e) : e;
  }
}

/** Any thrown value as an AppError, without leaking its text when it is not ours. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof Problem) return appErrorOf(e);
  return appError('internal', t('errorInternal'));
}
