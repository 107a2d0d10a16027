/**
 * The courier that carries expenses from the outbox to Clio, and the expense service's checks, against the
 * sandbox with the real ClioClient: what they create and find is what the sandbox holds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExpenseJson } from '@/lib/expenses/clio-expenses';
import { EXPENSE, expenseCourier, type ExpensePayload } from '@/lib/expenses/expense-courier';
import { expenseProblem, ExpenseService } from '@/lib/expenses/expense-service';
import { AppError } from '@/lib/errors';
import type { MatterRef } from '@/lib/matter-ref';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import { Outbox } from '@/lib/outbox/outbox';
import { todaysActivities } from '@/lib/time-entries/clio-activities';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

const TODAY = '2026-03-02';
let sandbox: Sandbox;
let admin: SandboxAdmin;
let matter: MatterRef;
let other: MatterRef;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 50 });
  admin = sandboxAdmin(sandbox.origin);
  const open = (await admin.matters()).map((m) => ({ id: m.id, displayNumber: m.display_number, description: m.description }));
  matter = open[0]!;
  other = open[1]!;
});
afterAll(() => sandbox.close());
beforeEach(() => admin.reset());

async function world() {
  const { client } = await signedInClient(sandbox.origin);
  await admin.clearLog();
  return {
    client,
    courier: expenseCourier(client),
    created: async () => (await admin.state()).createdActivities,
    manageRequests: async () => requestLines(await admin.log('manage')),
  };
}

const payload = (over: Partial<ExpensePayload> = {}): ExpensePayload => ({
  matter,
  date: TODAY,
  price: 12.5,
  quantity: 2,
  note: 'E-filing fee',
  expenseCategoryId: 601,
  nonBillable: false,
  ...over,
});

function entry<P>(p: P, over: Partial<OutboxEntry<P>> = {}): OutboxEntry<P> {
  return { id: 'e1', kind: EXPENSE, payload: p, state: 'sending', attempts: 1, createdAt: Date.now(), nextAttemptAt: Date.now(), ...over };
}

const outboxOf = (courier: ReturnType<typeof expenseCourier>, now: () => number = Date.now) =>
  new Outbox({ store: memoryOutboxStore(), couriers: { [EXPENSE]: courier }, now, random: () => 0, owner: async () => 'clio#1' });

describe('expenseCourier', () => {
  it('deliver makes one ExpenseEntry with the price, quantity, category and matter: one request', async () => {
    const w = await world();
    const p = payload({ nonBillable: true });
    const made = (await w.courier.deliver(p, entry(p))) as ExpenseJson;
    expect(await w.manageRequests()).toEqual(['POST /activities.json']);
    expect(await w.created()).toEqual([
      expect.objectContaining({
        id: made.id,
        type: 'ExpenseEntry',
        date: TODAY,
        price: 12.5,
        quantity: 2,
        note: 'E-filing fee',
        non_billable: true,
        matter: { id: matter.id },
        expense_category: { id: 601 },
        activity_description: null,
      }),
    ]);
    expect(made).toMatchObject({ total: 25, expense_category: { id: 601, name: 'Court filing fee' } });
  });

  it('Clio’s refusals name the field: the lock date at Date, an unknown category at Category', async () => {
    const w = await world();
    await admin.config({ lockDate: '2030-01-01' });
    const refused = (await w.courier.deliver(payload(), entry(payload())).catch((x: unknown) => x)) as AppError;
    expect(refused.kind).toBe('validation');
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(['date']);
    expect(w.courier.mayHaveReached(refused)).toBe(false);
    await admin.config({ lockDate: '' });
    const noCategory = (await w.courier.deliver(payload({ expenseCategoryId: 999 }), entry(payload())).catch((x: unknown) => x)) as AppError;
    expect(Object.keys(noCategory.fieldErrors ?? {})).toEqual(['expense_category']);
    expect(await w.created()).toEqual([]);
  });

  it('find() locates an expense that reached Clio, and not one another outbox entry claimed', async () => {
    const w = await world();
    const p = payload();
    const before = Date.now();
    const a = (await w.courier.deliver(p, entry(p))) as ExpenseJson;
    const b = (await w.courier.deliver(p, entry(p))) as ExpenseJson;
    await w.courier.deliver(payload({ price: 13 }), entry(p));
    const e = entry(p, { createdAt: before, state: 'uncertain' });
    expect(await w.courier.find(p, e, new Set())).toMatchObject({ id: a.id });
    expect(await w.courier.find(p, e, new Set([a.id]))).toMatchObject({ id: b.id });
    expect(await w.courier.find(p, e, new Set([a.id, b.id]))).toBeNull();
    expect(await w.courier.find(payload({ quantity: 3 }), e, new Set())).toBeNull();
    expect(await w.courier.find({ ...p, matter: other }, e, new Set())).toBeNull();
  });

  it('an expense whose answer was lost is found on the next attempt, not made twice', async () => {
    const w = await world();
    let clock = Date.now();
    const outbox = outboxOf(w.courier, () => clock);
    await admin.faults({ dropAfter: 1, scope: 'manage' });
    const first = await outbox.add(EXPENSE, payload());
    expect(first.state).toBe('uncertain');
    clock += 60_000;
    await outbox.flush();
    const created = await w.created();
    expect(created).toHaveLength(1);
    expect(await outbox.get(first.id)).toMatchObject({ state: 'sent', result: { id: created[0]!.id } });
    expect((await w.manageRequests()).filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('today’s activities come in one request, time and expenses apart', async () => {
    const w = await world();
    await w.courier.deliver(payload(), entry(payload()));
    const me = (await admin.state()).users[0]!;
    await admin.clearLog();
    const today = await todaysActivities(w.client, me.id, TODAY);
    expect(await w.manageRequests()).toHaveLength(1);
    expect(today.expenses).toEqual([expect.objectContaining({ price: 12.5, quantity: 2, total: 25, expense_category: { id: 601, name: 'Court filing fee' } })]);
    expect(today.time.every((a) => 'rounded_quantity' in a)).toBe(true);
  });
});

describe('ExpenseService', () => {
  it('checks what the form checked, by Clio’s field names', () => {
    const field = (over: Partial<ExpensePayload>) => Object.keys(expenseProblem(payload(over))?.fieldErrors ?? {});
    expect(expenseProblem(payload())).toBeNull();
    expect(field({ matter: { id: 0 } as MatterRef })).toEqual(['matter']);
    expect(field({ date: '2026-02-30' })).toEqual(['date']);
    expect(field({ price: 0 })).toEqual(['price']);
    expect(field({ price: 1.005 })).toEqual(['price']);
    expect(field({ quantity: 0 })).toEqual(['quantity']);
    expect(field({ note: 'x'.repeat(5001) })).toEqual(['note']);
  });

  it('a refused save goes back to the form with its field, and leaves nothing in the outbox; a sent one is held once', async () => {
    const w = await world();
    const outbox = outboxOf(w.courier);
    const held: string[] = [];
    const service = new ExpenseService({ client: w.client, outbox, saved: async (k) => void held.push(k), remember: async () => undefined });
    await admin.config({ lockDate: '2030-01-01' });
    const refused = await service.save(payload(), 'k1').catch((x: unknown) => x);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors).toHaveProperty('date');
    expect(await outbox.list()).toEqual([]);
    await admin.config({ lockDate: '' });
    expect(await service.save(payload(), 'k2')).toMatchObject({ state: 'sent' });
    expect(await service.save(payload(), 'k2')).toMatchObject({ state: 'sent' }); // the same key again: the same expense
    expect(await w.created()).toHaveLength(1);
    expect(held).toEqual(['k2', 'k2']);
  });
});
