/**
 * Durations as people type them into a time entry (how they are shown: duration-format.ts). Pure.
 * A bare number is hours (`1.5`, `.25`, `1,5`); `1:30` is hours and minutes; units may be mixed
 * (`1h30m`, `1h 30m`, `90 min`, `2 hrs`, `1h30`). What is wrong with an input is a phrase, said by the form.
 */
import { formatDuration } from './duration-format';
import { type Phrase, phrase } from './phrase';

export { formatBadge, formatClock, formatDuration } from './duration-format';

export type DurationResult = { ok: true; seconds: number; text: string } | { ok: false; error: Phrase };

export const MAX_SECONDS = 24 * 3600;

const HOUR = /^(?:h|hr|hrs|hour|hours)$/;
const MINUTE = /^(?:m|min|mins|minute|minutes)$/;
const SECOND = /^(?:s|sec|secs|second|seconds)$/;

const num = (s: string) => Number(s.replace(',', '.'));

function parseSeconds(input: string): number | null {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  // 1:30 or 1:30:15
  const clock = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  // 1.5, .25, 1,5 (hours)
  if (/^(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(s)) return num(s) * 3600;
  // 1h30m, 1h 30m, 90 min, 1.5h, 1h30: number-unit pairs that must use up the whole input
  const token = /\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)\s*/y;
  const parts: RegExpExecArray[] = [];
  for (let pos = 0; pos < s.length; pos = token.lastIndex) {
    token.lastIndex = pos;
    const m = token.exec(s);
    if (!m) return null;
    parts.push(m);
  }
  let total = 0;
  let last: 'h' | 'm' | 's' | null = null;
  for (const [, value, unit] of parts) {
    const v = num(value!);
    if (HOUR.test(unit!)) {
      if (last) return null;
      total += v * 3600;
      last = 'h';
    } else if (MINUTE.test(unit!)) {
      if (last === 'm' || last === 's') return null;
      total += v * 60;
      last = 'm';
    } else if (SECOND.test(unit!)) {
      if (last === 's') return null;
      total += v;
      last = 's';
    } else if (unit === '' && last === 'h') {
      total += v * 60; // "1h30": the number after hours is minutes
      last = 'm';
    } else return null;
  }
  return total;
}

export function parseDuration(input: string): DurationResult {
  if (!input.trim()) return { ok: false, error: phrase('durationEmpty') };
  if (/^\s*-/.test(input)) return { ok: false, error: phrase('durationNotPositive') };
  const raw = parseSeconds(input);
  if (raw === null || !Number.isFinite(raw)) return { ok: false, error: phrase('durationInvalid', input.trim().slice(0, 20)) };
  const seconds = Math.round(raw);
  if (seconds <= 0) return { ok: false, error: phrase('durationNotPositive') };
  if (seconds > MAX_SECONDS) {
    const minutesMeant = /^\s*\d+\s*$/.test(input) && Number(input) <= 24 * 60;
    return { ok: false, error: minutesMeant ? phrase('durationTooLongMinutes', input.trim()) : phrase('durationTooLong') };
  }
  return { ok: true, seconds, text: formatDuration(seconds) };
}
