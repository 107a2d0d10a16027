/**
 * The local copy of Clio's medical records details (`GET /medical_records_details` cannot be filtered by matter):
 * each detail as a compact row, and how a page of Clio's answer folds into what is held. Pure.
 *
 * Like the matter index: a full pass (first, then daily) replaces the copy, so records deleted in Clio go; in between,
 * `updated_since` passes bring changed and new records, from the high-water mark of `updated_at` less a second.
 */

export type RequestStatus = 'not_yet_requested' | 'requested' | 'received' | 'incomplete' | 'certified';
export const REQUEST_STATUSES: readonly RequestStatus[] = ['not_yet_requested', 'requested', 'received', 'incomplete', 'certified'];
export type BalanceMark = 'lien' | 'outstanding_balance' | 'neither';
export const BALANCE_MARKS: readonly BalanceMark[] = ['lien', 'outstanding_balance', 'neither'];

/** A medical records detail as Clio sends it with MEDICAL_FIELDS (clio-injury.ts). */
export interface MedicalDetailJson {
  id: number;
  etag?: string;
  bills_status: RequestStatus | null;
  records_status: RequestStatus | null;
  in_treatment: boolean | null;
  updated_at: string;
  matter: { id: number } | null;
  medical_provider: { id: number; name: string } | null;
  medical_bills: Array<{
    id: number;
    name: string | null;
    amount: number | null;
    adjustment: number | null;
    document_id?: number | null;
    created_at?: string;
  }> | null;
}

export interface MedicalBillRow {
  id: number;
  name: string;
  amount: number;
  adjustment: number;
  documentId: number | null;
}

export interface MedicalRow {
  id: number;
  etag: string;
  matterId: number;
  provider: { id: number; name: string } | null;
  billsStatus: RequestStatus | null;
  recordsStatus: RequestStatus | null;
  inTreatment: boolean;
  updatedAt: string;
  bills: MedicalBillRow[];
}

export interface MedicalCopy {
  /** Rows by id (as a string: a stored object's keys). */
  rows: Record<string, MedicalRow>;
  /** The newest `updated_at` held (ISO), the next pass's `updated_since` less the overlap. */
  highWater: string | null;
  /** When the last full pass ended (epoch ms); 0: never. */
  fullAt: number;
}

export const EMPTY_MEDICAL: MedicalCopy = { rows: {}, highWater: null, fullAt: 0 };
export const MEDICAL_FULL_EVERY_MS = 24 * 3_600_000;
export const MEDICAL_OVERLAP_MS = 1_000;

const money = (n: number | null | undefined): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

/** A detail as kept; null for one without a matter (nothing to show it on). */
export function rowOf(j: MedicalDetailJson): MedicalRow | null {
  if (!j.matter) return null;
  return {
    id: j.id,
    etag: j.etag ?? '',
    matterId: j.matter.id,
    provider: j.medical_provider ? { id: j.medical_provider.id, name: j.medical_provider.name } : null,
    billsStatus: j.bills_status,
    recordsStatus: j.records_status,
    inTreatment: !!j.in_treatment,
    updatedAt: j.updated_at,
    bills: (j.medical_bills ?? []).map((b) => ({
      id: b.id,
      name: b.name ?? '',
      amount: money(b.amount),
      adjustment: money(b.adjustment),
      documentId: b.document_id ?? null,
    })),
  };
}

/** The `updated_since` of the next pass, or null for a full one (none yet, or the last is a day old). */
export function nextSince(copy: MedicalCopy, now: number): string | null {
  if (!copy.fullAt || now - copy.fullAt >= MEDICAL_FULL_EVERY_MS || !copy.highWater) return null;
  return new Date(Date.parse(copy.highWater) - MEDICAL_OVERLAP_MS).toISOString();
}

/**
 * What is held after a pass that fetched `fetched`: a full pass (`full`) keeps only what it fetched; an incremental
 * one replaces the rows it fetched and keeps the rest. A record that lost its matter is dropped.
 */
export function mergeMedical(held: MedicalCopy, fetched: readonly MedicalDetailJson[], full: boolean, now: number): MedicalCopy {
  const rows: Record<string, MedicalRow> = full ? {} : { ...held.rows };
  let highWater = full ? null : held.highWater;
  for (const j of fetched) {
    const row = rowOf(j);
    if (row) rows[String(j.id)] = row;
    else delete rows[String(j.id)];
    if (j.updated_at && (!highWater || Date.parse(j.updated_at) > Date.parse(highWater))) highWater = j.updated_at;
  }
  return { rows, highWater, fullAt: full ? now : held.fullAt };
}

/** Does the copy hold every fetched detail as it is (same ETag and `updated_at`)? */
export const heldAlready = (held: MedicalCopy, fetched: readonly MedicalDetailJson[]): boolean =>
  fetched.every((j) => {
    const row = held.rows[String(j.id)];
    return !!row && row.etag === (j.etag ?? '') && row.updatedAt === j.updated_at;
  });

/** One matter's details, by provider name. */
export const rowsOfMatter = (copy: MedicalCopy, matterId: number): MedicalRow[] =>
  Object.values(copy.rows)
    .filter((r) => r.matterId === matterId)
    .sort((a, b) => (a.provider?.name ?? '').localeCompare(b.provider?.name ?? '') || a.id - b.id);

/** The providers the copy knows (any matter), by name: the form offers them first. */
export function knownProviders(copy: MedicalCopy): Array<{ id: number; name: string }> {
  const byId = new Map<number, string>();
  for (const r of Object.values(copy.rows)) if (r.provider) byId.set(r.provider.id, r.provider.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
