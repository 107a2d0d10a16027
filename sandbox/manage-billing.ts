/**
 * Bills, outstanding client balances, bank accounts, Clio Payments links and payments, trust requests; and the admin
 * hooks a test calls (pay a link, take a permission away from the app, a firm without Clio Payments, pick a billed
 * matter). Write bodies are checked as the spec describes them: a link needs `currency` (the destination account's),
 * `description` (≤ 255), `destination_account` (connected to Clio Payments), `duration` (1 … 7,776,000 s) and
 * `subject` (`Bill` | `BankAccount` | `Contact`); a trust request needs `trust_type`, `client_id`, `issue_date`,
 * `due_date`, `approved` and `trust_amount`. Without the app's permission Clio answers 403 (per-resource
 * permissions, docs/clio/REFERENCE.md).
 */
import { randomBytes } from 'node:crypto';
import { isRecord, json, type Reply, type Req } from './http-utils';
import { ApiError } from './manage-errors';
import { invalid } from './manage-checks';
import { boolParam, commonFilters, dataOf, intParam, list, notFound, single, type ManageCtx } from './manage-common';
import {
  balanceOf,
  type BillRecord,
  enabledAccount,
  hasSeededBills,
  isActive,
  type LinkSubjectType,
  MAX_LINK_SECONDS,
  type PaymentLinkRecord,
  type TrustRequestRecord,
  unpaid,
} from './billing-model';
import type { OutstandingBalance } from './resources-billing';
import type { SandboxState } from './state';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SUBJECTS: readonly LinkSubjectType[] = ['BankAccount', 'Bill', 'Contact'];

function needs(ctx: ManageCtx, permission: 'clioPayments' | 'accounting'): void {
  if (!ctx.state.billing.permissions[permission]) {
    const name = permission === 'clioPayments' ? 'Clio Payments' : 'Accounting';
    throw new ApiError(403, `The application does not have the ${name} permission`, 'Forbidden');
  }
}

