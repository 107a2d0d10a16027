/** Messages `expenses/…`: saving an expense (through the outbox), editing one in place, the categories and currency (cached a day). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const expenseMessages = ({ expenses, expenseSetup }: Services): FamilyHandlers<'expenses'> => ({
  'expenses/save': ({ key, ...expense }) => expenses.save(expense, key),
  'expenses/update': ({ id, etag, change }) => expenses.update(id, etag, change),
  'expenses/setup': () => expenseSetup(),
});
