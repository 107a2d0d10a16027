/** The firm's expense categories and currency, as the background keeps them (cached a day: no Clio request here); a matter's own currency. */
import { useEffect, useState } from 'preact/hooks';
import { currencyFor } from '@/lib/expenses/currency-choice';
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

/**
 * The currency an expense on `matterId` is in: the matter's own as the local index keeps it (a message, no Clio
 * request), else the firm's billing currency `firm`.
 */
export function useMatterCurrency(matterId: number | null, firm: string | null): string | null {
  const [own, setOwn] = useState<{ id: number; code: string | null } | null>(null);
  useEffect(() => {
    if (matterId !== null)
      void send('matters/currency', { id: matterId }).then(
        (code) => setOwn({ id: matterId, code }),
        () => undefined,
      );
  }, [matterId]);
  return currencyFor(own?.id === matterId ? own.code : null, firm);
}
