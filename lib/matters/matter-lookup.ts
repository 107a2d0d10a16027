/**
 * The one rule for answering a matter lookup, used by the background and by the side panel's own
 * copy of the index: once the first full sync is done the local index answers; until then, Clio's
 * search does. Pure.
 */
import type { MatterJson } from './clio-matters';
import type { IndexedMatter, MatterStatus } from './matter';
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
export function searchIndex(index: MatterIndex, query: string, o: MatterLookup, me: number | null): IndexedMatter[] {
  return index.search(query, {
    limit: o.limit ?? DEFAULT_LOOKUP_LIMIT,
    statuses: o.statuses ?? DEFAULT_STATUSES,
    responsibleAttorneyId: o.mine ? me : null,
  });
}

/** A matter from Clio's search, shaped as the index holds matters. */
export function fromClioMatter(m: MatterJson): IndexedMatter {
  return {
    id: m.id,
    displayNumber: m.display_number,
    number: null,
    description: m.description,
    status: m.status,
    clientId: m.client?.id ?? null,
    clientName: m.client?.name ?? '',
    responsibleAttorneyId: null,
    responsibleAttorneyName: '',
    practiceArea: '',
    openDate: null,
    lastActivityDate: null,
    updatedAt: '',
  };
}
