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
  /** The matter's `client_reference` (the client's own reference for it), '' if none. */
  clientReference: string;
  /** The client's primary and secondary email addresses, as Clio sends them (none known: []). */
  clientEmails: string[];
  /** The client's primary and secondary phone numbers, as Clio sends them (none known: []). */
  clientPhones: string[];
  /** The ISO 4217 code of the matter's currency (`currency{code}`), '' when Clio sent none (or before format 4). */
  currency: string;
}

/** What a list of matters shows (search results, pickers, the omnibox): a matter's row. */
export type MatterRow = Pick<IndexedMatter, 'id' | 'displayNumber' | 'description' | 'clientName' | 'status'>;

/** A matter's row. */
export const rowOf = (m: MatterRow): MatterRow => ({
  id: m.id,
  displayNumber: m.displayNumber,
  description: m.description,
  clientName: m.clientName,
  status: m.status,
});

/**
 * Version of the stored shape. Bump it whenever IndexedMatter or its mapping changes, and give the
 * matter store an upgrade step from the version before (matter-store-upgrade.ts); a version without
 * one is cleared and a full sync rebuilds it. 2: the client's emails and phones, the client reference.
 * 3: the same, stored smaller (matter-record.ts, key-buckets.ts). 4: the matter's currency.
 */
export const MATTER_FORMAT_VERSION = 4;

/** The client's fields the sync asks for, nested in the matter (no request of their own). */
const CLIENT_FIELDS = 'id,name,primary_email_address,secondary_email_address,primary_phone_number,secondary_phone_number';

/** Clio `fields` parameter for the matter sync. */
export const MATTER_SYNC_FIELDS = `id,etag,number,display_number,description,status,client_reference,open_date,last_activity_date,updated_at,client{${CLIENT_FIELDS}},responsible_attorney{id,name},practice_area{id,name},currency{code}`;

interface ClioRef {
  id?: number | null;
  name?: string | null;
}

interface ClioClientRef extends ClioRef {
  primary_email_address?: string | null;
  secondary_email_address?: string | null;
  primary_phone_number?: string | null;
  secondary_phone_number?: string | null;
}

/** A matter as GET /matters.json returns it with MATTER_SYNC_FIELDS (every key optional / nullable). */
export type ClioMatterJson = {
  [K in keyof Pick<
    MatterBase,
    'id' | 'etag' | 'number' | 'display_number' | 'description' | 'status' | 'client_reference' | 'open_date' | 'last_activity_date' | 'updated_at'
  >]?: MatterBase[K] | null;
} & {
  client?: ClioClientRef | null;
  responsible_attorney?: ClioRef | null;
  practice_area?: ClioRef | null;
  currency?: { code?: string | null } | null;
};

const STATUSES: ReadonlySet<string> = new Set<MatterStatus>(['Open', 'Pending', 'Closed']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const intOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ref = (v: unknown): ClioRef | null => (v !== null && typeof v === 'object' ? (v as ClioRef) : null);
/** The non-empty strings among these, each once, in order. */
const present = (...vs: unknown[]): string[] => [...new Set(vs.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()))];

/** Maps Clio's snake_case matter JSON onto IndexedMatter; missing nested records become null / ''. */
export function fromClio(m: ClioMatterJson): IndexedMatter {
  const client = ref(m.client) as ClioClientRef | null;
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
    clientReference: str(m.client_reference).trim(),
    clientEmails: present(client?.primary_email_address, client?.secondary_email_address),
    clientPhones: present(client?.primary_phone_number, client?.secondary_phone_number),
    currency: str(m.currency?.code),
  };
}

/** fromClio for untrusted page items: null unless it is an object with a positive integer id. */
export function parseClioMatter(x: unknown): IndexedMatter | null {
  if (x === null || typeof x !== 'object') return null;
  const id = (x as { id?: unknown }).id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  return fromClio(x as ClioMatterJson);
}
