/**
 * Clio's billed figure beside what was typed or timed: Clio rounds a time entry by the firm's billing settings
 * (`rounded_quantity`, seconds) and bills that. Shown in hours where the firm's unit is a hundredth of an hour or
 * coarser (0.1 h, 0.25 h), else in minutes. We never round: Clio does. Pure.
 */
import { formatDuration } from '../duration-format';

/** 36 s is 0.01 h: a rounded figure in such steps reads exactly in hours with at most two decimals. */
const HUNDREDTH_HOUR_S = 36;

/** "0.1 h", "1.25 h" (the locale's decimal mark); "5 min" where hours would not be exact. */
export function formatBilled(roundedSeconds: number, locale?: string): string {
  const s = Math.max(0, Math.round(roundedSeconds));
  if (s % HUNDREDTH_HOUR_S !== 0) return formatDuration(s);
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(s / 3600)} h`;
}

/** What Clio bills, when it differs from what was recorded; null when Clio bills the time as it is. */
export function billedIfRounded(a: { quantity: number; rounded_quantity?: number | null }, locale?: string): string | null {
  const r = a.rounded_quantity;
  return typeof r === 'number' && Math.round(r) !== Math.round(a.quantity) ? formatBilled(r, locale) : null;
}
