/** Messages `time-entries/…`: saving time (through the outbox), today's entries, editing one in place. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const timeEntryMessages = ({ timeEntries }: Services): FamilyHandlers<'time-entries'> => ({
  'time-entries/save': ({ key, ...entry }) => timeEntries.save(entry, key),
  'time-entries/today': () => timeEntries.today(),
  'time-entries/split': (req) => timeEntries.split(req),
  'time-entries/week': () => timeEntries.earlierThisWeek(),
  'time-entries/update': ({ id, etag, seconds, note }) =>
    timeEntries.update(id, etag, { ...(seconds !== undefined ? { seconds } : {}), ...(note !== undefined ? { note } : {}) }),
});
