import { describe, expect, it } from 'vitest';
import type { AppError } from '@/lib/errors';
import { type BillInput, billProblem, type DamageInput, damageProblem } from '@/lib/injury/injury-service';

const matter = { id: 7, displayNumber: '00007-Jones', description: '' };
const damage: DamageInput = { matter, damageType: 'special', description: 'Lost wages', amount: 7200.5 };
const bill: BillInput = {
  matter,
  provider: { id: 96_001, name: 'Riverside' },
  status: { billsStatus: 'received', recordsStatus: 'requested', inTreatment: true },
  bill: { name: 'ER visit', amount: 4250, adjustment: 0, balance: 4250, markBalanceAs: 'lien' },
};
const field = (e: AppError | null) => Object.keys(e?.fieldErrors ?? {});

describe('what the background refuses before anything is queued', () => {
  it('a damage needs a type of the spec, a description, and an amount above zero in cents', () => {
    expect(damageProblem(damage)).toBeNull();
    expect(field(damageProblem({ ...damage, damageType: 'punitive' as never }))).toEqual(['damage_type']);
    expect(field(damageProblem({ ...damage, description: '  ' }))).toEqual(['description']);
    for (const amount of [0, -1, 1.005, Number.NaN, 10_000_001]) expect(field(damageProblem({ ...damage, amount })), String(amount)).toEqual(['amount']);
  });

  it('a bill needs a provider, a name, an amount above zero, an adjustment and balance of zero or more, and the spec’s marks and statuses', () => {
    expect(billProblem(bill)).toBeNull();
    expect(field(billProblem({ ...bill, provider: { id: 0, name: '' } }))).toEqual(['medical_provider_id']);
    expect(field(billProblem({ ...bill, bill: { ...bill.bill, name: '' } }))).toEqual(['name']);
    expect(field(billProblem({ ...bill, bill: { ...bill.bill, amount: 0 } }))).toEqual(['amount']);
    expect(field(billProblem({ ...bill, bill: { ...bill.bill, adjustment: -5 } }))).toEqual(['adjustment']);
    expect(field(billProblem({ ...bill, bill: { ...bill.bill, balance: 0.001 } }))).toEqual(['balance']);
    expect(field(billProblem({ ...bill, bill: { ...bill.bill, markBalanceAs: 'paid' as never } }))).toEqual(['mark_balance_type_as']);
    expect(field(billProblem({ ...bill, status: { ...bill.status, recordsStatus: 'lost' as never } }))).toEqual(['bills_status']);
  });
});
