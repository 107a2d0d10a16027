/**
 * Durations as the extension shows them: in words, as a running clock, on the badge. Pure.
 * The unit symbols (h, min, s) are written the same in English and in (Canadian) French: not messages.
 */

/** "1 h 30 min", "45 min", "2 h", "30 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (rest || parts.length === 0) parts.push(`${rest} s`);
  return parts.join(' ');
}

/** A running timer as H:MM:SS. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A running timer on the toolbar badge in tenths of an hour, as lawyers bill: "0.1h" from the start to 6 min (the
 * badge is painted at the start and then every half minute), "1.3h" (each started tenth counts, as Clio's 6-minute
 * rounding does), "12.4" from 10 h (4 characters fit); with the locale's decimal mark ("1,3h" in French).
 */
export function formatBadgeHours(ms: number, mark: '.' | ',' = '.'): string {
  const tenths = Math.max(1, Math.ceil(Math.max(0, Math.floor(ms / 1000)) / 360));
  const hours = `${Math.floor(tenths / 10)}${mark}${tenths % 10}`;
  return tenths >= 100 ? hours : `${hours}h`;
}

/** A running timer on the toolbar badge: H:MM (at most 4 characters fit, so 10 h and more show as e.g. "12h"). */
export function formatBadge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  if (h >= 10) return `${h}h`;
  return `${h}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}
