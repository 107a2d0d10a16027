/**
 * How bills, bank accounts, outstanding client balances, Clio Payments links and payments, trust requests and a
 * matter's account balances look on the wire (the spec's property names and types).
 */
import {
  type BankAccountRecord,
  balanceOf,
  type BillRecord,
  isActive,
  type PaymentLinkRecord,
  type PaymentRecord,
  type TrustRequestRecord,
} from './billing-model';
import { etagOf } from './etag';
import { isoTime } from './model';
import { currencyOf, type Kind, type RenderCtx } from './resources';

const stamps = {
  created_at: (r: { createdAt: number }) => isoTime(r.createdAt),
  updated_at: (r: { updatedAt: number }) => isoTime(r.updatedAt),
};
const LINK_HOST = 'https://payments.sandbox.invalid/pay/';

/** A client's unpaid bills, in one record per client (the contact's id stands for it). */
export interface OutstandingBalance {
  id: number;
  contactId: number;
  bills: BillRecord[];
  updatedAt: number;
}

const bill: Kind<BillRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (b) => b.id,
    etag: (b) => etagOf('bill', b.id, b.rev, b.updatedAt),
    number: (b) => b.number,
    issued_at: (b) => b.issuedAt,
    due_at: (b) => b.dueAt,
    subject: (b) => `Services to ${b.issuedAt}`,
    type: () => 'MatterBill',
    kind: () => 'revenue_kind',
    state: (b) => b.state,
    total: (b) => b.total,
    paid: (b) => b.paid,
    balance: (b) => balanceOf(b),
    due: (b) => balanceOf(b),
    paid_at: (b) => (b.paid > 0 ? isoTime(b.updatedAt) : null),
    ...stamps,
  },
  associations: {
    client: { kind: 'contact', get: (b, { db }) => db.contacts.get(b.clientId) ?? null },
    matters: { kind: 'matter', get: (b, { db }) => [db.matters.get(b.matterId)].filter(Boolean) },
    currency: { kind: 'currency', get: () => currencyOf('USD') },
  },
};

const bankAccount: Kind<BankAccountRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (a) => a.id,
    etag: (a) => etagOf('bank_account', a.id, a.rev, a.updatedAt),
    name: (a) => a.name,
    type: (a) => a.type,
    currency: (a) => a.currency,
    currency_id: (a) => a.currencyId,
    currency_symbol: () => '$',
    clio_payments_enabled: (a, { billing }) => !!billing?.firmClioPayments && a.clioPaymentsEnabled,
    default_account: (a) => a.defaultAccount,
    balance: (a) => a.balance,
    ...stamps,
  },
  associations: {},
};

const outstandingBalance: Kind<OutstandingBalance> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (o) => o.contactId,
    etag: (o) => etagOf('outstanding_client_balance', o.contactId, o.bills.length, o.updatedAt),
    total_outstanding_balance: (o) => Math.round(o.bills.reduce((s, b) => s + balanceOf(b), 0) * 100) / 100,
    pending_payments_total: () => 0,
    associated_matter_ids: (o) => [...new Set(o.bills.map((b) => b.matterId))],
    newest_issued_bill_due_date: (o) =>
      o.bills
        .map((b) => b.dueAt)
        .sort()
        .at(-1) ?? null,
    ...stamps,
    created_at: (o) => isoTime(o.updatedAt),
  },
  associations: {
    contact: { kind: 'contact', get: (o, { db }) => db.contacts.get(o.contactId) ?? null },
    outstanding_bills: { kind: 'bill', get: (o) => o.bills },
    currency: { kind: 'currency', get: () => currencyOf('USD') },
  },
};

const subjectOf = (l: PaymentLinkRecord, type: PaymentLinkRecord['subject']['type'], ctx: RenderCtx) => {
  if (l.subject.type !== type) return null;
  if (type === 'Bill') return ctx.billing?.bills.get(l.subject.id) ?? null;
  if (type === 'BankAccount') return ctx.billing?.bankAccounts.get(l.subject.id) ?? null;
  return ctx.db.contacts.get(l.subject.id) ?? null;
};

