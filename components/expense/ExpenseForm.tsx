/** "Expense": a cost on a matter (unit price × quantity, a category); forgiving amount input; errors show at their fields. */
import { useState } from 'preact/hooks';
import { fieldErrorsOf, messageOf } from '@/components/error-message';
import { type SaveOutcome, SaveStatus } from '@/components/SaveStatus';
import { rememberForSite, useSuggestedMatter } from '@/components/suggested-matter';
import { DateField, EntryMatter, NonBillable, NoteField } from '@/components/entry-fields';
import { useExpenseSetup } from './use-expense-setup';
import { isoDateIn } from '@/lib/dates';
import type { ExpenseDraft } from '@/lib/drafts/drafts';
import { decimalMarkOf, formatMoney, parseAmount, parseQuantity, totalOf } from '@/lib/expenses/amount';
import { say, t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { MAX_NOTE_CHARS } from '@/lib/time-entries/limits';

type FieldErrors = Partial<Record<'matter' | 'date' | 'amount' | 'quantity' | 'category' | 'note', string>>;

/** Clio's field names → the form's. */
const FIELD_OF: Record<string, keyof FieldErrors> = {
  matter: 'matter',
  date: 'date',
  price: 'amount',
  quantity: 'quantity',
  expense_category: 'category',
  note: 'note',
};

export function ExpenseForm({
  draft,
  setDraft,
  timeZone,
  matterLink,
  page = null,
}: {
  draft: ExpenseDraft;
  setDraft: (d: ExpenseDraft) => void;
  timeZone?: string;
  matterLink: (id: number) => string;
  page?: PageSuggestions | null;
}) {
  const picked = useSuggestedMatter(draft.matter, page, (m) => setDraft({ ...draft, matter: m }));
  const setup = useExpenseSetup();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = navigator.language;
  const date = draft.date || isoDateIn(Date.now(), timeZone);
  const amount = draft.amount.trim() ? parseAmount(draft.amount, decimalMarkOf(locale)) : null;
  const quantity = draft.quantity.trim() ? parseQuantity(draft.quantity) : 1;
  const amountError = errors.amount ?? (amount && !amount.ok ? say(amount.error) : undefined);
  const quantityError = errors.quantity ?? (quantity === null ? t('quantityInvalid') : undefined);
  const money = (n: number) => formatMoney(n, setup.currency, locale);
  const total = amount?.ok && quantity !== null ? totalOf(amount.amount, quantity) : null;

  const save = async (e: Event) => {
    e.preventDefault();
    const matter = picked.value;
    const parsed = parseAmount(draft.amount, decimalMarkOf(locale));
    const errs: FieldErrors = {};
    if (!matter) errs.matter = t('chooseMatter');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.date = t('enterDate');
    if (!parsed.ok) errs.amount = say(parsed.error);
    if (quantity === null) errs.quantity = t('quantityInvalid');
    if (draft.note.length > MAX_NOTE_CHARS) errs.note = t('noteTooLong');
    setErrors(errs);
    if (!matter || !parsed.ok || quantity === null || Object.keys(errs).length) {
      setStatus({ s: { tone: 'error', text: t('fixMarkedFields') } });
      return;
    }
    const key = draft.key ?? crypto.randomUUID();
    setDraft({ ...draft, key });
    setBusy(true);
    try {
      const entry = await send('expenses/save', {
        key,
        matter,
        date,
        price: parsed.amount,
        quantity,
        note: draft.note,
        expenseCategoryId: draft.categoryId,
        nonBillable: draft.nonBillable,
      });
      rememberForSite(page, matter);
      setStatus(
        entry.state === 'sent'
          ? { s: { tone: 'success', text: t('savedExpense', money(totalOf(parsed.amount, quantity)), matterLabel(matter)) }, link: matterLink(matter.id) }
          : { s: { tone: 'info', text: t('expenseKeptOffline') } },
      );
    } catch (err) {
      const mapped = fieldErrorsOf(err, FIELD_OF);
      setErrors(mapped);
      setStatus({ s: { tone: 'error', text: Object.keys(mapped).length ? t('expenseRefusedAtField') : messageOf(err) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <EntryMatter id="expense-matter" picked={picked} page={page} error={errors.matter} />
      <div class="two">
        <DateField id="expense-date" value={date} error={errors.date} onInput={(v) => setDraft({ ...draft, date: v })} />
        <div>
          <label for="expense-category">{t('categoryField')}</label>
          <select
            id="expense-category"
            value={draft.categoryId ?? ''}
            aria-invalid={errors.category ? true : undefined}
            onChange={(e) => setDraft({ ...draft, categoryId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
          >
            <option value="">{t('categoryNone')}</option>
            {setup.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.category ? <p class="field-error">{errors.category}</p> : null}
        </div>
      </div>
      <div class="two">
        <div>
          <label for="expense-amount">{t('amountField')}</label>
          <div class="money">
            <input
              id="expense-amount"
              inputMode="decimal"
              autocomplete="off"
              placeholder={t('amountPlaceholder')}
              value={draft.amount}
              aria-invalid={amountError ? true : undefined}
              aria-describedby="expense-amount-hint"
              onInput={(e) => setDraft({ ...draft, amount: e.currentTarget.value })}
            />
            {setup.currency ? <span class="currency">{setup.currency}</span> : null}
          </div>
        </div>
        <div>
          <label for="expense-quantity">{t('quantityField')}</label>
          <input
            id="expense-quantity"
            inputMode="decimal"
            autocomplete="off"
            placeholder="1"
            value={draft.quantity}
            aria-invalid={quantityError ? true : undefined}
            onInput={(e) => setDraft({ ...draft, quantity: e.currentTarget.value })}
          />
          {quantityError ? <p class="field-error">{quantityError}</p> : null}
        </div>
      </div>
      <p id="expense-amount-hint" class={amountError ? 'field-error' : 'hint'}>
        {amountError ?? (total !== null ? t('expenseTotal', money(total)) : '\u00a0')}
      </p>
      <NoteField id="expense-note" value={draft.note} error={errors.note} onInput={(v) => setDraft({ ...draft, note: v })} />
      <NonBillable checked={draft.nonBillable} onChange={(v) => setDraft({ ...draft, nonBillable: v })} />
      <p class="row actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('saveExpense')}
        </button>
      </p>
      <SaveStatus status={status} />
    </form>
  );
}
