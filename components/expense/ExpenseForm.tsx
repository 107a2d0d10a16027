/** "Expense": a cost on a matter (unit price × quantity, a category); forgiving amount input; errors show at their fields. */
import { useState } from 'preact/hooks';
import { fieldErrorsOf, messageOf } from '@/components/error-message';
import { type SaveOutcome, SaveStatus } from '@/components/SaveStatus';
import { rememberForSite, useSuggestedMatter } from '@/components/suggested-matter';
import { DateField, EntryMatter, NonBillable, NoteField } from '@/components/entry-fields';
import { CategorySelect, checkFigures, EXPENSE_FIELD_OF, type ExpenseFieldErrors as FieldErrors, FiguresInputs } from './expense-inputs';
import { useExpenseSetup, useMatterCurrency } from './use-expense-setup';
import { isoDateIn } from '@/lib/dates';
import type { ExpenseDraft } from '@/lib/drafts/drafts';
import { decimalMarkOf, formatMoney, readFigures, totalOf } from '@/lib/expenses/amount';
import { t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { uiLocale } from '@/lib/ui-locale';
import { BusyButton } from '@/components/BusyButton';

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
  const currency = useMatterCurrency(picked.value?.id ?? null, setup.currency);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = uiLocale();
  const date = draft.date || isoDateIn(Date.now(), timeZone);
  const figures = readFigures(draft.amount, draft.quantity, decimalMarkOf(locale));
  const money = (n: number) => formatMoney(n, currency, locale);

  const save = async (e: Event) => {
    e.preventDefault();
    const matter = picked.value;
    const checked = checkFigures(draft.amount, draft.quantity, draft.note, decimalMarkOf(locale));
    const errs: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!matter) errs.matter = t('chooseMatter');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.date = t('enterDate');
    setErrors(errs);
    if (!matter || !checked.ok || Object.keys(errs).length) {
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
        price: checked.price,
        quantity: checked.quantity,
        note: draft.note,
        expenseCategoryId: draft.categoryId,
        nonBillable: draft.nonBillable,
      });
      rememberForSite(page, matter);
      setStatus(
        entry.state === 'sent'
          ? {
              s: { tone: 'success', text: t('savedExpense', money(totalOf(checked.price, checked.quantity)), matterLabel(matter)) },
              link: matterLink(matter.id),
            }
          : { s: { tone: 'info', text: t('expenseKeptOffline') } },
      );
    } catch (err) {
      const mapped = fieldErrorsOf(err, EXPENSE_FIELD_OF);
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
        <CategorySelect
          id="expense-category"
          value={draft.categoryId}
          categories={setup.categories}
          error={errors.category}
          onChange={(v) => setDraft({ ...draft, categoryId: v })}
        />
      </div>
      <FiguresInputs
        id="expense"
        amount={draft.amount}
        quantity={draft.quantity}
        figures={figures}
        currency={currency}
        errors={errors}
        money={money}
        onAmount={(v) => setDraft({ ...draft, amount: v })}
        onQuantity={(v) => setDraft({ ...draft, quantity: v })}
      />
      <NoteField id="expense-note" value={draft.note} error={errors.note} onInput={(v) => setDraft({ ...draft, note: v })} />
      <NonBillable checked={draft.nonBillable} onChange={(v) => setDraft({ ...draft, nonBillable: v })} />
      <p class="row actions">
        <BusyButton type="submit" class="primary" busy={busy}>
          {t('saveExpense')}
        </BusyButton>
      </p>
      <SaveStatus status={status} />
    </form>
  );
}
