/**
 * Expenses as the popup makes them: checked and written to the outbox (sent exactly once, as their owner), and
 * edited in place. "Today" lists them with the time entries (TimeEntryService.today, one request).
 */
import type { ClioClient } from '../clio/client';
import { type AppError, appError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import type { Outbox } from '../outbox/outbox';
import { saveFromForm } from '../outbox/save-from-form';
import type { OutboxEntry } from '../outbox/outbox-machine';
import { MAX_NOTE_CHARS } from '../time-entries/limits';
import { isCalendarDate } from '../time-entries/time-entry-service';
import { MAX_AMOUNT } from './amount';
import { type ExpenseChange, type ExpenseJson, updateExpense } from './clio-expenses';
import { EXPENSE, type ExpensePayload } from './expense-courier';

export interface ExpenseServiceDeps {
  client: ClioClient;
  outbox: Outbox;
  /** Called once the outbox holds a save made under `key`: no draft may offer it again. */
  saved: (key: string) => Promise<void>;
  remember: (m: MatterRef) => Promise<void>;
}

const MAX_QUANTITY = 10_000;

/**
 * Why an expense cannot be saved, by field (Clio's names); null when it can. The background checks again
 * what the form checked: a message may come from any of the extension's pages, in any state.
 */
export function expenseProblem(e: Pick<ExpensePayload, 'matter' | 'date' | 'price' | 'quantity'> & { note?: string }): AppError | null {
  if (!e.matter?.id) return at('matter', t('chooseMatter'));
  if (!isCalendarDate(e.date)) return at('date', t('enterRealDate'));
  return figuresProblem(e);
}

/** Why an edit cannot be saved, by field (Clio's names); null when it can. */
export function figuresProblem(e: Pick<ExpensePayload, 'price' | 'quantity'> & { note?: string }): AppError | null {
  if (!(typeof e.price === 'number' && e.price > 0 && e.price <= MAX_AMOUNT && Math.round(e.price * 100) === e.price * 100))
    return at('price', t('amountPositive'));
  if (!(typeof e.quantity === 'number' && e.quantity > 0 && e.quantity <= MAX_QUANTITY)) return at('quantity', t('quantityInvalid'));
  if ((e.note ?? '').length > MAX_NOTE_CHARS) return at('note', t('noteTooLong'));
  return null;
}

const at = (field: string, message: string) => appError('validation', message, { fieldErrors: { [field]: message } });

export class ExpenseService {
  constructor(private readonly deps: ExpenseServiceDeps) {}

  /** Writes the expense to the outbox and tries to send it at once; the same `key` twice is one expense. */
  async save(expense: ExpensePayload, key?: string): Promise<OutboxEntry> {
    const problem = expenseProblem(expense);
    if (problem) throw problem;
    const saved = await saveFromForm(this.deps.outbox, EXPENSE, expense, key, this.deps.saved);
    await this.deps.remember(expense.matter);
    return saved;
  }

  /** Changes an expense only if nobody changed it since `etag` (else a 'conflict' error). */
  update(id: number, etag: string, change: ExpenseChange): Promise<ExpenseJson> {
    const problem = figuresProblem(change);
    if (problem) return Promise.reject(problem);
    return updateExpense(this.deps.client, id, etag, change);
  }
}
