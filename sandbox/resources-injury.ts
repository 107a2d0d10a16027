/**
 * How damages and medical records details look on the wire, with exactly the spec's read fields: a medical bill
 * shows no `balance` nor `mark_balance_type_as` (the spec's MedicalBill has neither, though a write takes both), and
 * a damage no matter (Damage_base has none; `matter` is an association the spec lists).
 */
import { etagOf } from './etag';
import type { DamageRecord, MedicalBillRecord, MedicalDetailRecord, MedicalRecordRecord } from './injury-model';
import { isoTime } from './model';
import type { Kind } from './resources';

const stamps = {
  created_at: (r: { createdAt: number }) => isoTime(r.createdAt),
  updated_at: (r: { updatedAt: number }) => isoTime(r.updatedAt),
};

const damage: Kind<DamageRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (d) => d.id,
    etag: (d) => etagOf('damage', d.id, d.rev, d.updatedAt),
    amount: (d) => d.amount,
    damage_type: (d) => d.damageType,
    description: (d) => d.description,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (d, { db }) => db.matters.get(d.matterId) ?? null },
  },
};

const medicalBill: Kind<MedicalBillRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (b) => b.id,
    etag: (b) => etagOf('medical_bill', b.id, b.rev, b.updatedAt),
    name: (b) => b.name,
    amount: (b) => b.amount,
    adjustment: (b) => b.adjustment,
    bill_date: (b) => b.billDate,
    bill_received_date: (b) => b.billReceivedDate,
    damage_type: () => 'special',
    document_id: (b) => b.documentId,
    ...stamps,
  },
  associations: {},
};

const medicalRecord: Kind<MedicalRecordRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (r) => r.id,
    etag: (r) => etagOf('medical_record', r.id, r.rev, r.updatedAt),
    document_id: (r) => r.documentId,
    start_date: (r) => r.startDate,
    end_date: (r) => r.endDate,
    ...stamps,
  },
  associations: {},
};

const medicalDetail: Kind<MedicalDetailRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (d) => d.id,
    etag: (d) => etagOf('medical_records_detail', d.id, d.rev, d.updatedAt),
    description: (d) => d.description,
    in_treatment: (d) => d.inTreatment,
    bills_status: (d) => d.billsStatus,
    records_status: (d) => d.recordsStatus,
    bills_follow_up_date: () => null,
    bills_request_date: () => null,
    records_follow_up_date: () => null,
    records_request_date: () => null,
    treatment_start_date: (d) => d.treatmentStartDate,
    treatment_end_date: (d) => d.treatmentEndDate,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (d, { db }) => db.matters.get(d.matterId) ?? null },
    medical_provider: { kind: 'contact', get: (d, { db }) => db.contacts.get(d.providerId) ?? null },
    medical_bills: { kind: 'medical_bill', get: (d) => d.bills },
    medical_records: { kind: 'medical_record', get: (d) => d.records },
  },
};

export const INJURY_KINDS = { damage, medical_bill: medicalBill, medical_record: medicalRecord, medical_records_detail: medicalDetail };
