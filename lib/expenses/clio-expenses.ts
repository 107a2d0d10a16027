/** Expenses (Clio "activities" of type ExpenseEntry): the requests the extension makes. */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import { CLOCK_SLACK_MS } from '../outbox/outbox';
import { type ExpenseJson, patchActivity } from '../time-entries/clio-activities';

export type { ExpenseJson };

export const EXPENSE_FIELDS = fields(['id', 'etag', 'date', 'price', 'quantity', 'total', 'note', 'non_billable', 'created_at'], {
  matter: ['id', 'display_number', 'description'],
  expense_category: ['id', 'name'],
});

/** Fields of an expense a 422 may name, to show its message at the right input. */
export const EXPENSE_INPUTS = ['date', 'price', 'quantity', 'note', 'matter', 'expense_category', 'non_billable'] as const;

export interface NewExpense {
  matterId: number;
  date: string;
  /** The unit price (Clio's `price`), in the firm's currency. */
  price: number;
  quantity: number;
  note: string;
  expenseCategoryId: number | null;
  nonBillable: boolean;
}

export async function createExpense(client: ClioClient, e: NewExpense): Promise<ExpenseJson> {
  const data = {
    type: 'ExpenseEntry',
    date: e.date,
    price: e.price,
    quantity: e.quantity,
    note: e.note,
    matter: { id: e.matterId },
    non_billable: e.nonBillable,
    ...(e.expenseCategoryId ? { expense_category: { id: e.expenseCategoryId } } : {}),
  };
  return (await client.post<ExpenseJson>('/activities.json', { data }, { fields: EXPENSE_FIELDS, inputFields: EXPENSE_INPUTS })).data;
}

/**
 * The expense an earlier, interrupted send of `e` made, if Clio has one: same matter, date, price,
 * quantity and note, made after the entry was written, and not one another entry already claimed.
 */
export async function findExpense(
  client: ClioClient,
  e: NewExpense,
  createdAfter: number,
  claimed: ReadonlySet<unknown> = new Set(),
): Promise<ExpenseJson | null> {
  const found = await client.get<ExpenseJson[]>('/activities.json', {
    fields: EXPENSE_FIELDS,
    query: { type: 'ExpenseEntry', matter_id: e.matterId, created_since: new Date(createdAfter - CLOCK_SLACK_MS).toISOString(), limit: 200 },
    priority: 'background',
  });
  return found.find((a) => !claimed.has(a.id) && a.price === e.price && a.quantity === e.quantity && (a.note ?? '') === e.note && a.date === e.date) ?? null;
}

/** What an edit in place may change on an expense. */
export type ExpenseChange = Pick<NewExpense, 'price' | 'quantity' | 'note' | 'expenseCategoryId' | 'nonBillable'>;

/** Changes an expense only if nobody changed it since `etag` (else a 'conflict' error); "no category" clears it. */
export function updateExpense(client: ClioClient, id: number, etag: string, c: ExpenseChange): Promise<ExpenseJson> {
  const data = {
    price: c.price,
    quantity: c.quantity,
    note: c.note,
    non_billable: c.nonBillable,
    // Clio's spec: `{ id: null }` removes the category.
    expense_category: { id: c.expenseCategoryId || null },
  };
  return patchActivity<ExpenseJson>(client, id, etag, data, { fields: EXPENSE_FIELDS, inputFields: EXPENSE_INPUTS });
}
