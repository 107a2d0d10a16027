/** The firm's expense categories and currency, as the background keeps them (cached a day: no Clio request here). */
import { useEffect, useState } from 'preact/hooks';
import type { ExpenseSetup } from '@/lib/expenses/expense-setup';
import { send } from '@/lib/messaging/send';

const NONE: ExpenseSetup = { categories: [], currency: null };
let setupOnce: Promise<ExpenseSetup> | undefined;

/** Asked once per page; a failure is asked again by the next form that needs it. */
export function useExpenseSetup(): ExpenseSetup {
  const [setup, setSetup] = useState<ExpenseSetup>(NONE);
  useEffect(() => {
    void (setupOnce ??= send('expenses/setup').catch(() => ((setupOnce = undefined), NONE))).then(setSetup);
  }, []);
  return setup;
}
