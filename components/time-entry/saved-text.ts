/** The sentence for time Clio saved, with Clio's own rounded figure when it differs (Clio rounds; we never do). */
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { formatDuration } from '@/lib/duration-format';
import { t } from '@/lib/i18n';

export function savedText(seconds: number, saved: Pick<ActivityJson, 'quantity' | 'rounded_quantity'> | undefined, where: string): string {
  return saved && saved.rounded_quantity !== saved.quantity
    ? t('savedTimeRounded', formatDuration(seconds), formatDuration(saved.rounded_quantity), where)
    : t('savedTime', formatDuration(seconds), where);
}
