/**
 * What the sandbox keeps of billing: bills (seeded on one matter in five: two unpaid, one of them overdue, and one
 * paid), bank accounts (an operating and a trust account with Clio Payments, an operating one without), each matter's
 * trust balance, Clio Payments links and payments, trust requests; and what the app may do (its Clio Payments and
 * Accounting permissions) and whether the firm has Clio Payments at all. Seeded from the matters, deterministic.
 */
import { type Db, isoDate } from './model';

export type BillState = 'draft' | 'awaiting_payment' | 'paid';

export interface BillRecord {
  id: number;
  number: string;
  matterId: number;
  clientId: number;
  /** YYYY-MM-DD. */
  issuedAt: string;
  dueAt: string;
  total: number;
  paid: number;
  state: BillState;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface BankAccountRecord {
  id: number;
  name: string;
  type: 'Operating' | 'Trust';
  currency: string;
  currencyId: number;
  clioPaymentsEnabled: boolean;
  defaultAccount: boolean;
  balance: number;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export type LinkSubjectType = 'BankAccount' | 'Bill' | 'Contact';

export interface PaymentLinkRecord {
  id: number;
  token: string;
  amount: number | null;
  currency: string;
  description: string;
  emailAddress: string | null;
  destinationAccountId: number;
  destinationContactId: number | null;
  subject: { id: number; type: LinkSubjectType };
  isAllocatedAsRevenue: boolean;
  expiresAt: number;
  expired: boolean;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface PaymentRecord {
  id: number;
  linkId: number;
  amount: number;
  currency: string;
  state: 'completed';
  contactId: number | null;
  billIds: number[];
  destinationAccountId: number;
  confirmationNumber: string;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface TrustRequestRecord {
  id: number;
  trustType: 'client' | 'matter';
  clientId: number;
  issueDate: string;
  dueDate: string;
  approved: boolean;
  trustAmount: number;
  note: string;
  matters: Array<{ id: number; trustAmount?: number; note?: string }>;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface BillingDb {
  bills: Map<number, BillRecord>;
  bankAccounts: Map<number, BankAccountRecord>;
  /** Trust funds held for a matter, by matter id. */
  trustBalances: Map<number, number>;
  links: Map<number, PaymentLinkRecord>;
  payments: Map<number, PaymentRecord>;
  trustRequests: Map<number, TrustRequestRecord>;
  /** The app's permissions as ticked on its developer page (both on unless a test turns one off). */
  permissions: { clioPayments: boolean; accounting: boolean };
  /** The firm has Clio Payments (its accounts can be connected); off, no account is. */
  firmClioPayments: boolean;
  nextId: { link: number; payment: number; trustRequest: number };
}

/** Clio's limit on a link's life: 90 days (the spec's `duration` maximum). */
export const MAX_LINK_SECONDS = 7_776_000;
export const USD_ID = 1;
const DAY = 86_400_000;

/** Matters billed in the seed: one in five, by id. */
export const hasSeededBills = (matterId: number): boolean => matterId % 5 === 1;

export function seedBilling(db: Db): BillingDb {
  const now = db.now;
  const stamp = { createdAt: now - 60 * DAY, updatedAt: now - 60 * DAY, rev: 1 };
  const bankAccounts = new Map<number, BankAccountRecord>();
  const account = (id: number, name: string, type: 'Operating' | 'Trust', enabled: boolean, balance: number) =>
    bankAccounts.set(id, { id, name, type, currency: 'USD', currencyId: USD_ID, clioPaymentsEnabled: enabled, defaultAccount: id === 7001, balance, ...stamp });
  account(7001, 'Operating (Clio Payments)', 'Operating', true, 48_250);
  account(7002, 'Client Trust (Clio Payments)', 'Trust', true, 131_400);
  account(7003, 'Payroll', 'Operating', false, 12_000);

  const bills = new Map<number, BillRecord>();
  const trustBalances = new Map<number, number>();
  let id = 9001;
  for (const m of db.matters.values()) {
    if (!hasSeededBills(m.id)) continue;
    const bill = (issuedDaysAgo: number, dueInDays: number, total: number, paid: number, state: BillState) => {
      const bid = id++;
      bills.set(bid, {
        id: bid,
        number: String(bid - 8000),
        matterId: m.id,
        clientId: m.clientId,
        issuedAt: isoDate(now - issuedDaysAgo * DAY),
        dueAt: isoDate(now + dueInDays * DAY),
        total,
        paid,
        state,
        ...stamp,
      });
    };
    const base = 250 + (m.id % 37) * 25;
    bill(75, -45, base * 2, base * 2, 'paid');
    bill(40, -10, base + 120.5, 100, 'awaiting_payment'); // overdue, partly paid
    bill(5, 25, base * 3, 0, 'awaiting_payment');
    trustBalances.set(m.id, 1_000 + (m.id % 11) * 150);
  }
  return {
    bills,
    bankAccounts,
    trustBalances,
    links: new Map(),
    payments: new Map(),
    trustRequests: new Map(),
    permissions: { clioPayments: true, accounting: true },
    firmClioPayments: true,
    nextId: { link: 1, payment: 1, trustRequest: 1 },
  };
}

export const balanceOf = (b: BillRecord): number => Math.round((b.total - b.paid) * 100) / 100;
export const unpaid = (b: BillRecord): boolean => b.state === 'awaiting_payment' && balanceOf(b) > 0;
/** Active: not expired by time or by a PATCH (the spec's `active` filter: "whether or not they have expired"). */
export const isActive = (l: PaymentLinkRecord, now: number): boolean => !l.expired && l.expiresAt > now;
export const enabledAccount = (billing: BillingDb, a: BankAccountRecord): boolean => billing.firmClioPayments && a.clioPaymentsEnabled;
