/** "Today" in the user's Clio time zone. Clio may name zones the Rails way ("Eastern Time (US & Canada)"). Pure. */
const RAILS_ZONES: Record<string, string> = {
  'Eastern Time (US & Canada)': 'America/New_York',
  'Central Time (US & Canada)': 'America/Chicago',
  'Mountain Time (US & Canada)': 'America/Denver',
  Arizona: 'America/Phoenix',
  'Pacific Time (US & Canada)': 'America/Los_Angeles',
  Alaska: 'America/Juneau',
  Hawaii: 'Pacific/Honolulu',
  'Atlantic Time (Canada)': 'America/Halifax',
  Newfoundland: 'America/St_Johns',
  Saskatchewan: 'America/Regina',
  London: 'Europe/London',
  Dublin: 'Europe/Dublin',
  Edinburgh: 'Europe/London',
  Paris: 'Europe/Paris',
  Berlin: 'Europe/Berlin',
  Amsterdam: 'Europe/Amsterdam',
  Madrid: 'Europe/Madrid',
  Sydney: 'Australia/Sydney',
  Melbourne: 'Australia/Melbourne',
  Brisbane: 'Australia/Brisbane',
  Perth: 'Australia/Perth',
  Adelaide: 'Australia/Adelaide',
  UTC: 'UTC',
};

export function ianaZone(clioZone: string | undefined): string | undefined {
  if (!clioZone) return undefined;
  const zone = RAILS_ZONES[clioZone] ?? clioZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** YYYY-MM-DD of `now` in the zone (the browser's own zone when unknown). */
export function isoDateIn(now: number, clioZone?: string): string {
  const zone = ianaZone(clioZone);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The wall clock at the instant `ms` in an IANA zone (the browser's own when undefined): `date` YYYY-MM-DD, `time` HH:MM:SS. */
export function wallClockIn(ms: number, zone: string | undefined): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}:${get('second')}` };
}

/** Minutes the zone is ahead of UTC at the instant `ms`. */
function offsetMinutes(ms: number, zone: string | undefined): number {
  const { date, time } = wallClockIn(ms, zone);
  return Math.round((Date.parse(`${date}T${time}Z`) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The wall-clock `date` (YYYY-MM-DD) and `time` (HH:MM) in the user's Clio zone as ISO-8601 with that zone's offset
 * ("2027-01-05T10:00:00-05:00"), what Clio takes for a calendar entry's start and end.
 */
export function isoDateTimeIn(date: string, time: string, clioZone?: string): string {
  const zone = ianaZone(clioZone);
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  // The offset at the wall time read as UTC, then at the instant that gives (right across a DST change).
  const first = offsetMinutes(wall, zone);
  const offset = offsetMinutes(wall - first * 60_000, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
