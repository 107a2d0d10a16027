/** An expense of Today edited in place: amount, quantity, category, description, non-billable (If-Match; a 422 at its field). */
import { useState } from 'preact/hooks';
import { fieldErrorsOf, messageOf } from '@/components/error-message';
import { NonBillable, NoteField } from '@/components/entry-fields';
import { CategorySelect, checkFigures, EXPENSE_FIELD_OF, type ExpenseFieldErrors, FiguresInputs } from '@/components/expense/expense-inputs';
import type { Status } from '@/components/StatusMessage';
import { decimalMarkOf, readFigures } from '@/lib/expenses/amount';
import type { ExpenseJson } from '@/lib/expenses/clio-expenses';
import type { ExpenseSetup } from '@/lib/expenses/expense-setup';
import { send } from '@/lib/messaging/send';
import { EditActions, sendEdit } from './edit-in-place';
import { uiLocale } from '@/lib/ui-locale';

export function EditExpense({
  expense,
  setup,
  money,
  done,
}: {
  expense: ExpenseJson;
  setup: ExpenseSetup;
  money: (n: number) => string;
  done: (s: Status | null) => void;
}) {
  const mark = decimalMarkOf(uiLocale());
  const [amount, setAmount] = useState(String(expense.price).replace('.', mark));
  const [quantity, setQuantity] = useState(String(expense.quantity).replace('.', mark));
  const [categoryId, setCategoryId] = useState(expense.expense_category?.id ?? null);
  const [note, setNote] = useState(expense.note ?? '');
  const [nonBillable, setNonBillable] = useState(expense.non_billable);
  const [errors, setErrors] = useState<ExpenseFieldErrors>({});
  /** A refusal that names no field (Clio unreachable, signed out): said under the form, the input kept. */
  const [problem, setProblem] = useState('');
  const id = `edit-expense-${expense.id}`;

  const save = (e: Event) => {
    e.preventDefault();
    const checked = checkFigures(amount, quantity, note, mark);
    setProblem('');
    if (!checked.ok) return setErrors(checked.errors);
    const change = { price: checked.price, quantity: checked.quantity, note, expenseCategoryId: categoryId, nonBillable };
    return sendEdit(
      () => send('expenses/update', { id: expense.id, etag: expense.etag, change }),
      done,
      (err) => {
        const mapped = fieldErrorsOf(err, EXPENSE_FIELD_OF);
        setErrors(mapped);
        if (!Object.keys(mapped).length) setProblem(messageOf(err));
      },
    );
  };
  return (
    <li class="editing">
      <form onSubmit={save} noValidate>
        <p class="num">{expense.matter?.display_number ?? ''}</p>
        <FiguresInputs
          id={id}
          amount={amount}
          quantity={quantity}
          figures={readFigures(amount, quantity, mark)}
          currency={setup.currency}
          errors={errors}
          money={money}
          onAmount={setAmount}
          onQuantity={setQuantity}
        />
        <CategorySelect id={`${id}-category`} value={categoryId} categories={setup.categories} error={errors.category} onChange={setCategoryId} />
        <NoteField id={`${id}-note`} value={note} error={errors.note} onInput={setNote} />
        <NonBillable checked={nonBillable} onChange={setNonBillable} />
        {problem ? <p class="field-error">{problem}</p> : null}
        <EditActions cancel={() => done(null)} />
      </form>
    </li>
  );
}
