/**
 * What the deadline dialog offers: the firm's users (a task's assignee) and the user's own writable calendar
 * (where a calendar entry goes). They change rarely: kept a day in storage, as the Activity list is, so opening the
 * dialog asks Clio nothing; the background freshens them ahead of that day's end (with its periodic sync).
 */
import type { ClioClient } from '../clio/client';
import { defineItem } from '../storage/item';

export interface PersonJson {
  id: number;
  name: string;
}

export interface DeadlineSetup {
  users: PersonJson[];
  /** The user's own calendar, which they may write to; null when Clio shows none. */
  calendar: PersonJson | null;
}

interface CalendarJson {
  id: number;
  name: string;
  type: string;
  permission: string;
}

async function deadlineSetup(client: ClioClient): Promise<DeadlineSetup> {
  const [users, calendars] = await Promise.all([
    client.get<Array<PersonJson & { enabled?: boolean }>>('/users.json', { fields: 'id,name,enabled', query: { limit: 200 }, revalidate: true }),
    client.get<CalendarJson[]>('/calendars.json', {
      fields: 'id,name,type,permission',
      query: { owner: true, writeable: true, type: 'UserCalendar', limit: 200 },
      revalidate: true,
    }),
  ]);
  const own = calendars.find((c) => c.type === 'UserCalendar' && c.permission === 'owner');
  return {
    users: users.filter((u) => u.enabled !== false).map(({ id, name }) => ({ id, name })),
    calendar: own ? { id: own.id, name: own.name } : null,
  };
}

const DAY_MS = 24 * 3600_000;
/** Written by the background only; another user (perhaps of another firm) starts without it. */
const item = defineItem<({ fetchedAt: number } & DeadlineSetup) | null>('local:deadline-setup', { fallback: null, perUser: 'reset' });

export async function deadlineSetupCached(client: ClioClient, maxAgeMs = DAY_MS, now = Date.now()): Promise<DeadlineSetup> {
  const cached = await item.getValue();
  if (cached && now - cached.fetchedAt < maxAgeMs) return { users: cached.users, calendar: cached.calendar };
  const setup = await deadlineSetup(client);
  await item.setValue({ fetchedAt: now, ...setup });
  return setup;
}
