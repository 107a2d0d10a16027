/**
 * A matter's "Billing": the client's outstanding balance, the trust funds held for the matter, its unpaid bills
 * (overdue marked), "Request payment" and "Request trust funds", and its active payment links with whether each was
 * paid. Asked of Clio only when the section is opened (`billing/of-matter`), again after a link or a request is made
 * and on "Refresh billing". A permission the app lacks, or a firm without Clio Payments, is said as Clio's answer.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import type { MatterBilling } from '@/lib/billing/billing-service';
import { formatMoney } from '@/lib/expenses/amount';
import { t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { billingDay, billingWhen, localDay } from './billing-dates';
import { LazySection } from './LazySection';
import { PaymentLinkForm } from './PaymentLinkForm';
import { TrustRequestForm } from './TrustRequestForm';
import { uiLocale } from '@/lib/ui-locale';

function BillingBody({ matter }: { matter: MatterRef }) {
  const [shown, setShown] = useState<MatterBilling | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<'payment' | 'trust' | null>(null);
  useEffect(() => {
    let current = true;
    setError('');
    void send('billing/of-matter', { matterId: matter.id }).then(
      (b) => current && setShown(b),
      (e) => current && setError(messageOf(e)),
    );
    return () => void (current = false);
  }, [matter.id, version]);

  if (error) return <p class="status status-error">{error}</p>;
  if (!shown) return <p class="hint">{t('loading')}</p>;
  const reload = () => setVersion((v) => v + 1);
  const today = localDay();
  const money = (n: number, currency?: string | null) => formatMoney(n, currency ?? shown.currency, uiLocale());
  return (
    <div class="billing">
      <dl>
        {shown.problem ? null : (
          <>
            <dt>{t('billingOutstanding')}</dt>
            <dd>{shown.outstanding && shown.outstanding.total > 0 ? money(shown.outstanding.total, shown.outstanding.currency) : t('billingNothingOwed')}</dd>
          </>
        )}
        {shown.trust.map((a) => (
          <Fragment key={a.name}>
            <dt>{t('billingTrustIn', a.name)}</dt>
            <dd>{money(a.balance)}</dd>
          </Fragment>
        ))}
      </dl>
      {shown.problem ? <p class="problem">{shown.problem}</p> : null}
      <h3>{t('billingUnpaidBills')}</h3>
      {shown.bills.length === 0 && !shown.problem ? <p class="hint">{t('billingNoUnpaidBills')}</p> : null}
      <ul class="recent bills" aria-label={t('billingUnpaidBills')}>
        {shown.bills.map((b) => (
          <li key={b.id}>
            <span class="bill-head">
              <strong>{t('billingBillNumber', b.number)}</strong> <span class="money">{money(b.balance, b.currency?.code)}</span>
              {b.due_at < today ? <span class="badge overdue">{t('billingOverdue')}</span> : null}
            </span>
            <span class="date">
              {t('billingIssued', billingDay(b.issued_at))} · {t('billingDue', billingDay(b.due_at))}
            </span>
          </li>
        ))}
      </ul>
      <p class="row actions">
        <button type="button" aria-expanded={open === 'payment'} onClick={() => setOpen(open === 'payment' ? null : 'payment')}>
          {t('billingRequestPayment')}
        </button>
        <button type="button" aria-expanded={open === 'trust'} onClick={() => setOpen(open === 'trust' ? null : 'trust')}>
          {t('billingRequestTrust')}
        </button>
        <button type="button" class="link" onClick={reload}>
          {t('billingRefresh')}
        </button>
      </p>
      {open === 'payment' ? (
        'problem' in shown.payments ? (
          <p class="problem">{shown.payments.problem}</p>
        ) : (
          <PaymentLinkForm matter={matter} billing={shown} accounts={shown.payments.accounts} made={reload} />
        )
      ) : null}
      {open === 'trust' && shown.client ? <TrustRequestForm matter={matter} clientId={shown.client.id} currency={shown.currency} sent={reload} /> : null}
      <h3>{t('billingPaymentLinks')}</h3>
      {'problem' in shown.payments ? (
        <p class="problem">{shown.payments.problem}</p>
      ) : (
        <>
          {shown.payments.links.length === 0 ? <p class="hint">{t('billingNoLinks')}</p> : null}
          <ul class="recent links" aria-label={t('billingPaymentLinks')}>
            {shown.payments.links.map((l) => (
              <li key={l.id}>
                <span class="bill-head">
                  <strong>{l.billNumber ? t('billingBillNumber', l.billNumber) : l.description}</strong>{' '}
                  <span class="money">{l.amount === null ? t('billingAnyAmount') : money(l.amount, l.currency)}</span>
                  <span class={`badge ${l.paid ? 'paid' : ''}`}>{l.paid ? t('billingLinkPaid') : t('billingLinkUnpaid')}</span>
                </span>
                <span class="date">{t('billingExpires', billingWhen(l.expiresAt))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function BillingSection({ matter }: { matter: MatterRef }) {
  return (
    <LazySection id="section-billing" title={t('sectionBilling')} matterId={matter.id}>
      {() => <BillingBody matter={matter} />}
    </LazySection>
  );
}
