/**
 * The one rule for answering a matter lookup, used by the background and by the side panel's own
 * copy of the index: once the first full sync is done the local index answers; until then, Clio's
 * search does. Pure.
 */
import type { MatterJson } from './clio-matters';
import type { MatterRow, MatterStatus } from './matter';
import type { MatterIndex } from './search';

export interface MatterLookup {
  statuses?: MatterStatus[];
  /** Only matters whose responsible attorney is the signed-in user. */
  mine?: boolean;
  limit?: number;
}

export const DEFAULT_LOOKUP_LIMIT = 20;
export const DEFAULT_STATUSES: MatterStatus[] = ['Open', 'Pending'];

/** Does the local index answer lookups yet (the first full sync is done)? */
export const indexAnswers = (status: { ready: boolean } | undefined): boolean => !!status?.ready;

/** A lookup answered from the local index; `me` is the signed-in user (for "My matters"). */
export function searchIndex(index: Pick<MatterIndex, 'search'>, query: string, o: MatterLookup, me: number | null): MatterRow[] {
  return index.search(query, {
    limit: o.limit ?? DEFAULT_LOOKUP_LIMIT,
    statuses: o.statuses ?? DEFAULT_STATUSES,
    responsibleAttorneyId: o.mine ? me : null,
  });
}

/** A matter from Clio's search, as a row of the index. */
export function fromClioMatter(m: MatterJson): MatterRow {
  return { id: m.id, displayNumber: m.display_number, description: m.description, status: m.status, clientName: m.client?.name ?? '' };
}
