/** The sentence for time Clio saved, with Clio's own rounded figure when it differs (Clio rounds; we never do). */
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { formatDuration } from '@/lib/duration-format';

export function savedText(seconds: number, saved: Pick<ActivityJson, 'quantity' | 'rounded_quantity'> | undefined, where: string): string {
  const rounded = saved && saved.rounded_quantity !== saved.quantity ? ` (Clio bills ${formatDuration(saved.rounded_quantity)})` : '';
  return `Saved ${formatDuration(seconds)}${rounded} to ${where}.`;
}
