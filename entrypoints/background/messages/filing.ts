/**
 * Messages `filing/…`: filing what the "Save to Clio" dialog or the side panel's "Add note" chose (through the
 * outbox), and a matter's newest notes, communications and documents.
 *
 * Following what was filed: `filing/save` answers at once with an outbox entry id per part (`entries`); the dialog
 * asks `filing/progress` for them while it waits (a frame over a page does not hear storage changes in Firefox). Other
 * surfaces may follow those entries in the outbox's view (`outboxViewItem`, `session:outbox-view`: state pending / sending /
 * uncertain / sent / failed, `lastError` with Clio's words or, for a document waiting for an upload origin,
 * kind `needs-permission` and the origin to allow, and once sent `result`: a document `{id, name}`, a
 * communication `{id, timeEntryId?, unmatched}`, a note Clio's note) and a document's upload in
 * `uploadProgressItem` (`session:filing-progress`, by entry id: bytes sent of the total). Retry and discard are
 * `outbox/retry` and `outbox/discard`.
 */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const filingMessages = ({ filing }: Services): FamilyHandlers<'filing'> => ({
  'filing/save': (request) => filing.save(request),
  'filing/progress': ({ entries }) => filing.progress(Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string').slice(0, 10) : []),
  'filing/recent': ({ matterId, kind }) => filing.recent(matterId, kind),
});
