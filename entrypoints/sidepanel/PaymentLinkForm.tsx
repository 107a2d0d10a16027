/**
 * "Request payment": a Clio Payments link for one of the matter's unpaid bills or for an amount, into an account
 * connected to Clio Payments (the link's currency is the account's), open for a number of days (7 first, at most
 * Clio's 90), the client's email prefilled. Made through the outbox (`billing/request-payment`); once Clio made it,
 * its address shows in the textbox "Payment link" with its expiry, and "Copy link" copies it.
 */
import { useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import type { BankAccountJson, LinkJson } from '@/lib/billing/clio-billing';
import type { MatterBilling } from '@/lib/billing/billing-service';
import { DEFAULT_LINK_DAYS, linkDuration, MAX_LINK_DAYS } from '@/lib/billing/link-duration';
import { decimalMarkOf, formatMoney, parseAmount } from '@/lib/expenses/amount';
import { say, t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { billingWhen } from './billing-dates';
import { useSentEntry } from './use-sent-entry';
import { uiLocale } from '@/lib/ui-locale';
import { BusyButton } from '@/components/BusyButton';

const AMOUNT = 'amount';
/** A bill's balance as the Amount field shows it: "945.50" (the locale's marks, no currency sign). */
const plainAmount = (n: number) => formatMoney(n, null, uiLocale());

export function PaymentLinkForm({
  matter,
  billing,
  accounts,
  made,
}: {
  matter: MatterRef;
  billing: MatterBilling;
  accounts: BankAccountJson[];
  made: () => void;
}) {
  const firstBill = billing.bills[0];
  const [payFor, setPayFor] = useState<string>(firstBill ? String(firstBill.id) : AMOUNT);
  const bill = billing.bills.find((b) => String(b.id) === payFor);
  const descriptionFor = (b: typeof bill) =>
    b ? t('billingDescriptionForBill', b.number, matter.displayNumber) : t('billingDescriptionForAmount', matter.displayNumber);
  const [amount, setAmount] = useState(firstBill ? plainAmount(firstBill.balance) : '');
  const [accountId, setAccountId] = useState(String((accounts.find((a) => a.type === 'Operating') ?? accounts[0])?.id ?? ''));
  const [days, setDays] = useState(String(DEFAULT_LINK_DAYS));
  const [email, setEmail] = useState(billing.client?.email ?? '');
  const [description, setDescription] = useState(descriptionFor(firstBill));
  const [status, setStatus] = useState<Status | null>(null);
  const [link, setLink] = useState<LinkJson | null>(null);
  const mark = decimalMarkOf(uiLocale());
  const account = accounts.find((a) => String(a.id) === accountId);
  const { requestId, busy, follow } = useSentEntry({
    sent: (result) => {
      setLink(result as LinkJson);
      setStatus(null);
      made();
    },
    failed: (message) => setStatus({ tone: 'error', text: message || t('errorInternal') }),
    waiting: () => setStatus({ tone: 'info', text: t('billingLinkWaiting') }),
  });

  const choose = (value: string) => {
    const b = billing.bills.find((x) => String(x.id) === value);
    setPayFor(value);
    setAmount(b ? plainAmount(b.balance) : '');
    setDescription(descriptionFor(b));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = amount.trim() || !bill ? parseAmount(amount, mark) : null;
    if (parsed && !parsed.ok) return setStatus({ tone: 'error', text: say(parsed.error) });
    const duration = linkDuration(days);
    if (!duration.ok) return setStatus({ tone: 'error', text: say(duration.error) });
    if (!account) return setStatus({ tone: 'error', text: t('billingChooseAccount') });
    setLink(null);
    setStatus({ tone: 'info', text: t('billingLinkSending') });
    try {
      const entry = await send('billing/request-payment', {
        key: requestId,
        request: {
          matter,
          billId: bill ? bill.id : null,
          amount: parsed?.ok ? parsed.amount : null,
          account: { id: account.id, currency: account.currency },
          clientId: billing.client?.id ?? null,
          days,
          email,
          description,
        },
      });
      follow(entry.id);
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };

  const copy = async () => {
    if (!link) return;
    await navigator.clipboard.writeText(link.url);
    setStatus({ tone: 'success', text: t('billingLinkCopied') });
  };

  return (
    <form class="card billing-form" aria-label={t('billingRequestPayment')} onSubmit={submit}>
      <label>
        {t('billingPayFor')}
        <select value={payFor} onChange={(e) => choose(e.currentTarget.value)}>
          {billing.bills.map((b) => (
            <option key={b.id} value={String(b.id)}>
              {t('billingPayForBill', b.number, formatMoney(b.balance, b.currency?.code ?? billing.currency, uiLocale()))}
            </option>
          ))}
          <option value={AMOUNT}>{t('billingPayForAmount')}</option>
        </select>
      </label>
      <label>
        {t('billingAmount')}
        <input value={amount} inputMode="decimal" required={!bill} onInput={(e) => setAmount(e.currentTarget.value)} />
      </label>
      <label>
        {t('billingDepositTo')}
        <select value={accountId} onChange={(e) => setAccountId(e.currentTarget.value)}>
          {accounts.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {t('billingAccountOption', a.name, a.currency)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('billingDays')}
        <input value={days} inputMode="numeric" aria-describedby="billing-days-hint" onInput={(e) => setDays(e.currentTarget.value)} />
      </label>
      <p class="hint" id="billing-days-hint">
        {t('billingDaysHint', String(MAX_LINK_DAYS))}
      </p>
      <label>
        {t('billingEmail')}
        <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <label>
        {t('billingDescription')}
        <input value={description} maxLength={255} required onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <BusyButton type="submit" class="primary" busy={busy}>
        {t('billingCreateLink')}
      </BusyButton>
      {link ? (
        <div class="made-link">
          <label>
            {t('billingLinkLabel')}
            <textarea readOnly rows={2} value={link.url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p class="hint">{t('billingLinkExpires', billingWhen(link.expires_at))}</p>
          <button type="button" onClick={copy}>
            {t('billingCopyLink')}
          </button>
        </div>
      ) : null}
      <StatusMessage status={status} />
    </form>
  );
}
