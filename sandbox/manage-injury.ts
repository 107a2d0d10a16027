/**
 * Damages and medical records details (with their medical bills and medical records), as the spec describes their
 * bodies: `POST /damages` needs `amount`, `damage_type` (special, general, other), `description` and `matter_id`;
 * `POST /medical_records_details` needs `medical_provider_id` (a contact), `bills_status`, `records_status`,
 * `in_treatment` and `matter_id`, and may carry `medical_bills` (each with `name`, `amount`, `adjustment`, `balance`,
 * `mark_balance_type_as`) and `medical_records` (each with a `document_id`). A PATCH's `medical_bills` items without
 * an `id` are added to the record, with one they change that bill (Rails' nested attributes, which Clio's API follows).
 * Keys the spec does not name are refused (422), so a test sees a body that strays from it. Neither list can be
 * filtered by matter: the spec gives them ids[], created_since, updated_since (and treatment dates) only.
 */
import { isRecord, type Reply } from './http-utils';
import { invalid } from './manage-checks';
import { checkIfMatch, commonFilters, dataOf, list, notFound, single, type ManageCtx } from './manage-common';
import { BALANCE_MARKS, DAMAGE_TYPES, type MedicalBillRecord, type MedicalDetailRecord, type MedicalRecordRecord, REQUEST_STATUSES } from './injury-model';
import { touch } from './model';

type Data = Record<string, unknown>;

function onlyKeys(data: Data, allowed: readonly string[], what: string): void {
  for (const k of Object.keys(data)) if (!allowed.includes(k)) throw invalid(`${what}: unknown attribute ${k}`);
}

function number(data: Data, key: string, required: boolean): number | undefined {
  const v = data[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`${key} must be a number`);
  return v;
}

