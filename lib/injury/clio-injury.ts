/**
 * Clio's personal-injury calls: damages (`POST /damages`, and the look for one an interrupted send made) and medical
 * records details (the list's pages for the local copy, a create with its first bill, a PATCH adding a bill, and the
 * look before a resend). Neither list can be filtered by matter; both take `created_since`.
 */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import { CLOCK_SLACK_MS } from '../outbox/outbox';
import type { BalanceMark, MedicalDetailJson, RequestStatus } from './medical-records';

export type DamageType = 'special' | 'general' | 'other';
export const DAMAGE_TYPES: readonly DamageType[] = ['special', 'general', 'other'];

export interface DamageJson {
  id: number;
  amount: number;
  damage_type: DamageType;
  description: string;
  created_at?: string;
}

export interface NewDamage {
  matterId: number;
  damageType: DamageType;
  description: string;
  amount: number;
}

const DAMAGE_FIELDS = 'id,amount,damage_type,description,created_at';
const DAMAGE_INPUTS = ['amount', 'damage_type', 'description', 'matter_id'] as const;

export async function createDamage(client: ClioClient, d: NewDamage): Promise<DamageJson> {
  const data = { amount: d.amount, damage_type: d.damageType, description: d.description, matter_id: d.matterId };
  return (await client.post<DamageJson>('/damages.json', { data }, { fields: DAMAGE_FIELDS, inputFields: DAMAGE_INPUTS })).data;
}

/** A damage an interrupted send made: same type, amount and description (and matter), made since the entry. */
export async function findDamage(client: ClioClient, d: NewDamage, createdAfter: number, claimed: ReadonlySet<unknown>): Promise<DamageJson | null> {
  const found = await client.get<Array<DamageJson & { matter?: { id: number } | null }>>('/damages.json', {
    fields: `${DAMAGE_FIELDS},matter{id}`,
    query: { created_since: new Date(createdAfter - CLOCK_SLACK_MS).toISOString(), limit: 200 },
    priority: 'background',
  });
  return (
    found.find(
      (x) =>
        !claimed.has(x.id) &&
        x.damage_type === d.damageType &&
        x.amount === d.amount &&
        x.description === d.description &&
        (!x.matter || x.matter.id === d.matterId),
    ) ?? null
  );
}

/** What the local copy keeps of each detail: its matter, provider, statuses and bills (no `balance`: see medical-records.ts). */
export const MEDICAL_FIELDS = fields(['id', 'etag', 'bills_status', 'records_status', 'in_treatment', 'updated_at'], {
  matter: ['id'],
  medical_provider: ['id', 'name'],
  medical_bills: ['id', 'name', 'amount', 'adjustment', 'document_id', 'created_at'],
});

/** Every detail (or those updated since `since`), page by page. */
export async function allMedicalDetails(client: ClioClient, since: string | null): Promise<MedicalDetailJson[]> {
  const out: MedicalDetailJson[] = [];
  for await (const page of client.pages<MedicalDetailJson>('/medical_records_details.json', {
    fields: MEDICAL_FIELDS,
    query: { limit: 200, ...(since ? { updated_since: since } : {}) },
  }))
    out.push(...page);
  return out;
}

export interface NewBill {
  name: string;
  amount: number;
  adjustment: number;
  balance: number;
  markBalanceAs: BalanceMark;
  documentId?: number;
}

export interface DetailStatus {
  billsStatus: RequestStatus;
  recordsStatus: RequestStatus;
  inTreatment: boolean;
}

const BILL_INPUTS = ['medical_provider_id', 'bills_status', 'records_status', 'in_treatment', 'matter_id', 'medical_bills'] as const;

const billBody = (b: NewBill) => ({
  name: b.name,
  amount: b.amount,
  adjustment: b.adjustment,
  balance: b.balance,
  mark_balance_type_as: b.markBalanceAs,
  ...(b.documentId ? { document_id: b.documentId } : {}),
});

/** A new detail for the provider on the matter, holding the bill (and the bill's PDF as a medical record). */
export async function createMedicalDetail(
  client: ClioClient,
  d: { matterId: number; providerId: number; status: DetailStatus; bill: NewBill },
): Promise<MedicalDetailJson> {
  const data = {
    medical_provider_id: d.providerId,
    bills_status: d.status.billsStatus,
    records_status: d.status.recordsStatus,
    in_treatment: d.status.inTreatment,
    matter_id: d.matterId,
    medical_bills: [billBody(d.bill)],
  };
  return (await client.post<MedicalDetailJson>('/medical_records_details.json', { data }, { fields: MEDICAL_FIELDS, inputFields: BILL_INPUTS })).data;
}

/**
 * The bill added to an existing detail (a bill without an id is a new one), its statuses set as chosen, only if the
 * detail is as `etag` says: the rate limiter resends a dropped PATCH by itself (it takes PATCH as idempotent), and
 * adding a bill is not, so a resend after one that reached Clio is refused (412) instead of adding the bill twice.
 */
export async function addMedicalBill(client: ClioClient, detailId: number, etag: string, status: DetailStatus, bill: NewBill): Promise<MedicalDetailJson> {
  const data = {
    bills_status: status.billsStatus,
    records_status: status.recordsStatus,
    in_treatment: status.inTreatment,
    medical_bills: [billBody(bill)],
  };
  const path = `/medical_records_details/${detailId}.json`;
  return (await client.patch<MedicalDetailJson>(path, { data }, { fields: MEDICAL_FIELDS, inputFields: BILL_INPUTS, ifMatch: etag })).data;
}

/** A detail's ETag now. */
export async function medicalDetailEtag(client: ClioClient, detailId: number): Promise<string> {
  return (await client.get<{ etag: string }>(`/medical_records_details/${detailId}.json`, { fields: 'id,etag' })).etag;
}

/**
 * The detail an interrupted send of this bill made or changed: on the matter, with the provider, holding a bill of
 * that name and amount created since the entry (details have no external properties), and not one another entry claimed.
 */
export async function findMedicalBill(
  client: ClioClient,
  want: { matterId: number; providerId: number; detailId?: number; bill: NewBill },
  createdAfter: number,
  claimed: ReadonlySet<unknown>,
): Promise<MedicalDetailJson | null> {
  const since = createdAfter - CLOCK_SLACK_MS;
  const query = want.detailId ? { 'ids[]': [want.detailId] } : { created_since: new Date(since).toISOString(), limit: 200 };
  const found = await client.get<MedicalDetailJson[]>('/medical_records_details.json', { fields: MEDICAL_FIELDS, query, priority: 'background' });

  return (
    found.find(
      (d) =>
        (want.detailId ? true : !claimed.has(d.id)) &&
        d.matter?.id === want.matterId &&
        d.medical_provider?.id === want.providerId &&
        (d.medical_bills ?? []).some((b) => b.name === want.bill.name && b.amount === want.bill.amount && (!b.created_at || Date.parse(b.created_at) >= since)),
    ) ?? null
  );
}