function idOf(raw: unknown, key: string, required: boolean): number | undefined {
  if (raw === undefined || raw === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (!isRecord(raw) || typeof raw.id !== 'number' || !Number.isInteger(raw.id)) throw invalid(`${key} must be an object with a numeric id`);
  return raw.id;
}

function typed<T>(data: Record<string, unknown>, key: string, type: 'string' | 'number' | 'boolean', required: boolean): T | undefined {
  const v = data[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== type || (type === 'number' && !Number.isFinite(v))) throw invalid(`${key} must be a ${type}`);
  return v as T;
}

function date(data: Record<string, unknown>, key: string): string {
  const v = typed<string>(data, key, 'string', true)!;
  if (!DATE.test(v) || Number.isNaN(Date.parse(v))) throw invalid(`${key} must be an ISO-8601 date`);
  return v;
}

// Bills and balances (Accounting)

export function listBills(ctx: ManageCtx): Reply {
  needs(ctx, 'accounting');
  const matterId = intParam(ctx, 'matter_id');
  const clientId = intParam(ctx, 'client_id');
  const state = ctx.req.query.get('state');
  const overdue = boolParam(ctx, 'overdue_only') || ctx.req.query.get('status') === 'overdue';
  const today = new Date(ctx.now).toISOString().slice(0, 10);
  const items = commonFilters(ctx, ctx.state.billing.bills.values()).filter(
    (b) =>
      (matterId === undefined || b.matterId === matterId) &&
      (clientId === undefined || b.clientId === clientId) &&
      (!state || b.state === state) &&
      (!overdue || (unpaid(b) && b.dueAt < today)),
  );
  const byDue = (a: BillRecord, b: BillRecord) => a.dueAt.localeCompare(b.dueAt) || a.id - b.id;
  return list(ctx, 'bill', items, {
    'id(desc)': (a, b) => b.id - a.id,
    'due_at(asc)': byDue,
    'due_at(desc)': (a, b) => byDue(b, a),
    'issued_at(asc)': (a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id - b.id,
    'issued_at(desc)': (a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.id - a.id,
  });
}

export function showBill(ctx: ManageCtx, id: number): Reply {
  needs(ctx, 'accounting');
  const b = ctx.state.billing.bills.get(id);
  if (!b) throw notFound('Bill', id);
  return single(ctx, 'bill', b);
}

export function listOutstandingBalances(ctx: ManageCtx): Reply {
  needs(ctx, 'accounting');
  const contactId = intParam(ctx, 'contact_id');
  const byClient = new Map<number, OutstandingBalance>();
  for (const b of ctx.state.billing.bills.values()) {
    if (!unpaid(b) || (contactId !== undefined && b.clientId !== contactId)) continue;
    const o = byClient.get(b.clientId) ?? { id: b.clientId, contactId: b.clientId, bills: [], updatedAt: 0 };
    o.bills.push(b);
    o.updatedAt = Math.max(o.updatedAt, b.updatedAt);
    byClient.set(b.clientId, o);
  }
  return list(
    ctx,
    'outstanding_client_balance',
    [...byClient.values()].sort((a, b) => a.id - b.id),
    {},
  );
}

export function listBankAccounts(ctx: ManageCtx): Reply {
  needs(ctx, 'accounting');
  const type = ctx.req.query.get('type');
  const items = commonFilters(ctx, ctx.state.billing.bankAccounts.values()).filter((a) => !type || `${a.type}Account` === type);
  return list(ctx, 'bank_account', items, { 'id(desc)': (a, b) => b.id - a.id, 'name(asc)': (a, b) => a.name.localeCompare(b.name) });
}

export function showBankAccount(ctx: ManageCtx, id: number): Reply {
  needs(ctx, 'accounting');
  const a = ctx.state.billing.bankAccounts.get(id);
  if (!a) throw notFound('BankAccount', id);
  return single(ctx, 'bank_account', a);
}

// Clio Payments

export function listLinks(ctx: ManageCtx): Reply {
  needs(ctx, 'clioPayments');
  const active = boolParam(ctx, 'active');
  const items = commonFilters(ctx, ctx.state.billing.links.values()).filter((l) => active === undefined || isActive(l, ctx.now) === active);
  return list(ctx, 'clio_payments_link', items, {});
}

export function showLink(ctx: ManageCtx, id: number): Reply {
  needs(ctx, 'clioPayments');
  const l = ctx.state.billing.links.get(id);
  if (!l) throw notFound('ClioPaymentsLink', id);
  return single(ctx, 'clio_payments_link', l);
}

export function createLink(ctx: ManageCtx): Reply {
  needs(ctx, 'clioPayments');
  const { billing, db } = ctx.state;
  const data = dataOf(ctx);
  const currency = typed<string>(data, 'currency', 'string', true)!;
  const description = typed<string>(data, 'description', 'string', true)!;
  if (description.length > 255) throw invalid('Validation failed: Description is too long (maximum is 255 characters)');
  const accountId = idOf(data.destination_account, 'destination_account', true)!;
  const duration = typed<number>(data, 'duration', 'number', true)!;
  if (!Number.isInteger(duration) || duration < 1 || duration > MAX_LINK_SECONDS) {
    throw invalid(`Validation failed: Duration must be between 1 and ${MAX_LINK_SECONDS} seconds`);
  }
  const subject = data.subject;
  if (!isRecord(subject) || typeof subject.id !== 'number' || !Number.isInteger(subject.id)) throw invalid('subject must be an object with a numeric id');
  if (!SUBJECTS.includes(subject.type as LinkSubjectType)) throw invalid(`subject type must be one of ${SUBJECTS.join(', ')}`);
  const amount = typed<number>(data, 'amount', 'number', false);
  if (amount !== undefined && amount <= 0) throw invalid('Validation failed: Amount must be greater than 0');
  const email = typed<string>(data, 'email_address', 'string', false);
  const contactId = idOf(data.destination_contact, 'destination_contact', false);
  const revenue = typed<boolean>(data, 'is_allocated_as_revenue', 'boolean', false) ?? false;

  const account = billing.bankAccounts.get(accountId);
  if (!account) throw invalid(`Validation failed: Destination account ${accountId} does not exist`);
  if (!billing.firmClioPayments) throw invalid('Validation failed: Clio Payments is not enabled for this account');
  if (!enabledAccount(billing, account)) throw invalid('Validation failed: Destination account is not connected to Clio Payments');
  if (currency !== account.currency) throw invalid(`Validation failed: Currency must be ${account.currency}, the destination account's currency`);
  if (revenue && account.type === 'Trust') throw invalid('Validation failed: Payments into trust can not be allocated as revenue');
  const type = subject.type as LinkSubjectType;
  if (type === 'Bill') {
    const bill = billing.bills.get(subject.id);
    if (!bill) throw invalid(`Validation failed: Bill ${subject.id} does not exist`);
    if (!unpaid(bill)) throw invalid('Validation failed: Bill has no balance to pay');
    if (amount !== undefined && amount > balanceOf(bill)) throw invalid("Validation failed: Amount can't be more than the bill's balance");
  } else if (type === 'Contact' ? !db.contacts.has(subject.id) : !billing.bankAccounts.has(subject.id)) {
    throw invalid(`Validation failed: ${type} ${subject.id} does not exist`);
  }
  if (contactId !== undefined && !db.contacts.has(contactId)) throw invalid(`Validation failed: Contact ${contactId} does not exist`);

  const link: PaymentLinkRecord = {
    id: billing.nextId.link++,
    token: randomBytes(9).toString('base64url'),
    amount: amount ?? null,
    currency,
    description,
    emailAddress: email ?? null,
    destinationAccountId: accountId,
    destinationContactId: contactId ?? null,
    subject: { id: subject.id, type },
    isAllocatedAsRevenue: revenue,
    expiresAt: ctx.now + duration * 1000,
    expired: false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 1,
  };
  billing.links.set(link.id, link);
  return single(ctx, 'clio_payments_link', link, { status: 201 });
}

export function listPayments(ctx: ManageCtx): Reply {
  needs(ctx, 'clioPayments');
  const contactId = intParam(ctx, 'contact_id');
  const billId = intParam(ctx, 'bill_id');
  const state = ctx.req.query.get('state');
  const items = commonFilters(ctx, ctx.state.billing.payments.values()).filter(
    (p) => (contactId === undefined || p.contactId === contactId) && (billId === undefined || p.billIds.includes(billId)) && (!state || p.state === state),
  );
  return list(ctx, 'clio_payments_payment', items, {});
}

// Trust requests

export function createTrustRequest(ctx: ManageCtx): Reply {
  needs(ctx, 'accounting');
  const { billing, db } = ctx.state;
  const data = dataOf(ctx);
  const trustType = typed<string>(data, 'trust_type', 'string', true)!;
  if (trustType !== 'client' && trustType !== 'matter') throw invalid('trust_type must be one of client, matter');
  const clientId = typed<number>(data, 'client_id', 'number', true)!;
  if (!db.contacts.has(clientId)) throw invalid(`Validation failed: Client ${clientId} does not exist`);
  const issueDate = date(data, 'issue_date');
  const dueDate = date(data, 'due_date');
  if (dueDate < issueDate) throw invalid('Validation failed: Due date must be on or after the issue date');
  const approved = typed<boolean>(data, 'approved', 'boolean', true)!;
  const trustAmount = typed<number>(data, 'trust_amount', 'number', true)!;
  if (trustAmount <= 0) throw invalid('Validation failed: Trust amount must be greater than 0');
  const note = typed<string>(data, 'note', 'string', false) ?? '';
  typed<number>(data, 'currency_id', 'number', false);
  const rawMatters = data.matter;
  if (rawMatters !== undefined && !Array.isArray(rawMatters)) throw invalid('matter must be an array');
  const matters = ((rawMatters as unknown[] | undefined) ?? []).map((m) => {
    const id = idOf(m, 'matter', true)!;
    const matter = db.matters.get(id);
    if (!matter) throw invalid(`Validation failed: Matter ${id} does not exist`);
    if (matter.clientId !== clientId) throw invalid(`Validation failed: Matter ${id} does not belong to client ${clientId}`);
    const r = m as Record<string, unknown>;
    if (r.trust_amount !== undefined && !Number.isInteger(r.trust_amount)) throw invalid('matter trust_amount must be an integer');
    return { id, ...(typeof r.trust_amount === 'number' ? { trustAmount: r.trust_amount } : {}), ...(typeof r.note === 'string' ? { note: r.note } : {}) };
  });
  if (trustType === 'matter' && matters.length === 0) throw invalid('Validation failed: A matter trust request needs a matter');
  const request: TrustRequestRecord = {
    id: billing.nextId.trustRequest++,
    trustType,
    clientId,
    issueDate,
    dueDate,
    approved,
    trustAmount,
    note,
    matters,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 1,
  };
  billing.trustRequests.set(request.id, request);
  return single(ctx, 'trust_request', request, { status: 201 });
}

export const BILLING_ROUTES = {
  bills: { GET: listBills },
  'bills/:id': { GET: showBill },
  outstanding_client_balances: { GET: listOutstandingBalances },
  bank_accounts: { GET: listBankAccounts },
  'bank_accounts/:id': { GET: showBankAccount },
  'clio_payments/links': { GET: listLinks, POST: createLink },
  'clio_payments/links/:id': { GET: showLink },
  'clio_payments/payments': { GET: listPayments },
  trust_requests: { POST: createTrustRequest },
};

// Admin (/__admin/billing…)

/** `POST billing/links/{id}/pay`: the client pays the link in full (a completed payment; a bill's balance drops). */
function payLink(state: SandboxState, id: number): Reply {
  const { billing } = state;
  const link = billing.links.get(id);
  if (!link) return json(404, { error: `no link ${id}` });
  const now = Date.now();
  const bill = link.subject.type === 'Bill' ? billing.bills.get(link.subject.id) : undefined;
  const amount = link.amount ?? (bill ? balanceOf(bill) : 100);
  if (bill) {
    bill.paid = Math.round((bill.paid + amount) * 100) / 100;
    if (balanceOf(bill) <= 0) bill.state = 'paid';
    bill.updatedAt = now;
    bill.rev++;
  }
  const contactId = bill?.clientId ?? (link.subject.type === 'Contact' ? link.subject.id : link.destinationContactId);
  const payment = {
    id: billing.nextId.payment++,
    linkId: id,
    amount,
    currency: link.currency,
    state: 'completed' as const,
    contactId,
    billIds: bill ? [bill.id] : [],
    destinationAccountId: link.destinationAccountId,
    confirmationNumber: `CP-${String(100000 + id)}`,
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  billing.payments.set(payment.id, payment);
  return json(200, { payment });
}

/** Matters with two unpaid bills (the seed's billed matters), for tests. */
function billedMatters(state: SandboxState, limit: number): Reply {
  const out = [];
  for (const m of state.db.matters.values()) {
    if (out.length >= limit) break;
    if (!hasSeededBills(m.id) || m.status !== 'Open') continue;
    const bills = [...state.billing.bills.values()].filter((b) => b.matterId === m.id && unpaid(b));
    if (bills.length !== 2) continue;
    const client = state.db.contacts.get(m.clientId);
    out.push({
      id: m.id,
      display_number: m.displayNumber,
      client_id: m.clientId,
      client_name: client?.name ?? '',
      bills: bills.map((b) => ({ id: b.id, number: b.number, balance: balanceOf(b), due_at: b.dueAt })),
    });
  }
  return json(200, out);
}

/**
 * `/__admin/billing…`, or null for another admin route: `POST billing {clioPayments?, accounting?, firmClioPayments?}`,
 * `GET billing` (links, payments, trust requests made), `GET billing/matters`, `POST billing/links/{id}/pay`.
 */
export function handleBillingAdmin(key: string, req: Req, state: SandboxState): Reply | null {
  const { billing } = state;
  if (key === 'POST billing') {
    const b = isRecord(req.body) ? req.body : {};
    for (const k of ['clioPayments', 'accounting'] as const) if (typeof b[k] === 'boolean') billing.permissions[k] = b[k];
    if (typeof b.firmClioPayments === 'boolean') billing.firmClioPayments = b.firmClioPayments;
    return json(200, { permissions: billing.permissions, firmClioPayments: billing.firmClioPayments });
  }
  if (key === 'GET billing') {
    return json(200, { links: [...billing.links.values()], payments: [...billing.payments.values()], trustRequests: [...billing.trustRequests.values()] });
  }
  if (key === 'GET billing/matters') return billedMatters(state, Number(req.query.get('limit') ?? 5));
  const pay = /^POST billing\/links\/(\d+)\/pay$/.exec(key);
  if (pay) return payLink(state, Number(pay[1]));
  return null;
}