function oneOf<T extends string>(data: Data, key: string, allowed: readonly T[], required: boolean): T | undefined {
  const v = data[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw invalid(`${key} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function bool(data: Data, key: string, required: boolean): boolean | undefined {
  const v = data[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'boolean') throw invalid(`${key} must be true or false`);
  return v;
}

function text(data: Data, key: string, required: boolean): string | undefined {
  const v = data[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(`${key} must be a string`);
  return v;
}

function date(data: Data, key: string): string | null {
  const v = text(data, key, false);
  if (v === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v))) throw invalid(`${key} must be an ISO-8601 date`);
  return v;
}

function matterOf(ctx: ManageCtx, data: Data): number {
  const id = number(data, 'matter_id', true)!;
  if (!Number.isInteger(id) || !ctx.db.matters.has(id)) throw invalid(`Validation failed: Matter ${id} does not exist`);
  return id;
}

function documentOf(ctx: ManageCtx, data: Data, required: boolean): number | null {
  const id = number(data, 'document_id', required);
  if (id === undefined) return null;
  if (!Number.isInteger(id) || !ctx.state.filing.documents.has(id)) throw invalid(`Validation failed: Document ${id} does not exist`);
  return id;
}

// Damages

export function createDamage(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  onlyKeys(data, ['amount', 'damage_type', 'description', 'matter_id'], 'Damage');
  const amount = number(data, 'amount', true)!;
  const damageType = oneOf(data, 'damage_type', DAMAGE_TYPES, true)!;
  const description = text(data, 'description', true)!;
  if (!description.trim()) throw invalid("Validation failed: Description can't be blank");
  const matterId = matterOf(ctx, data);
  const { injury } = ctx.state;
  const d = { id: injury.nextId.damage++, amount, damageType, description, matterId, createdAt: ctx.now, updatedAt: ctx.now, rev: 0 };
  injury.damages.set(d.id, d);
  return single(ctx, 'damage', d, { status: 201 });
}

export function showDamage(ctx: ManageCtx, id: number): Reply {
  const d = ctx.state.injury.damages.get(id);
  if (!d) throw notFound('Damage', id);
  return single(ctx, 'damage', d);
}

export function listDamages(ctx: ManageCtx): Reply {
  return list(ctx, 'damage', commonFilters(ctx, ctx.state.injury.damages.values()), { 'id(desc)': (a, b) => b.id - a.id });
}

// Medical records details

const BILL_KEYS = ['id', 'adjustment', 'amount', 'balance', 'bill_date', 'bill_received_date', 'document_id', 'name', 'mark_balance_type_as', 'payers'];
const DETAIL_KEYS = [
  'bills_follow_up_date',
  'bills_request_date',
  'bills_status',
  'description',
  'in_treatment',
  'matter_id',
  'medical_bills',
  'medical_provider_id',
  'medical_records',
  'records_follow_up_date',
  'records_request_date',
  'records_status',
  'treatment_end_date',
  'treatment_start_date',
];

function newBill(ctx: ManageCtx, raw: unknown): MedicalBillRecord {
  if (!isRecord(raw)) throw invalid('medical_bills items must be objects');
  onlyKeys(
    raw,
    BILL_KEYS.filter((k) => k !== 'id'),
    'MedicalBill',
  );
  const name = text(raw, 'name', true)!;
  if (!name.trim()) throw invalid("Validation failed: Name can't be blank");
  return {
    id: ctx.state.injury.nextId.bill++,
    name,
    amount: number(raw, 'amount', true)!,
    adjustment: number(raw, 'adjustment', true)!,
    balance: number(raw, 'balance', true)!,
    markBalanceTypeAs: oneOf(raw, 'mark_balance_type_as', BALANCE_MARKS, true)!,
    billDate: date(raw, 'bill_date'),
    billReceivedDate: date(raw, 'bill_received_date'),
    documentId: documentOf(ctx, raw, false),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
}

function changeBill(ctx: ManageCtx, bill: MedicalBillRecord, raw: Data): void {
  onlyKeys(raw, BILL_KEYS, 'MedicalBill');
  bill.name = text(raw, 'name', false) ?? bill.name;
  bill.amount = number(raw, 'amount', false) ?? bill.amount;
  bill.adjustment = number(raw, 'adjustment', false) ?? bill.adjustment;
  bill.balance = number(raw, 'balance', false) ?? bill.balance;
  bill.markBalanceTypeAs = oneOf(raw, 'mark_balance_type_as', BALANCE_MARKS, false) ?? bill.markBalanceTypeAs;
  if (raw.document_id !== undefined) bill.documentId = documentOf(ctx, raw, true);
  touch(bill, ctx.now);
}

function newRecord(ctx: ManageCtx, raw: unknown): MedicalRecordRecord {
  if (!isRecord(raw)) throw invalid('medical_records items must be objects');
  onlyKeys(raw, ['document_id', 'start_date', 'end_date'], 'MedicalRecord');
  return {
    id: ctx.state.injury.nextId.record++,
    documentId: documentOf(ctx, raw, true)!,
    startDate: date(raw, 'start_date'),
    endDate: date(raw, 'end_date'),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
}

function arrayOf(data: Data, key: string): unknown[] {
  const v = data[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalid(`${key} must be an array`);
  return v;
}

function providerOf(ctx: ManageCtx, data: Data, required: boolean): number | undefined {
  const id = number(data, 'medical_provider_id', required);
  if (id === undefined) return undefined;
  if (!Number.isInteger(id) || !ctx.db.contacts.has(id)) throw invalid(`Validation failed: Medical provider ${id} does not exist`);
  return id;
}

export function createMedicalDetail(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  onlyKeys(data, DETAIL_KEYS, 'MedicalRecordsDetail');
  const providerId = providerOf(ctx, data, true)!;
  const billsStatus = oneOf(data, 'bills_status', REQUEST_STATUSES, true)!;
  const recordsStatus = oneOf(data, 'records_status', REQUEST_STATUSES, true)!;
  const inTreatment = bool(data, 'in_treatment', true)!;
  const matterId = matterOf(ctx, data);
  const d: MedicalDetailRecord = {
    id: ctx.state.injury.nextId.detail++,
    matterId,
    providerId,
    description: text(data, 'description', false) ?? '',
    inTreatment,
    billsStatus,
    recordsStatus,
    treatmentStartDate: date(data, 'treatment_start_date'),
    treatmentEndDate: date(data, 'treatment_end_date'),
    bills: arrayOf(data, 'medical_bills').map((b) => newBill(ctx, b)),
    records: arrayOf(data, 'medical_records').map((r) => newRecord(ctx, r)),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
  ctx.state.injury.details.set(d.id, d);
  return single(ctx, 'medical_records_detail', d, { status: 201 });
}

export function showMedicalDetail(ctx: ManageCtx, id: number): Reply {
  const d = ctx.state.injury.details.get(id);
  if (!d) throw notFound('MedicalRecordsDetail', id);
  return single(ctx, 'medical_records_detail', d);
}

export function updateMedicalDetail(ctx: ManageCtx, id: number): Reply {
  const d = ctx.state.injury.details.get(id);
  if (!d) throw notFound('MedicalRecordsDetail', id);
  checkIfMatch(ctx, 'medical_records_detail', d);
  const data = dataOf(ctx);
  onlyKeys(
    data,
    DETAIL_KEYS.filter((k) => k !== 'matter_id'),
    'MedicalRecordsDetail',
  );
  d.providerId = providerOf(ctx, data, false) ?? d.providerId;
  d.billsStatus = oneOf(data, 'bills_status', REQUEST_STATUSES, false) ?? d.billsStatus;
  d.recordsStatus = oneOf(data, 'records_status', REQUEST_STATUSES, false) ?? d.recordsStatus;
  d.inTreatment = bool(data, 'in_treatment', false) ?? d.inTreatment;
  d.description = text(data, 'description', false) ?? d.description;
  for (const raw of arrayOf(data, 'medical_bills')) {
    if (isRecord(raw) && raw.id !== undefined) {
      const bill = d.bills.find((b) => b.id === raw.id);
      if (!bill) throw invalid(`Validation failed: Medical bill ${String(raw.id)} is not on this record`);
      changeBill(ctx, bill, raw);
    } else d.bills.push(newBill(ctx, raw));
  }
  for (const raw of arrayOf(data, 'medical_records')) d.records.push(newRecord(ctx, raw));
  touch(d, ctx.now);
  return single(ctx, 'medical_records_detail', d);
}

export function listMedicalDetails(ctx: ManageCtx): Reply {
  return list(ctx, 'medical_records_detail', commonFilters(ctx, ctx.state.injury.details.values()), { 'id(desc)': (a, b) => b.id - a.id });
}
