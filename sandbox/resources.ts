/**
 * How each record looks on the wire: the fields it offers (spec property names and types) and
 * the associations that `fields=assoc{…}` can open one level deep.
 */
import { etagOf } from './etag';
import { FILING_KINDS } from './resources-filing';
import { DEADLINE_KINDS } from './resources-deadlines';
import { accountBalancesOf, BILLING_KINDS } from './resources-billing';
import type { BillingDb } from './billing-model';
import type { FilingDb } from './filing-model';
import type { DeadlinesDb } from './deadlines-model';
import type { UploadSigner } from './uploads';
import {
  isoTime,
  type Activity,
  type ActivityDescription,
  type BillingSettings,
  type Contact,
  type Db,
  type ExpenseCategory,
  type Matter,
  type Relationship,
  type Timer,
  type User,
} from './model';

export interface RenderCtx {
  db: Db;
  now: number;
  rateUserId?: number;
  rateMatterId?: number;
  /** Signs the put_urls a document version shows. */
  uploads?: UploadSigner;
  /** Documents, categories, communications and notes. */
  filing?: FilingDb;
  /** Tasks, calendars and calendar entries. */
  deadlines?: DeadlinesDb;
  /** Bills, bank accounts, payment links and payments, trust requests. */
  billing?: BillingDb;
  /** The user asking (calendars' permissions and entries' times are theirs). */
  userId?: number;
}

type Getter<T> = (r: T, ctx: RenderCtx) => unknown;
export interface Association<T> {
  kind: KindName;
  get: (r: T, ctx: RenderCtx) => unknown;
}
export interface Kind<T> {
  fields: Record<string, Getter<T>>;
  associations: Record<string, Association<T>>;
  /** Fields returned when the resource is named without a selection. */
  defaults: string[];
}

export type KindName =
  | 'user'
  | 'account'
  | 'contact'
  | 'email_address'
  | 'phone_number'
  | 'matter'
  | 'relationship'
  | 'practice_area'
  | 'activity_description'
  | 'rate'
  | 'activity'
  | 'expense_category'
  | 'billing_setting'
  | 'currency'
  | 'timer'
  | 'document'
  | 'document_version'
  | 'document_category'
  | 'external_property'
  | 'communication'
  | 'participant'
  | 'note'
  | 'task'
  | 'calendar'
  | 'calendar_entry'
  | keyof typeof BILLING_KINDS;

export { etagOf };

const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;
const ROUND_TO = 360; // Clio rounds time up to the next 6 minutes

const stamps = {
  created_at: (r: { createdAt: number }) => isoTime(r.createdAt),
  updated_at: (r: { updatedAt: number }) => isoTime(r.updatedAt),
};

const user: Kind<User> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (u) => u.id,
    etag: (u) => etagOf('user', u.id, u.rev, u.updatedAt),
    name: (u) => `${u.firstName} ${u.lastName}`,
    first_name: (u) => u.firstName,
    last_name: (u) => u.lastName,
    email: (u) => u.email,
    initials: (u) => u.initials,
    enabled: () => true,
    account_owner: (u) => u.accountOwner,
    clio_connect: () => false,
    subscription_type: () => 'Attorney',
    roles: (u) => (u.accountOwner ? ['admin', 'billing'] : ['billing']),
    rate: (u, ctx) => (seesRateOf(ctx, u.id) ? u.rate : null),
    phone_number: (u) => u.phoneNumber,
    time_zone: (u) => u.timeZone,
    ...stamps,
  },
  associations: {
    default_activity_description: { kind: 'activity_description', get: (u, { db }) => db.activityDescriptions.get(u.defaultActivityDescriptionId) ?? null },
    account: { kind: 'account', get: (_u, { db }) => db.account },
  },
};

const account: Kind<Db['account']> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (a) => a.id,
    etag: (a) => etagOf('account', a.id, 0, a.updatedAt),
    name: (a) => a.name,
    state: () => 'active',
    ...stamps,
  },
  associations: {},
};

