/**
 * Clio calendar entries: creating one in the user's own calendar (carrying the outbox entry's id as an external
 * property), finding it again by that property before a resend, and a matter's next ones.
 */
import type { ClioClient } from '../clio/client';
import { ENTRY_PROPERTY } from '../clio/entry-property';
import { fields } from '../clio/url';

export interface CalendarEntryJson {
  /** A string in Clio's spec (a recurring entry's occurrences have composite ids). */
  id: string | number;
  summary: string;
  start_at: string;
  end_at: string;
  all_day: boolean;
  location?: string | null;
}

const ENTRY_FIELDS = fields(['id', 'summary', 'start_at', 'end_at', 'all_day', 'location']);

/** Fields of a calendar entry a 422 may name, to show its message at the right input. */
export const CALENDAR_ENTRY_INPUTS = ['summary', 'description', 'start_at', 'end_at', 'all_day', 'location', 'calendar_owner', 'matter'] as const;

export interface NewCalendarEntry {
  matterId: number;
  calendarId: number;
  summary: string;
  description: string;
  location: string;
  /** ISO-8601 with the user's offset ("2027-01-05T10:00:00-05:00"). */
  startAt: string;
  endAt: string;
  allDay: boolean;
  /** The outbox entry's id, kept as an external property. */
  entryId: string;
}

export async function createCalendarEntry(client: ClioClient, e: NewCalendarEntry): Promise<CalendarEntryJson> {
  const data = {
    summary: e.summary,
    description: e.description,
    ...(e.location ? { location: e.location } : {}),
    start_at: e.startAt,
    end_at: e.endAt,
    all_day: e.allDay,
    calendar_owner: { id: e.calendarId },
    matter: { id: e.matterId },
    external_properties: [{ name: ENTRY_PROPERTY, value: e.entryId }],
  };
  return (await client.post<CalendarEntryJson>('/calendar_entries.json', { data }, { fields: ENTRY_FIELDS, inputFields: CALENDAR_ENTRY_INPUTS })).data;
}

/** The calendar entry the outbox entry `entryId` made, if Clio has it. */
export async function findCalendarEntryOfEntry(client: ClioClient, entryId: string): Promise<CalendarEntryJson | null> {
  const found = await client.get<CalendarEntryJson[]>('/calendar_entries.json', {
    fields: ENTRY_FIELDS,
    query: { external_property_name: ENTRY_PROPERTY, external_property_value: entryId, limit: 1 },
    priority: 'background',
  });
  return found[0] ?? null;
}

/**
 * A matter's next calendar entries, from `from` on, soonest first. Clio's list takes no `order`: one page of
 * those still to come is asked for (200, one request) and sorted here.
 */
export async function nextCalendarEntries(client: ClioClient, matterId: number, from: string, limit: number): Promise<CalendarEntryJson[]> {
  const found = await client.get<CalendarEntryJson[]>('/calendar_entries.json', { fields: ENTRY_FIELDS, query: { matter_id: matterId, from, limit: 200 } });
  return [...found].sort((a, b) => Date.parse(a.start_at) - Date.parse(b.start_at)).slice(0, limit);
}
