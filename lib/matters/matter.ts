/**
 * The matter as the local index keeps it: a flat, camelCase projection of Clio's matter JSON
 * holding just what search, ranking and the result list need. Pure (no browser APIs).
 */
import type { MatterBase } from '@/lib/clio/schema.generated';

export type MatterStatus = 'Open' | 'Pending' | 'Closed';

export interface IndexedMatter {
  id: number;
  displayNumber: string;
  number: number | null;
  description: string;
  status: MatterStatus;
  clientId: number | null;
  clientName: string;
  responsibleAttorneyId: number | null;
  responsibleAttorneyName: string;
  practiceArea: string;
  /** ISO date (YYYY-MM-DD) as Clio sends it. */
  openDate: string | null;
  /** ISO date (YYYY-MM-DD) as Clio sends it. */
  lastActivityDate: string | null;
  /** ISO timestamp as Clio sends it (may carry an offset), '' if Clio sent none. */
  updatedAt: string;
}

/**
 * Version of the stored shape. Bump it whenever IndexedMatter or its mapping changes: stores
 * written under another version are cleared and a full sync rebuilds them.
 */
export const MATTER_FORMAT_VERSION = 1;

/** Clio `fields` parameter for the matter sync. */
export const MATTER_SYNC_FIELDS =
  'id,etag,number,display_number,description,status,open_date,last_activity_date,updated_at,client{id,name},responsible_attorney{id,name},practice_area{id,name}';

interface ClioRef {
  id?: number | null;
  name?: string | null;
}

/** A matter as GET /matters.json returns it with MATTER_SYNC_FIELDS (every key optional / nullable). */
export type ClioMatterJson = {
  [K in keyof Pick<MatterBase, 'id' | 'etag' | 'number' | 'display_number' | 'description' | 'status' | 'open_date' | 'last_activity_date' | 'updated_at'>]?:
    | MatterBase[K]
    | null;
} & {
  client?: ClioRef | null;
  responsible_attorney?: ClioRef | null;
  practice_area?: ClioRef | null;
};

const STATUSES: ReadonlySet<string> = new Set<MatterStatus>(['Open', 'Pending', 'Closed']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const intOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ref = (v: unknown): ClioRef | null => (v !== null && typeof v === 'object' ? (v as ClioRef) : null);

/** Maps Clio's snake_case matter JSON onto IndexedMatter; missing nested records become null / ''. */
export function fromClio(m: ClioMatterJson): IndexedMatter {
  const client = ref(m.client);
  const attorney = ref(m.responsible_attorney);
  const area = ref(m.practice_area);
  const status = str(m.status);
  const number = intOrNull(m.number);
  return {
    id: intOrNull(m.id) ?? 0,
    displayNumber: str(m.display_number) || (number === null ? '' : String(number)),
    number,
    description: str(m.description),
    status: STATUSES.has(status) ? (status as MatterStatus) : 'Open',
    clientId: intOrNull(client?.id),
    clientName: str(client?.name),
    responsibleAttorneyId: intOrNull(attorney?.id),
    responsibleAttorneyName: str(attorney?.name),
    practiceArea: str(area?.name),
    openDate: strOrNull(m.open_date),
    lastActivityDate: strOrNull(m.last_activity_date),
    updatedAt: str(m.updated_at),
  };
}

/** fromClio for untrusted page items: null unless it is an object with a positive integer id. */
export function parseClioMatter(x: unknown): IndexedMatter | null {
  if (x === null || typeof x !== 'object') return null;
  const id = (x as { id?: unknown }).id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  return fromClio(x as ClioMatterJson);
}
