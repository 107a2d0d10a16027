/** How an expense travels from the outbox to Clio: created once, looked for before any resend that may have reached Clio. */
import type { ClioClient } from '../clio/client';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import { createExpense, findExpense, type NewExpense } from './clio-expenses';

export const EXPENSE = 'expense';

/** An expense as the user made it; the matter is kept whole so pending expenses read well. */
export interface ExpensePayload extends Omit<NewExpense, 'matterId'> {
  matter: MatterRef;
}

const toNew = ({ matter, ...rest }: ExpensePayload): NewExpense => ({ ...rest, matterId: matter.id });

export function expenseCourier(client: ClioClient): Courier<ExpensePayload> {
  return {
    deliver: (p) => createExpense(client, toNew(p)),
    find: (p, entry, claimed) => findExpense(client, toNew(p), entry.createdAt, claimed),
    mayHaveReached: createMayHaveReached,
  };
}
