/**
 * What the Expense form offers: the firm's expense categories and its billing currency. They change rarely:
 * kept a day in storage, as the Activity list is, so opening the popup asks Clio nothing; the background
 * freshens them ahead of that day's end (with its periodic sync).
 */
import type { ClioClient } from '../clio/client';
import { defineItem } from '../storage/item';

export interface ExpenseCategoryJson {
  id: number;
  name: string;
  /** Clio's price per unit for the category (0: none). */
  rate?: number;
}

export interface ExpenseSetup {
  categories: ExpenseCategoryJson[];
  /** ISO 4217 code of the firm's billing currency ("USD"), or null when Clio did not say. */
  currency: string | null;
}

async function expenseSetup(client: ClioClient): Promise<ExpenseSetup> {
  const [categories, billing] = await Promise.all([
    client.get<ExpenseCategoryJson[]>('/expense_categories.json', { fields: 'id,name,rate', query: { limit: 200, order: 'name(asc)' }, revalidate: true }),
    client.get<{ currency?: string | null }>('/settings/billing.json', { fields: 'currency', revalidate: true }),
  ]);
  return { categories, currency: billing.currency ?? null };
}

const DAY_MS = 24 * 3600_000;
/** Written by the background only; another user (perhaps of another firm) starts without it. */
const item = defineItem<({ fetchedAt: number } & ExpenseSetup) | null>('local:expense-setup', { fallback: null, perUser: 'reset' });

export async function expenseSetupCached(client: ClioClient, maxAgeMs = DAY_MS, now = Date.now()): Promise<ExpenseSetup> {
  const cached = await item.getValue();
  if (cached && now - cached.fetchedAt < maxAgeMs) return { categories: cached.categories, currency: cached.currency };
  const setup = await expenseSetup(client);
  await item.setValue({ fetchedAt: now, ...setup });
  return setup;
}

/** The firm's billing currency as kept (no request); null when not fetched yet. */
export const keptFirmCurrency = async (): Promise<string | null> => (await item.getValue())?.currency ?? null;
