/**
 * "Request trust funds": amount, issue and due dates, trust type (this matter or the client), approved or not, a note;
 * sent through the outbox as Clio's trust request (`billing/request-trust`).
 */
import { useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { decimalMarkOf, formatMoney, parseAmount } from '@/lib/expenses/amount';
import { say, t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { localDay } from './billing-dates';
import { useSentEntry } from './use-sent-entry';
import { uiLocale } from '@/lib/ui-locale';
import { BusyButton } from '@/components/BusyButton';

export function TrustRequestForm({ matter, clientId, currency, sent }: { matter: MatterRef; clientId: number; currency: string | null; sent: () => void }) {
  const [amount, setAmount] = useState('');
  const [issueDate, setIssueDate] = useState(() => localDay());
  const [dueDate, setDueDate] = useState(() => localDay(14));
  const [trustType, setTrustType] = useState<'matter' | 'client'>('matter');
  const [approved, setApproved] = useState(false);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [asked, setAsked] = useState(0);
  const { requestId, busy, follow } = useSentEntry({
    sent: () => {
      setStatus({ tone: 'success', text: t('billingTrustSent', formatMoney(asked, currency, uiLocale())) });
      setAmount('');
      setNote('');
      sent();
    },
    failed: (message) => setStatus({ tone: 'error', text: message || t('errorInternal') }),
    waiting: () => setStatus({ tone: 'info', text: t('billingTrustWaiting') }),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseAmount(amount, decimalMarkOf(uiLocale()));
    if (!parsed.ok) return setStatus({ tone: 'error', text: say(parsed.error) });
    setAsked(parsed.amount);
    setStatus({ tone: 'info', text: t('billingTrustSending') });
    try {
      const entry = await send('billing/request-trust', {
        key: requestId,
        request: { matter, clientId, amount: parsed.amount, issueDate, dueDate, trustType, approved, note },
      });
      follow(entry.id);
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };

  return (
    <form class="card billing-form" aria-label={t('billingRequestTrust')} onSubmit={submit}>
      <label>
        {t('billingAmount')}
        <input value={amount} inputMode="decimal" required onInput={(e) => setAmount(e.currentTarget.value)} />
      </label>
      <label>
        {t('billingIssueDate')}
        <input type="date" value={issueDate} required onInput={(e) => setIssueDate(e.currentTarget.value)} />
      </label>
      <label>
        {t('billingDueDate')}
        <input type="date" value={dueDate} required onInput={(e) => setDueDate(e.currentTarget.value)} />
      </label>
      <label>
        {t('billingTrustType')}
        <select value={trustType} onChange={(e) => setTrustType(e.currentTarget.value as 'matter' | 'client')}>
          <option value="matter">{t('billingTrustMatter')}</option>
          <option value="client">{t('billingTrustClient')}</option>
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={approved} onChange={(e) => setApproved(e.currentTarget.checked)} />
        {t('billingApproveNow')}
      </label>
      <label>
        {t('billingNote')}
        <textarea value={note} rows={2} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <BusyButton type="submit" class="primary" busy={busy}>
        {t('billingSendTrust')}
      </BusyButton>
      <StatusMessage status={status} />
    </form>
  );
}
