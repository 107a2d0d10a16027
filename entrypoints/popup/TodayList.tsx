/**
 * "Today": the user's time entries from Clio, entries still waiting in the outbox, and the total; beside them, today's
 * expenses with their own total (from the same request). Both are edited in place (EditExpense.tsx for an expense).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Status } from '@/components/StatusMessage';
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { formatDuration } from '@/lib/duration';
import { t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import { TIME_ENTRY, type TimeEntryPayload } from '@/lib/time-entries/time-entry-courier';
import { TIMER_STOP, type TimerStopPayload } from '@/lib/timer/timer-stop-courier';
import { messageOf } from '@/components/error-message';
import { useExpenseSetup } from '@/components/expense/use-expense-setup';
import { formatMoney, totalOf } from '@/lib/expenses/amount';
import type { ExpenseJson } from '@/lib/expenses/clio-expenses';
import { EXPENSE, type ExpensePayload } from '@/lib/expenses/expense-courier';
import { loadWhenUsed } from '@/components/load-when-used';
import { billedIfRounded } from '@/lib/time-entries/billed';
import type { TimerState } from '@/lib/timer/model';
import { Totals } from './Totals';
import { uiLocale } from '@/lib/ui-locale';

/** Editing and splitting are rare: their forms' code loads when first opened. */
const EditExpense = loadWhenUsed(() => import('./used-later').then((m) => m.EditExpense));
const EditEntry = loadWhenUsed(() => import('./used-later').then((m) => m.EditEntry));
const SplitEntry = loadWhenUsed(() => import('./used-later').then((m) => m.SplitEntry));

