/**
 * Clio's billing calls, each with field selection: a matter's client and trust balance, its bills, the client's
 * outstanding balance, the firm's bank accounts, Clio Payments links (made, listed, looked for) and payments, and
 * trust requests.
 */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import { CLOCK_SLACK_MS } from '../outbox/outbox';
import { findSameLink, type LinkSubject, type ListedLink, type WantedLink } from './link-match';

export interface MatterBillingJson {
  id: number;
  display_number: string;
  client: { id: number; name: string; primary_email_address?: string | null } | null;
  /** Funds held for the matter per bank account (`type` Operating or Trust). */
  account_balances?: Array<{ id: number; balance: number; type: string; name: string }> | null;
  currency?: { code: string } | null;
}

export interface BillJson {
  id: number;
  number: string;
  issued_at: string;
  due_at: string;
  balance: number;
  state: string;
  currency?: { code: string } | null;
}

export interface BankAccountJson {
  id: number;
  name: string;
  type: 'Operating' | 'Trust';
  currency: string;
  clio_payments_enabled: boolean;
  default_account?: boolean;
}

export interface LinkJson extends ListedLink {
  url: string;
  expires_at: string;
  active: boolean;
}

export interface PaymentJson {
  id: number;
  state: string;
  amount: number;
  clio_payments_link?: { id: number } | null;
}

export interface TrustRequestJson {
  id: number;
  created_at?: string;
}

const MATTER_FIELDS = fields(['id', 'display_number'], {
  client: ['id', 'name', 'primary_email_address'],
  account_balances: ['id', 'balance', 'type', 'name'],
  currency: ['code'],
});
const BILL_FIELDS = fields(['id', 'number', 'issued_at', 'due_at', 'balance', 'state'], { currency: ['code'] });
const ACCOUNT_FIELDS = fields(['id', 'name', 'type', 'currency', 'clio_payments_enabled', 'default_account']);
const LINK_FIELDS = fields(['id', 'url', 'amount', 'currency', 'description', 'expires_at', 'created_at', 'active'], {
  bill: ['id'],
  bank_account: ['id'],
  contact: ['id'],
});
const PAYMENT_FIELDS = fields(['id', 'state', 'amount'], { clio_payments_link: ['id'] });

/** Fields of a link a 422 may name, to show its message at the right input. */
export const LINK_INPUTS = ['amount', 'currency', 'description', 'destination_account', 'duration', 'email_address', 'subject'] as const;
export const TRUST_INPUTS = ['trust_amount', 'issue_date', 'due_date', 'trust_type', 'client_id', 'approved'] as const;

export const matterBilling = (client: ClioClient, matterId: number) => client.get<MatterBillingJson>(`/matters/${matterId}.json`, { fields: MATTER_FIELDS });

/** The matter's bills, soonest due first (paid ones too: a paid link's bill is one of them). */
export const billsOf = (client: ClioClient, matterId: number) =>
  client.get<BillJson[]>('/bills.json', { fields: BILL_FIELDS, query: { matter_id: matterId, order: 'due_at(asc)', limit: 200 } });

/** The client's outstanding balance (the sum of its unpaid bills), or null when it owes nothing. */
export async function outstandingBalance(client: ClioClient, contactId: number): Promise<{ total: number; currency: string | null } | null> {
  const [o] = await client.get<Array<{ id: number; total_outstanding_balance: number; currency?: { code: string } | null }>>(
    '/outstanding_client_balances.json',
    {
      fields: fields(['id', 'total_outstanding_balance'], { currency: ['code'] }),
      query: { contact_id: contactId, limit: 1 },
    },
  );
  return o ? { total: o.total_outstanding_balance, currency: o.currency?.code ?? null } : null;
}

export const bankAccounts = (client: ClioClient) => client.get<BankAccountJson[]>('/bank_accounts.json', { fields: ACCOUNT_FIELDS, query: { limit: 200 } });

export const activeLinks = (client: ClioClient, createdSince?: string) =>
  client.get<LinkJson[]>('/clio_payments/links.json', { fields: LINK_FIELDS, query: { active: true, created_since: createdSince, limit: 200 } });

export const paymentsOf = (client: ClioClient, contactId: number) =>
  client.get<PaymentJson[]>('/clio_payments/payments.json', { fields: PAYMENT_FIELDS, query: { contact_id: contactId, limit: 200 } });

export interface NewLink extends WantedLink {
  destinationAccountId: number;
  /** Seconds, at most the spec's 7,776,000. */
  duration: number;
  email?: string;
  /** A direct payment's contact (the matter's client). */
  destinationContactId?: number;
}

/** `POST /clio_payments/links` with the spec's fields only (no `external_properties`: links have none). */
export async function createLink(client: ClioClient, l: NewLink): Promise<LinkJson> {
  const data = {
    currency: l.currency,
    description: l.description,
    destination_account: { id: l.destinationAccountId },
    duration: l.duration,
    subject: { id: l.subject.id, type: l.subject.type },
    ...(l.amount === null ? {} : { amount: l.amount }),
    ...(l.email ? { email_address: l.email } : {}),
    ...(l.destinationContactId === undefined ? {} : { destination_contact: { id: l.destinationContactId } }),
  };
  return (await client.post<LinkJson>('/clio_payments/links.json', { data }, { fields: LINK_FIELDS, inputFields: LINK_INPUTS })).data;
}

/** The link an interrupted send of `l` made, if Clio has one (see link-match.ts). */
export async function findLink(client: ClioClient, l: WantedLink, createdAfter: number, claimed: ReadonlySet<unknown>): Promise<LinkJson | null> {
  const since = createdAfter - CLOCK_SLACK_MS;
  const links = await client.get<LinkJson[]>('/clio_payments/links.json', {
    fields: LINK_FIELDS,
    query: { active: true, created_since: new Date(since).toISOString(), limit: 200 },
    priority: 'background',
  });
  return findSameLink(links, l, since, claimed);
}

export interface NewTrustRequest {
  trustType: 'client' | 'matter';
  clientId: number;
  matterId: number;
  /** YYYY-MM-DD. */
  issueDate: string;
  dueDate: string;
  approved: boolean;
  amount: number;
  note: string;
}

/** `POST /trust_requests` with the spec's required fields (a matter request names its matter). */
export async function createTrustRequest(client: ClioClient, r: NewTrustRequest): Promise<TrustRequestJson> {
  const data = {
    trust_type: r.trustType,
    client_id: r.clientId,
    issue_date: r.issueDate,
    due_date: r.dueDate,
    approved: r.approved,
    trust_amount: r.amount,
    ...(r.note ? { note: r.note } : {}),
    ...(r.trustType === 'matter' ? { matter: [{ id: r.matterId }] } : {}),
  };
  return (await client.post<TrustRequestJson>('/trust_requests.json', { data }, { fields: 'id,created_at', inputFields: TRUST_INPUTS })).data;
}

export type { LinkSubject };
