/** The sentence for time Clio saved, with what Clio bills beside it when the firm's rounding changes it (Clio rounds; we never do). */
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { billedIfRounded } from '@/lib/time-entries/billed';
import { formatDuration } from '@/lib/duration-format';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/lib/ui-locale';

export function savedText(seconds: number, saved: Pick<ActivityJson, 'quantity' | 'rounded_quantity'> | undefined, where: string): string {
  const billed = saved ? billedIfRounded(saved, uiLocale()) : null;
  return billed ? t('savedTimeRounded', formatDuration(seconds), billed, where) : t('savedTime', formatDuration(seconds), where);
}