export function TodayList({ outbox, timer, paused }: { outbox: OutboxEntry[]; timer: TimerState | null; paused: TimerState[] }) {
  const [entries, setEntries] = useState<ActivityJson[] | null>(null);
  const [expenses, setExpenses] = useState<ExpenseJson[]>([]);
  const setup = useExpenseSetup();
  const money = (n: number) => formatMoney(n, setup.currency, uiLocale());
  const [status, setStatus] = useState<Status | null>(null);
  /** The one record open for editing (time entries and expenses share Clio's activity ids). */
  const [editing, setEditing] = useState<number | null>(null);
  /** A time entry being split across two matters. */
  const [splitting, setSplitting] = useState<number | null>(null);
  const edited = (s: Status | null) => (setEditing(null), setSplitting(null), setStatus(s), void load());

  const latest = useRef(0);
  /** Loads today's entries; an older answer that arrives late never overwrites a newer one. */
  const load = async () => {
    const mine = ++latest.current;
    try {
      const today = await send('time-entries/today');
      if (mine !== latest.current) return;
      const newest = <T extends { created_at?: string }>(list: T[]) => [...list].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
      setEntries(newest(today.entries));
      setExpenses(newest(today.expenses ?? []));
    } catch (e) {
      if (mine !== latest.current) return;
      setStatus({ tone: 'error', text: messageOf(e) });
      setEntries([]);
    }
  };
  const sentCount = outbox.filter((e) => e.state === 'sent').length;
  useEffect(() => void load(), [sentCount]);

  const waiting = outbox.filter((e) => e.state !== 'sent' && (e.kind === TIME_ENTRY || e.kind === TIMER_STOP));
  const waitingSeconds = waiting.filter((e) => e.kind === TIME_ENTRY).reduce((s, e) => s + (e.payload as TimeEntryPayload).seconds, 0);

  const waitingExpenses = outbox.filter((e) => e.state !== 'sent' && e.kind === EXPENSE);
  const expenseTotal =
    expenses.reduce((s, a) => s + a.total, 0) +
    waitingExpenses.reduce((s, e) => s + totalOf((e.payload as ExpensePayload).price, (e.payload as ExpensePayload).quantity), 0);

  return (
    <section aria-label={t('today')}>
      <Totals today={entries} waitingSeconds={waitingSeconds} waitingCount={waiting.length} timer={timer} />
      <ul class="today">
        {entries === null ? <li class="hint">{t('loadingToday')}</li> : null}
        {waiting.map((e) => (
          <Waiting key={e.id} entry={e} money={money} />
        ))}
        {entries?.length === 0 && waiting.length === 0 ? <li class="hint">{t('noTimeToday')}</li> : null}
        {entries?.map((a) =>
          editing === a.id ? (
            <EditEntry key={a.id} entry={a} done={edited} />
          ) : splitting === a.id ? (
            <SplitEntry key={a.id} entry={a} done={edited} />
          ) : (timer?.runningSince != null && timer.activityId === a.id) || paused.some((p) => p.activityId === a.id) ? (
            // A timer's own entry (running or paused): its stop writes the time it keeps (the totals count it as it
            // runs), so it is corrected, switched or split on the timer, not here.
            <li key={a.id}>
              <span class="dur">
                {timer?.activityId === a.id ? <span class="running-mark">{t('runningNow')}</span> : <span class="paused-mark">{t('pausedNow')}</span>}
              </span>{' '}
              <span class="num">{a.matter?.display_number ?? ''}</span>
              <span class="note">{a.note || a.matter?.description || ''}</span>
            </li>
          ) : (
            <li key={a.id}>
              <span class="dur">{formatDuration(a.quantity)}</span> <span class="num">{a.matter?.display_number ?? ''}</span>
              <Billed entry={a} />
              <span class="note">{a.note || a.matter?.description || ''}</span>
              <button
                type="button"
                class="link"
                onClick={() => (setSplitting(null), setEditing(a.id))}
                aria-label={
                  a.matter?.display_number != null
                    ? t('editEntryOn', formatDuration(a.quantity), a.matter.display_number)
                    : t('editEntryNoMatter', formatDuration(a.quantity))
                }
              >
                {t('edit')}
              </button>{' '}
              {a.quantity > 1 ? (
                <button
                  type="button"
                  class="link"
                  onClick={() => (setEditing(null), setSplitting(a.id))}
                  aria-label={t('splitEntryOn', formatDuration(a.quantity), a.matter?.display_number ?? '')}
                >
                  {t('split')}
                </button>
              ) : null}
            </li>
          ),
        )}
      </ul>
      {expenses.length || waitingExpenses.length ? (
        <>
          <h2 class="expenses-total">{t('todayExpenses', money(expenseTotal))}</h2>
          <ul class="today" aria-label={t('tabExpense')}>
            {waitingExpenses.map((e) => (
              <Waiting key={e.id} entry={e} money={money} />
            ))}
            {expenses.map((a) =>
              editing === a.id ? (
                <EditExpense key={a.id} expense={a} setup={setup} money={money} done={edited} />
              ) : (
                <li key={a.id}>
                  <span class="dur">{money(a.total)}</span> <span class="num">{a.matter?.display_number ?? ''}</span>
                  <span class="note">{[a.expense_category?.name, a.note].filter(Boolean).join(' · ')}</span>
                  <button
                    type="button"
                    class="link"
                    onClick={() => setEditing(a.id)}
                    aria-label={
                      a.matter?.display_number != null ? t('editExpenseOn', money(a.total), a.matter.display_number) : t('editExpenseNoMatter', money(a.total))
                    }
                  >
                    {t('edit')}
                  </button>
                </li>
              ),
            )}
          </ul>
        </>
      ) : null}
      <p role="status" class={`status ${status ? `status-${status.tone}` : ''}`}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}

function Waiting({ entry, money }: { entry: OutboxEntry; money: (n: number) => string }) {
  const p = entry.payload as Partial<TimeEntryPayload & TimerStopPayload & ExpensePayload>;
  const label = p.matter ? matterLabel(p.matter) : (p.matterLabel ?? '');
  const what = entry.kind === EXPENSE ? money(totalOf(p.price ?? 0, p.quantity ?? 1)) : formatDuration(p.seconds ?? 0);
  return (
    <li class="waiting">
      <span class="dur">{what}</span>{' '}
      <span class="num one-line" title={label}>
        {label}
      </span>
      <span class="note">{entry.state === 'failed' ? t('notSent', entry.lastError?.message ?? '') : t('pendingClio')}</span>
      {entry.state === 'sending' ? (
        <span class="hint">{t('sending')}</span>
      ) : (
        <span class="entry-actions">
          <button type="button" class="small" onClick={() => void send('outbox/retry', { id: entry.id })}>
            {t('retry')}
          </button>
          <button
            type="button"
            class="small"
            onClick={() =>
              confirm(t(entry.kind === TIMER_STOP ? 'confirmDiscardStop' : entry.kind === EXPENSE ? 'confirmDiscardExpense' : 'confirmDiscardEntry')) &&
              void send('outbox/discard', { id: entry.id })
            }
          >
            {t('discard')}
          </button>
        </span>
      )}
    </li>
  );
}

/** What Clio bills for an entry, when the firm's rounding changes it ("bills as 0.1 h"). */
function Billed({ entry }: { entry: ActivityJson }) {
  const billed = billedIfRounded(entry, uiLocale());
  return billed ? <span class="billed"> {t('billsAs', billed)}</span> : null;
}