const emailAddress: Kind<Contact['emails'][number]> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (e) => e.id,
    etag: (e) => etagOf('email', e.id, 0, 0),
    address: (e) => e.address,
    name: (e) => e.name,
    primary: (e) => e.primary,
  },
  associations: {},
};

const phoneNumber: Kind<Contact['phones'][number]> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (p) => p.id,
    etag: (p) => etagOf('phone', p.id, 0, 0),
    number: (p) => p.number,
    name: (p) => p.name,
    primary: (p) => p.primary,
  },
  associations: {},
};

const contact: Kind<Contact> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (c) => c.id,
    etag: (c) => etagOf('contact', c.id, c.rev, c.updatedAt),
    type: (c) => c.type,
    name: (c) => c.name,
    first_name: (c) => c.firstName,
    last_name: (c) => c.lastName,
    initials: (c) => (c.type === 'Person' ? `${c.firstName?.[0] ?? ''}${c.lastName?.[0] ?? ''}` : c.name.slice(0, 2).toUpperCase()),
    primary_email_address: (c) => c.emails.find((e) => e.primary)?.address ?? null,
    secondary_email_address: (c) => c.emails.find((e) => !e.primary)?.address ?? null,
    primary_phone_number: (c) => c.phones.find((p) => p.primary)?.number ?? null,
    secondary_phone_number: (c) => c.phones.find((p) => !p.primary)?.number ?? null,
    is_client: (c) => c.isClient,
    is_co_counsel: () => false,
    ...stamps,
  },
  associations: {
    email_addresses: { kind: 'email_address', get: (c) => c.emails },
    phone_numbers: { kind: 'phone_number', get: (c) => c.phones },
  },
};

const practiceArea: Kind<Db['practiceAreas'] extends Map<number, infer P> ? P : never> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (p) => p.id,
    etag: (p) => etagOf('practice_area', p.id, 0, p.updatedAt),
    name: (p) => p.name,
    category: (p) => p.category,
    code: (p) => p.code,
    ...stamps,
  },
  associations: {},
};

const matter: Kind<Matter> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (m) => m.id,
    etag: (m) => etagOf('matter', m.id, m.rev, m.updatedAt),
    number: (m) => m.number,
    display_number: (m) => m.displayNumber,
    description: (m) => m.description,
    status: (m) => m.status,
    client_id: (m) => m.clientId,
    client_reference: (m) => m.clientReference,
    billable: (m) => m.billable,
    billing_method: (m) => m.billingMethod,
    open_date: (m) => m.openDate,
    pending_date: (m) => m.pendingDate,
    close_date: (m) => m.closeDate,
    last_activity_date: (m) => m.lastActivityDate,
    location: () => null,
    shared: () => false,
    has_tasks: () => false,
    ...stamps,
  },
  associations: {
    client: { kind: 'contact', get: (m, { db }) => db.contacts.get(m.clientId) ?? null },
    responsible_attorney: { kind: 'user', get: (m, { db }) => db.users.find((u) => u.id === m.responsibleAttorneyId) ?? null },
    originating_attorney: { kind: 'user', get: (m, { db }) => db.users.find((u) => u.id === m.originatingAttorneyId) ?? null },
    practice_area: { kind: 'practice_area', get: (m, { db }) => db.practiceAreas.get(m.practiceAreaId) ?? null },
    currency: { kind: 'currency', get: (m, { db }) => currencyOf(m.currency ?? db.billing.currency) },
    account_balances: { kind: 'account_balance', get: (m, ctx) => accountBalancesOf(m.id, ctx) },
  },
};

