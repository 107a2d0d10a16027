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
