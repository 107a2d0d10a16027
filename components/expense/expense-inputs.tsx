/**
 * The inputs an expense is made and edited with (the Expense form, an edit in Today): Category, Amount with its
 * currency, Quantity, and the line under them that shows the total or what is wrong with the amount.
 */
import type { ExpenseSetup } from '@/lib/expenses/expense-setup';
import { type Figures, parseAmount, readFigures } from '@/lib/expenses/amount';
import { say, t } from '@/lib/i18n';
import { MAX_NOTE_CHARS } from '@/lib/time-entries/limits';

export type ExpenseFieldErrors = Partial<Record<'matter' | 'date' | 'amount' | 'quantity' | 'category' | 'note', string>>;

/** Clio's field names → the inputs'. */
export const EXPENSE_FIELD_OF: Record<string, keyof ExpenseFieldErrors> = {
  matter: 'matter',
  date: 'date',
  price: 'amount',
  quantity: 'quantity',
  expense_category: 'category',
  note: 'note',
};

/** At submit: the price and quantity to send, or what is wrong with the amount, quantity or description. */
export function checkFigures(
  amount: string,
  quantity: string,
  note: string,
  mark: '.' | ',',
): { ok: true; price: number; quantity: number } | { ok: false; errors: ExpenseFieldErrors } {
  const parsed = parseAmount(amount, mark);
  const q = readFigures('', quantity, mark).quantity;
  const errors: ExpenseFieldErrors = {};
  if (!parsed.ok) errors.amount = say(parsed.error);
  if (q === null) errors.quantity = t('quantityInvalid');
  if (note.length > MAX_NOTE_CHARS) errors.note = t('noteTooLong');
  return parsed.ok && q !== null && !errors.note ? { ok: true, price: parsed.amount, quantity: q } : { ok: false, errors };
}

export function CategorySelect({
  id,
  value,
  categories,
  error,
  onChange,
}: {
  id: string;
  value: number | null;
  categories: ExpenseSetup['categories'];
  error: string | undefined;
  onChange: (v: number | null) => void;
}) {
  return (
    <div>
      <label for={id}>{t('categoryField')}</label>
      <select
        id={id}
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
      >
        <option value="">{t('categoryNone')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {error ? <p class="field-error">{error}</p> : null}
    </div>
  );
}

/** Amount and Quantity side by side, then the total (or the amount's error). `id` prefixes the inputs' ids. */
export function FiguresInputs({
  id,
  amount,
  quantity,
  figures,
  currency,
  errors,
  money,
  onAmount,
  onQuantity,
}: {
  id: string;
  amount: string;
  quantity: string;
  figures: Figures;
  currency: string | null;
  errors: ExpenseFieldErrors;
  money: (n: number) => string;
  onAmount: (v: string) => void;
  onQuantity: (v: string) => void;
}) {
  const amountError = errors.amount ?? (figures.amount && !figures.amount.ok ? say(figures.amount.error) : undefined);
  const quantityError = errors.quantity ?? (figures.quantity === null ? t('quantityInvalid') : undefined);
  return (
    <>
      <div class="two">
        <div>
          <label for={`${id}-amount`}>{t('amountField')}</label>
          <div class="money">
            <input
              id={`${id}-amount`}
              inputMode="decimal"
              autocomplete="off"
              placeholder={t('amountPlaceholder')}
              value={amount}
              aria-invalid={amountError ? true : undefined}
              aria-describedby={`${id}-amount-hint`}
              onInput={(e) => onAmount(e.currentTarget.value)}
            />
            {currency ? <span class="currency">{currency}</span> : null}
          </div>
        </div>
        <div>
          <label for={`${id}-quantity`}>{t('quantityField')}</label>
          <input
            id={`${id}-quantity`}
            inputMode="decimal"
            autocomplete="off"
            placeholder="1"
            value={quantity}
            aria-invalid={quantityError ? true : undefined}
            onInput={(e) => onQuantity(e.currentTarget.value)}
          />
          {quantityError ? <p class="field-error">{quantityError}</p> : null}
        </div>
      </div>
      <p id={`${id}-amount-hint`} class={amountError ? 'field-error' : 'hint'}>
        {amountError ?? (figures.total !== null ? t('expenseTotal', money(figures.total)) : '\u00a0')}
      </p>
    </>
  );
}