/** The currencies a matter may be billed in (Clio's Currency: id, code, sign); the firm's billing currency by default. */
const CURRENCIES: ReadonlyArray<{ id: number; code: string; sign: string }> = [
  { id: 1, code: 'USD', sign: '$' },
  { id: 2, code: 'CAD', sign: '$' },
  { id: 3, code: 'EUR', sign: '€' },
  { id: 4, code: 'GBP', sign: '£' },
];
export const currencyOf = (code: string) => CURRENCIES.find((c) => c.code === code) ?? null;

const currency: Kind<{ id: number; code: string; sign: string }> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (c) => c.id,
    etag: (c) => etagOf('currency', c.id, 0, 0),
    code: (c) => c.code,
    sign: (c) => c.sign,
  },
  associations: {},
};

const relationship: Kind<Relationship> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (r) => r.id,
    etag: (r) => etagOf('relationship', r.id, r.rev, r.updatedAt),
    description: (r) => r.description,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (r, { db }) => db.matters.get(r.matterId) ?? null },
    contact: { kind: 'contact', get: (r, { db }) => db.contacts.get(r.contactId) ?? null },
  },
};

/**
 * May the asking user see `ofUserId`'s rates? Clio's Billing Rate Visibility: `all`, only their `own`, or `none`
 * (rates hidden: null on the wire). A request without an asking user (admin views) sees them.
 */
export function seesRateOf(ctx: RenderCtx, ofUserId: number): boolean {
  const viewer = ctx.userId === undefined ? undefined : ctx.db.users.find((u) => u.id === ctx.userId);
  if (!viewer) return true;
  return viewer.rateVisibility === 'all' || (viewer.rateVisibility === 'own' && viewer.id === ofUserId);
}

export interface ResolvedRate {
  amount: number;
  non_billable_amount: number;
  type: 'User' | 'FlatRate' | 'Custom';
  hierarchy: 'Default' | 'Activity' | 'Matter';
}

/** Clio's rate hierarchy, simplified: description's fixed rate, else the user's rate; a matter's factor on top. */
export function resolveRate(d: ActivityDescription, ctx: RenderCtx): ResolvedRate {
  const u = ctx.db.users.find((x) => x.id === ctx.rateUserId) ?? ctx.db.users[0]!;
  const m = ctx.rateMatterId === undefined ? undefined : ctx.db.matters.get(ctx.rateMatterId);
  const base = d.fixedRate ? { amount: d.fixedRate.amount, type: d.fixedRate.type } : { amount: u.rate, type: 'User' as const };
  const factor = m?.rateFactor ?? 1;
  return {
    amount: round(base.amount * factor),
    non_billable_amount: 0,
    type: base.type,
    hierarchy: factor !== 1 ? 'Matter' : d.fixedRate ? 'Activity' : 'Default',
  };
}

const rate: Kind<ResolvedRate> = {
  defaults: ['amount', 'type'],
  fields: { amount: (r) => r.amount, non_billable_amount: (r) => r.non_billable_amount, type: (r) => r.type, hierarchy: (r) => r.hierarchy },
  associations: {},
};

const activityDescription: Kind<ActivityDescription> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (d) => d.id,
    etag: (d) => etagOf('activity_description', d.id, d.rev, d.updatedAt),
    name: (d) => d.name,
    default: (d) => d.isDefault,
    visible_to_co_counsel: () => false,
    accessible_to_user: () => true,
    ...stamps,
  },
  associations: {
    rate: { kind: 'rate', get: (d, ctx) => (seesRateOf(ctx, ctx.rateUserId ?? ctx.userId ?? 0) ? resolveRate(d, ctx) : null) },
  },
};

/** Quantities of an activity as Clio reports them (a TimeEntry's quantity is seconds). */
export function quantities(a: Activity): { quantity: number; rounded: number; hours: number; roundedHours: number; total: number } {
  const rounded = a.type === 'TimeEntry' ? Math.ceil(a.quantity / ROUND_TO) * ROUND_TO : a.quantity;
  const hours = a.type === 'TimeEntry' ? a.quantity / 3600 : a.quantity;
  const roundedHours = a.type === 'TimeEntry' ? rounded / 3600 : a.quantity;
  const total = a.flatRate ? a.price : round(roundedHours * a.price);
  return { quantity: a.quantity, rounded, hours: round(hours, 4), roundedHours: round(roundedHours, 4), total };
}

