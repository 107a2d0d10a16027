import { AppError } from '@/lib/errors';
import { t } from '@/lib/i18n';

/** An error as the person should read it. */
export const messageOf = (e: unknown) => (e instanceof AppError ? e.message : t('errorGeneric'));