const link: Kind<PaymentLinkRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (l) => l.id,
    etag: (l) => etagOf('clio_payments_link', l.id, l.rev, l.updatedAt),
    active: (l, { now }) => isActive(l, now),
    amount: (l) => l.amount,
    currency: (l) => l.currency,
    description: (l) => l.description,
    email_address: (l) => l.emailAddress,
    expires_at: (l) => isoTime(l.expiresAt),
    is_allocated_as_revenue: (l) => l.isAllocatedAsRevenue,
    redirect_url: () => null,
    url: (l) => LINK_HOST + l.token,
    created_at: stamps.created_at,
  },
  associations: {
    bill: { kind: 'bill', get: (l, ctx) => subjectOf(l, 'Bill', ctx) },
    bank_account: { kind: 'bank_account', get: (l, ctx) => subjectOf(l, 'BankAccount', ctx) },
    contact: { kind: 'contact', get: (l, ctx) => subjectOf(l, 'Contact', ctx) },
    destination_account: { kind: 'bank_account', get: (l, { billing }) => billing?.bankAccounts.get(l.destinationAccountId) ?? null },
    destination_contact: { kind: 'contact', get: (l, { db }) => (l.destinationContactId === null ? null : (db.contacts.get(l.destinationContactId) ?? null)) },
    clio_payments_payment: {
      kind: 'clio_payments_payment',
      get: (l, { billing }) => [...(billing?.payments.values() ?? [])].find((p) => p.linkId === l.id) ?? null,
    },
  },
};

/** The spec gives a payment no etag. */
const payment: Kind<PaymentRecord> = {
  defaults: ['id'],
  fields: {
    id: (p) => p.id,
    amount: (p) => p.amount,
    confirmation_number: (p) => p.confirmationNumber,
    currency: (p) => p.currency,
    deposit_as_revenue: () => false,
    description: (p, { billing }) => billing?.links.get(p.linkId)?.description ?? '',
    email_address: (p, { billing }) => billing?.links.get(p.linkId)?.emailAddress ?? null,
    state: (p) => p.state,
    ...stamps,
  },
  associations: {
    clio_payments_link: { kind: 'clio_payments_link', get: (p, { billing }) => billing?.links.get(p.linkId) ?? null },
    contact: { kind: 'contact', get: (p, { db }) => (p.contactId === null ? null : (db.contacts.get(p.contactId) ?? null)) },
    destination_account: { kind: 'bank_account', get: (p, { billing }) => billing?.bankAccounts.get(p.destinationAccountId) ?? null },
    bills: { kind: 'bill', get: (p, { billing }) => p.billIds.map((id) => billing?.bills.get(id)).filter(Boolean) },
  },
};

const trustRequest: Kind<TrustRequestRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (r) => r.id,
    etag: (r) => etagOf('trust_request', r.id, r.rev, r.updatedAt),
    ...stamps,
  },
  associations: {},
};

/** A matter's balance in one bank account (`Matter.account_balances`): its trust funds. */
export interface AccountBalance {
  account: BankAccountRecord;
  balance: number;
}

const accountBalance: Kind<AccountBalance> = {
  defaults: ['id'],
  fields: {
    id: (b) => b.account.id,
    balance: (b) => b.balance,
    type: (b) => b.account.type,
    name: (b) => b.account.name,
    currency_id: (b) => b.account.currencyId,
  },
  associations: {},
};

/** The trust account's balance held for a matter, when it holds any. */
export function accountBalancesOf(matterId: number, ctx: RenderCtx): AccountBalance[] {
  const held = ctx.billing?.trustBalances.get(matterId);
  const trust = [...(ctx.billing?.bankAccounts.values() ?? [])].find((a) => a.type === 'Trust');
  return held && trust ? [{ account: trust, balance: held }] : [];
}

export const BILLING_KINDS = {
  bill,
  bank_account: bankAccount,
  outstanding_client_balance: outstandingBalance,
  clio_payments_link: link,
  clio_payments_payment: payment,
  trust_request: trustRequest,
  account_balance: accountBalance,
};