const activity: Kind<Activity> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (a) => a.id,
    etag: (a) => etagOf('activity', a.id, a.rev, a.updatedAt),
    type: (a) => a.type,
    date: (a) => a.date,
    quantity: (a) => a.quantity,
    rounded_quantity: (a) => quantities(a).rounded,
    quantity_in_hours: (a) => quantities(a).hours,
    rounded_quantity_in_hours: (a) => quantities(a).roundedHours,
    price: (a) => a.price,
    total: (a) => quantities(a).total,
    non_billable_total: (a) => (a.nonBillable ? quantities(a).total : 0),
    note: (a) => a.note,
    billed: (a) => a.billed,
    on_bill: (a) => a.billed,
    flat_rate: (a) => a.flatRate,
    non_billable: (a) => a.nonBillable,
    no_charge: () => false,
    contingency_fee: () => false,
    quantity_redacted: () => false,
    reference: (a) => a.reference,
    tax_setting: () => 'no_tax',
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (a, { db }) => (a.matterId === null ? null : (db.matters.get(a.matterId) ?? null)) },
    user: { kind: 'user', get: (a, { db }) => db.users.find((u) => u.id === a.userId) ?? null },
    activity_description: {
      kind: 'activity_description',
      get: (a, { db }) => (a.activityDescriptionId === null ? null : (db.activityDescriptions.get(a.activityDescriptionId) ?? null)),
    },
    timer: { kind: 'timer', get: (a, { db }) => [...db.timers.values()].find((t) => t.activityId === a.id) ?? null },
    communication: { kind: 'communication', get: (a, { filing }) => (a.communicationId ? (filing?.communications.get(a.communicationId) ?? null) : null) },
    expense_category: {
      kind: 'expense_category',
      get: (a, { db }) => (a.expenseCategoryId ? (db.expenseCategories.get(a.expenseCategoryId) ?? null) : null),
    },
  },
};

const expenseCategory: Kind<ExpenseCategory> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (c) => c.id,
    etag: (c) => etagOf('expense_category', c.id, c.rev, c.updatedAt),
    name: (c) => c.name,
    rate: (c) => c.rate,
    entry_type: (c) => c.entryType,
    accessible_to_user: () => true,
    ...stamps,
  },
  associations: {},
};

const billingSetting: Kind<BillingSettings> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (b) => b.id,
    etag: (b) => etagOf('billing_setting', b.id, b.rev, b.updatedAt),
    currency: (b) => b.currency,
    currency_sign: (b) => b.currencySign,
  },
  associations: {},
};

const timer: Kind<Timer> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (t) => t.id,
    etag: (t) => etagOf('timer', t.id, t.rev, t.updatedAt),
    start_time: (t) => isoTime(t.startTime),
    /** Hours since the timer started (this running segment). */
    elapsed_time: (t, { now }) => round((now - t.startTime) / 3_600_000, 6),
    ...stamps,
  },
  associations: {
    activity: { kind: 'activity', get: (t, { db }) => db.activities.get(t.activityId) ?? null },
  },
};

// biome-ignore lint/suspicious/noExplicitAny: a table of kinds with different record types
export const KINDS: Record<KindName, Kind<any>> = {
  user,
  account,
  contact,
  email_address: emailAddress,
  phone_number: phoneNumber,
  matter,
  relationship,
  practice_area: practiceArea,
  activity_description: activityDescription,
  rate,
  activity,
  expense_category: expenseCategory,
  billing_setting: billingSetting,
  currency,
  timer,
  ...FILING_KINDS,
  ...DEADLINE_KINDS,
  ...BILLING_KINDS,
};
