/**
 * What the sandbox keeps for personal injury: damages, and medical records details (a provider's records and bills
 * on a matter, with their medical bills and medical records). Medical providers are contacts (the spec's
 * `medical_provider` is a Contact): four clinics are added to the seeded contacts. The first open "Personal Injury"
 * matter gets two providers' details, a second one a third, so a list that cannot be filtered by matter holds others.
 */
import type { Contact, Db } from './model';

export type RequestStatus = 'not_yet_requested' | 'requested' | 'received' | 'incomplete' | 'certified';
export const REQUEST_STATUSES: readonly RequestStatus[] = ['not_yet_requested', 'requested', 'received', 'incomplete', 'certified'];
export type BalanceMark = 'lien' | 'outstanding_balance' | 'neither';
export const BALANCE_MARKS: readonly BalanceMark[] = ['lien', 'outstanding_balance', 'neither'];
export type DamageType = 'special' | 'general' | 'other';
export const DAMAGE_TYPES: readonly DamageType[] = ['special', 'general', 'other'];

interface Stamped {
  id: number;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface DamageRecord extends Stamped {
  amount: number;
  damageType: DamageType;
  description: string;
  matterId: number;
}

export interface MedicalBillRecord extends Stamped {
  name: string;
  amount: number;
  adjustment: number;
  /** Written with the bill; the spec's MedicalBill (read) does not show it. */
  balance: number;
  markBalanceTypeAs: BalanceMark;
  billDate: string | null;
  billReceivedDate: string | null;
  documentId: number | null;
}

export interface MedicalRecordRecord extends Stamped {
  documentId: number;
  startDate: string | null;
  endDate: string | null;
}

export interface MedicalDetailRecord extends Stamped {
  matterId: number;
  providerId: number;
  description: string;
  inTreatment: boolean;
  billsStatus: RequestStatus;
  recordsStatus: RequestStatus;
  treatmentStartDate: string | null;
  treatmentEndDate: string | null;
  bills: MedicalBillRecord[];
  records: MedicalRecordRecord[];
}

export interface InjuryDb {
  damages: Map<number, DamageRecord>;
  details: Map<number, MedicalDetailRecord>;
  nextId: { damage: number; detail: number; bill: number; record: number };
}

/** The last has no record yet: a provider "Add medical bill" finds among Clio's contacts. */
const PROVIDERS = ['Riverside Orthopedic Clinic', 'Lakeview Physical Therapy', 'St. Anne Imaging Center', 'Northgate Chiropractic'];
export const PROVIDER_IDS = [96_001, 96_002, 96_003, 96_004];

function provider(id: number, name: string, at: number): Contact {
  const email = `billing@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  return {
    id,
    type: 'Company',
    firstName: null,
    lastName: null,
    name,
    emails: [{ id: id * 10, address: email, name: 'Work', primary: true }],
    phones: [],
    isClient: false,
    createdAt: at,
    updatedAt: at,
    rev: 0,
    haystack: `${name.toLowerCase()}\n${email}`,
  };
}

/** The open "Personal Injury" matters, lowest id first. */
export function injuryMatters(db: Db): number[] {
  const area = [...db.practiceAreas.values()].find((p) => p.name === 'Personal Injury');
  return [...db.matters.values()]
    .filter((m) => m.practiceAreaId === area?.id && m.status === 'Open')
    .map((m) => m.id)
    .sort((a, b) => a - b);
}

export function seedInjury(db: Db): InjuryDb {
  const at = db.now - 20 * 86_400_000;
  PROVIDERS.forEach((name, i) => void db.contacts.set(PROVIDER_IDS[i]!, provider(PROVIDER_IDS[i]!, name, at)));
  const injury: InjuryDb = { damages: new Map(), details: new Map(), nextId: { damage: 1_001, detail: 2_001, bill: 3_001, record: 4_001 } };
  const [first, second] = injuryMatters(db);
  const stamp = { createdAt: at, updatedAt: at, rev: 0 };
  const bill = (name: string, amount: number, adjustment: number, mark: BalanceMark): MedicalBillRecord => ({
    id: injury.nextId.bill++,
    name,
    amount,
    adjustment,
    balance: Math.round((amount - adjustment) * 100) / 100,
    markBalanceTypeAs: mark,
    billDate: '2026-10-02',
    billReceivedDate: '2026-10-20',
    documentId: null,
    ...stamp,
  });
  const detail = (matterId: number | undefined, providerId: number, bills: MedicalBillRecord[], billsStatus: RequestStatus, recordsStatus: RequestStatus) => {
    if (matterId === undefined) return;
    const id = injury.nextId.detail++;
    injury.details.set(id, {
      id,
      matterId,
      providerId,
      description: '',
      inTreatment: billsStatus !== 'received',
      billsStatus,
      recordsStatus,
      treatmentStartDate: '2026-09-14T00:00:00Z',
      treatmentEndDate: null,
      bills,
      records: [],
      ...stamp,
    });
  };
  detail(first, PROVIDER_IDS[0]!, [bill('ER visit', 4250, 850, 'lien'), bill('Follow-up consult', 375.5, 0, 'outstanding_balance')], 'received', 'requested');
  detail(first, PROVIDER_IDS[1]!, [bill('Physical therapy, 6 sessions', 1200, 200, 'neither')], 'requested', 'not_yet_requested');
  detail(second, PROVIDER_IDS[2]!, [bill('MRI, lumbar spine', 2800, 0, 'lien')], 'received', 'received');
  return injury;
}
