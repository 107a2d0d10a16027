import { AppError } from '@/lib/errors';
import { t } from '@/lib/i18n';

/** An error as the person should read it. */
export const messageOf = (e: unknown) => (e instanceof AppError ? e.message : t('errorGeneric'));

/** Clio's per-field messages of a refusal, under the form's own field names (those it has). */
export function fieldErrorsOf<F extends string>(e: unknown, fieldOf: Record<string, F>): Partial<Record<F, string>> {
  const mapped: Partial<Record<F, string>> = {};
  if (e instanceof AppError && e.fieldErrors) for (const [k, v] of Object.entries(e.fieldErrors)) if (fieldOf[k]) mapped[fieldOf[k]] = v;
  return mapped;
}
