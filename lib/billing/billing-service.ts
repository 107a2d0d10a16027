/**
 * A matter's billing for the side panel's "Billing" section, asked only when it is opened: the matter's client and
 * trust balance, then at once its bills, the client's outstanding balance, the bank accounts Clio Payments can pay
 * into, and the active payment links with whether each was paid (5 requests, 6 when the matter has links). Payment
 * links and trust requests are written to the outbox and sent exactly once (1 request each). A permission the app lacks, or a firm
 * without Clio Payments, is said in words that say what to change.
 */
import type { ClioClient } from '../clio/client';
import { type AppError, appError, toAppError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import type { Outbox } from '../outbox/outbox';
import type { OutboxEntry } from '../outbox/outbox-machine';
import { saveFromForm } from '../outbox/save-from-form';
import { isCalendarDate } from '../time-entries/time-entry-service';
import { say } from '../i18n';
import {
  activeLinks,
  type BankAccountJson,
  type BillJson,
  bankAccounts,
  billsOf,
  type LinkJson,
  matterBilling,
  outstandingBalance,
  paymentsOf,
} from './clio-billing';
import { PAYMENT_LINK, type PaymentLinkPayload, TRUST_REQUEST, type TrustRequestPayload } from './billing-couriers';
import { linkDuration } from './link-duration';
import { type LinkSubject, subjectOfListed } from './link-match';

export interface LinkRow {
  id: number;
  url: string;
  amount: number | null;
  currency: string;
  description: string;
  expiresAt: string;
  /** The bill it pays, by number; null for a direct payment. */
  billNumber: string | null;
  paid: boolean;
}

export interface MatterBilling {
  client: { id: number; name: string; email: string } | null;
  /** The client's outstanding balance, all matters; null when nothing is owed. */
  outstanding: { total: number; currency: string | null } | null;
  /** Trust funds held for the matter, per trust account. */
  trust: Array<{ name: string; balance: number }>;
  /** The matter's unpaid bills, soonest due first. */
  bills: BillJson[];
  currency: string | null;
  /** Clio Payments: the accounts a link can pay into and the matter's active links, or why there are none. */
  payments: { accounts: BankAccountJson[]; links: LinkRow[] } | { problem: string };
  /** Bills and balances could not be read (the Accounting permission). */
  problem?: string;
}

export interface PaymentRequest {
  matter: MatterRef;
  /** A bill, or the destination account for a direct payment of an amount. */
  billId: number | null;
  /** null: the client chooses (a bill's link only). */
  amount: number | null;
  /** One of the section's `payments.accounts`: its currency is the link's. */
  account: { id: number; currency: string };
  /** The matter's client: a direct payment is theirs. */
  clientId: number | null;
  /** Whole days, as typed. */
  days: string;
  email: string;
  description: string;
}

export interface TrustFundsRequest {
  matter: MatterRef;
  clientId: number;
  amount: number;
  issueDate: string;
  dueDate: string;
  trustType: 'client' | 'matter';
  approved: boolean;
  note: string;
}

export interface BillingServiceDeps {
  client: ClioClient;
  outbox: Outbox;
  saved: (key: string) => Promise<void>;
}

const at = (field: string, message: string): AppError => appError('validation', message, { fieldErrors: { [field]: message } });
const isUnpaid = (b: BillJson) => b.state === 'awaiting_payment' && b.balance > 0;

/** A 403 from Clio Payments or Accounting, in words that say which permission to tick. */
function permissionProblem(e: unknown, which: 'payments' | 'accounting'): AppError {
  const err = toAppError(e);
  if (err.kind !== 'forbidden') return err;
  return appError('forbidden', t(which === 'payments' ? 'billingNoPaymentsPermission' : 'billingNoAccountingPermission'));
}

export class BillingService {
  constructor(private readonly deps: BillingServiceDeps) {}

  async ofMatter(matterId: number): Promise<MatterBilling> {
    const { client } = this.deps;
    const m = await matterBilling(client, matterId);
    const who = m.client ? { id: m.client.id, name: m.client.name, email: m.client.primary_email_address ?? '' } : null;
    const [bills, outstanding, payments] = await Promise.all([
      billsOf(client, matterId).then(
        (all) => ({ bills: all }),
        (e: unknown) => ({ problem: permissionProblem(e, 'accounting').message }),
      ),
      who ? outstandingBalance(client, who.id).catch(() => null) : Promise.resolve(null),
      this.payments(),
    ]);
    const all = 'bills' in bills ? bills.bills : [];
    // A paid link's bill is no longer unpaid: the matter's links are found among all its bills.
    const shown =
      'accounts' in payments ? { accounts: payments.accounts, links: await this.linksOf(payments.links, all, m.display_number, who?.id ?? null) } : payments;
    return {
      client: who,
      outstanding,
      trust: (m.account_balances ?? []).filter((b) => b.type === 'Trust').map((b) => ({ name: b.name, balance: b.balance })),
      bills: all.filter(isUnpaid),
      currency: m.currency?.code ?? null,
      payments: shown,
      ...('problem' in bills ? { problem: bills.problem } : {}),
    };
  }

  /** The accounts Clio Payments pays into and the active links; or why Clio Payments cannot be used. */
  private async payments(): Promise<{ accounts: BankAccountJson[]; links: LinkJson[] } | { problem: string }> {
    const { client } = this.deps;
    // Bank accounts are Accounting's; links are Clio Payments'.
    const said = (which: 'payments' | 'accounting') => (e: unknown) => Promise.reject(permissionProblem(e, which));
    try {
      const [accounts, links] = await Promise.all([bankAccounts(client).catch(said('accounting')), activeLinks(client).catch(said('payments'))]);
      const enabled = accounts.filter((a) => a.clio_payments_enabled);
      if (enabled.length === 0) return { problem: t('billingNoClioPayments') };
      return { accounts: enabled, links };
    } catch (e) {
      return { problem: toAppError(e).message };
    }
  }

  /** The matter's links (for one of its bills, or naming its number), each with whether a payment was made with it. */
  private async linksOf(links: LinkJson[], bills: BillJson[], displayNumber: string, clientId: number | null): Promise<LinkRow[]> {
    const byId = new Map(bills.map((b) => [b.id, b]));
    const mine = links.filter((l) => {
      const s = subjectOfListed(l);
      return (s?.type === 'Bill' && byId.has(s.id)) || (l.description ?? '').includes(displayNumber);
    });
    if (mine.length === 0) return [];
    const payments = clientId === null ? [] : await paymentsOf(this.deps.client, clientId).catch(() => []);
    const paid = new Set(payments.filter((p) => p.state === 'completed' || p.state === 'completed_requiring_allocation').map((p) => p.clio_payments_link?.id));
    return mine.map((l) => {
      const s = subjectOfListed(l);
      return {
        id: l.id,
        url: l.url,
        amount: l.amount,
        currency: l.currency,
        description: l.description ?? '',
        expiresAt: l.expires_at,
        billNumber: s?.type === 'Bill' ? (byId.get(s.id)?.number ?? null) : null,
        paid: paid.has(l.id),
      };
    });
  }

  /** Writes the payment link to the outbox and tries to make it at once; the same `key` twice is one link. */
  async requestPayment(r: PaymentRequest, key?: string): Promise<OutboxEntry> {
    const { account } = r;
    if (!account?.id || !/^[A-Z]{3}$/.test(account.currency)) throw at('destination_account', t('billingChooseAccount'));
    const duration = linkDuration(r.days);
    if (!duration.ok) throw at('duration', say(duration.error));
    if (r.billId === null && (r.amount === null || !(r.amount > 0))) throw at('amount', t('amountPositive'));
    const description = r.description.trim();
    if (!description) throw at('description', t('billingDescriptionNeeded'));
    if (description.length > 255) throw at('description', t('billingDescriptionTooLong'));
    const subject: LinkSubject = r.billId === null ? { id: account.id, type: 'BankAccount' } : { id: r.billId, type: 'Bill' };
    const payload: PaymentLinkPayload = {
      matter: r.matter,
      subject,
      amount: r.amount,
      currency: account.currency,
      description,
      destinationAccountId: account.id,
      duration: duration.seconds,
      ...(r.email.trim() ? { email: r.email.trim() } : {}),
      ...(r.billId === null && r.clientId !== null ? { destinationContactId: r.clientId } : {}),
    };
    return saveFromForm(this.deps.outbox, PAYMENT_LINK, payload, key, this.deps.saved).catch((e: unknown) => {
      throw permissionProblem(e, 'payments');
    });
  }

  /** Writes the trust request to the outbox and tries to send it at once. */
  async requestTrust(r: TrustFundsRequest, key?: string): Promise<OutboxEntry> {
    if (!(r.amount > 0)) throw at('trust_amount', t('amountPositive'));
    if (!isCalendarDate(r.issueDate)) throw at('issue_date', t('enterRealDate'));
    if (!isCalendarDate(r.dueDate)) throw at('due_date', t('enterRealDate'));
    if (r.dueDate < r.issueDate) throw at('due_date', t('billingDueAfterIssue'));
    if (!r.clientId) throw appError('validation', t('billingNoClient'));
    const payload: TrustRequestPayload = {
      matter: r.matter,
      trustType: r.trustType,
      clientId: r.clientId,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      approved: r.approved,
      amount: r.amount,
      note: r.note.trim(),
    };
    return saveFromForm(this.deps.outbox, TRUST_REQUEST, payload, key, this.deps.saved).catch((e: unknown) => {
      throw permissionProblem(e, 'accounting');
    });
  }
}
