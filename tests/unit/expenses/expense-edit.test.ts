/**
 * Editing an expense in place (Today): one PATCH with If-Match against the sandbox with the real ClioClient; a record
 * changed since it was read is a 'conflict' (Clio's 412) and is left as Clio has it; a refusal names its field.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExpenseService } from '@/lib/expenses/expense-service';
import { createExpense, type ExpenseChange } from '@/lib/expenses/clio-expenses';
import { AppError } from '@/lib/errors';
import { Outbox } from '@/lib/outbox/outbox';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

let sandbox: Sandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 5 });
  admin = sandboxAdmin(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => admin.reset());

const change = (over: Partial<ExpenseChange> = {}): ExpenseChange => ({
  price: 30,
  quantity: 3,
  note: 'Certified copies',
  expenseCategoryId: null,
  nonBillable: true,
  ...over,
});

/** A service over the sandbox, and one expense it made (as Today reads it: with its etag). */
async function withExpense() {
  const { client } = await signedInClient(sandbox.origin);
  const [m] = await admin.matters();
  const made = await createExpense(client, {
    matterId: m!.id,
    date: '2026-03-02',
    price: 12.5,
    quantity: 2,
    note: 'E-filing fee',
    expenseCategoryId: 601,
    nonBillable: false,
  });
  const outbox = new Outbox({ store: memoryOutboxStore(), couriers: {}, now: Date.now, random: () => 0, owner: async () => 'clio#1' });
  const service = new ExpenseService({ client, outbox, saved: async () => undefined, remember: async () => undefined });
  await admin.clearLog();
  return { client, service, made };
}

describe('ExpenseService.update', () => {
  it('changes amount, quantity, category, description and non-billable with one PATCH (If-Match: the conflict test shows it is sent)', async () => {
    const { service, made } = await withExpense();
    const after = await service.update(made.id, made.etag, change());
    expect(after).toMatchObject({ price: 30, quantity: 3, total: 90, note: 'Certified copies', non_billable: true, expense_category: null });
    const log = await admin.log('manage');
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /api/v4/activities/${made.id}.json`]);
    expect(log[0]!.body).toEqual({ data: { price: 30, quantity: 3, note: 'Certified copies', non_billable: true, expense_category: { id: null } } });
    expect((await admin.state()).createdActivities[0]).toMatchObject({ price: 30, quantity: 3, expense_category: null, non_billable: true });
  });

  it('an expense changed elsewhere since it was read is a conflict, and Clio keeps the other change', async () => {
    const { service, made } = await withExpense();
    await service.update(made.id, made.etag, change({ note: 'First edit' }));
    const lost = await service.update(made.id, made.etag, change({ note: 'Second edit, stale' })).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(AppError);
    expect((lost as AppError).kind).toBe('conflict');
    expect((await admin.state()).createdActivities[0]!.note).toBe('First edit');
  });

  it('refuses bad figures by field before any request, and shows Clio’s 422 at the field it names', async () => {
    const { service, made } = await withExpense();
    const field = async (over: Partial<ExpenseChange>) =>
      Object.keys(((await service.update(made.id, made.etag, change(over)).catch((e: unknown) => e)) as AppError).fieldErrors ?? {});
    expect(await field({ price: 0 })).toEqual(['price']);
    expect(await field({ price: 1.005 })).toEqual(['price']);
    expect(await field({ quantity: 0 })).toEqual(['quantity']);
    expect(await field({ note: 'x'.repeat(5001) })).toEqual(['note']);
    expect(await admin.log('manage')).toEqual([]);
    expect(await field({ expenseCategoryId: 999_999 })).toEqual(['expense_category']);
    expect((await admin.state()).createdActivities[0]).toMatchObject({ price: 12.5, quantity: 2 });
  });
});
