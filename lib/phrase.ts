/**
 * Words for a person, not yet in their language: a message key and its substitutions. Pure modules
 * say what they mean with these (`phrase`, `problem`), importing no browser API; the surfaces and
 * services turn them into words with `say` and `appErrorOf` (lib/i18n.ts, lib/errors.ts). Pure.
 */
import type { ErrorData, ErrorKind, SignInFailure } from './errors';
import type { MessageArgs, MessageKey, Substitution } from './i18n-keys.generated';

export interface Phrase {
  key: MessageKey;
  subs: readonly Substitution[];
}

export const phrase = <K extends MessageKey>(key: K, ...subs: MessageArgs[K]): Phrase => ({ key, subs });

/** A failure a pure module found: an AppError's kind and extras, with a phrase where its message goes. */
export class Problem extends Error {
  readonly kind: ErrorKind;
  readonly phrase: Phrase;
  readonly retryAt?: number;
  readonly fieldErrors?: Record<string, string>;
  readonly status?: number;
  readonly signIn?: SignInFailure;

  constructor(kind: ErrorKind, said: Phrase, extra: Omit<ErrorData, 'kind' | 'message'> = {}) {
    super(said.key);
    this.name = 'Problem';
    this.kind = kind;
    this.phrase = said;
    if (extra.retryAt !== undefined) this.retryAt = extra.retryAt;
    if (extra.fieldErrors !== undefined) this.fieldErrors = extra.fieldErrors;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.signIn !== undefined) this.signIn = extra.signIn;
  }
}

export const problem = (kind: ErrorKind, said: Phrase, extra: Omit<ErrorData, 'kind' | 'message'> = {}) => new Problem(kind, said, extra);
