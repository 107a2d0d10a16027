/** The sandbox's in-memory records. Times are epoch milliseconds; dates are 'YYYY-MM-DD'. */

export interface Account {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface User {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  initials: string;
  timeZone: string;
  rate: number;
  /**
   * Clio's "Billing Rate Visibility" (Settings > Manage Users): `all` rates, only the user's `own`, or `none`.
   * Rates a user may not see are hidden from them: null on the wire.
   */
  rateVisibility: 'all' | 'own' | 'none';
  defaultActivityDescriptionId: number;
  phoneNumber: string;
  accountOwner: boolean;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface EmailAddress {
  id: number;
  address: string;
  name: 'Work' | 'Home' | 'Other';
  primary: boolean;
}
export interface PhoneNumber {
  id: number;
  number: string;
  name: 'Work' | 'Personal' | 'Other';
  primary: boolean;
}

export interface Contact {
  id: number;
  type: 'Person' | 'Company';
  firstName: string | null;
  lastName: string | null;
  name: string;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  isClient: boolean;
  createdAt: number;
  updatedAt: number;
  rev: number;
  /** Lower-cased names, emails and phones (also digits only) for `query`. */
  haystack: string;
}

export interface PracticeArea {
  id: number;
  name: string;
  category: string;
  code: string;
  createdAt: number;
  updatedAt: number;
}

export type MatterStatus = 'Open' | 'Pending' | 'Closed';
export interface Matter {
  id: number;
  number: number;
  displayNumber: string;
  description: string;
  status: MatterStatus;
  clientId: number;
  responsibleAttorneyId: number;
  originatingAttorneyId: number;
  practiceAreaId: number;
  openDate: string;
  pendingDate: string | null;
  closeDate: string | null;
  lastActivityDate: string | null;
  billable: boolean;
  billingMethod: 'hourly' | 'flat' | 'contingency';
  clientReference: string | null;
  /** Multiplier applied to rates on this matter (1 = none); shows as hierarchy "Matter". */
  rateFactor: number;
  /** ISO 4217 code of the matter's own currency; null: the firm's billing currency. */
  currency: string | null;
  createdAt: number;
  updatedAt: number;
  rev: number;
  haystack: string;
}

/** A contact's part in a matter other than its client: an opposing party, a witness (Clio's Relationship). */
export interface Relationship {
  id: number;
  matterId: number;
  contactId: number;
  description: string;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface ActivityDescription {
  id: number;
  name: string;
  isDefault: boolean;
  /** Fixed rate; null = the user's hourly rate applies. */
  fixedRate: { amount: number; type: 'FlatRate' | 'Custom' } | null;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

/** A firm's expense category (`/expense_categories`): a default unit rate for expenses of its kind. */
export interface ExpenseCategory {
  id: number;
  name: string;
  /** The price per unit Clio fills in (whole currency units, as the spec's int32 says). */
  rate: number;
  entryType: 'hard_cost' | 'soft_cost' | 'unassociated';
  createdAt: number;
  updatedAt: number;
  rev: number;
}

/** The firm's billing settings (`/settings/billing`), the part the sandbox serves. */
export interface BillingSettings {
  id: number;
  currency: string;
  currencySign: string;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export type ActivityType = 'TimeEntry' | 'ExpenseEntry' | 'HardCostEntry' | 'SoftCostEntry';
export interface Activity {
  id: number;
  type: ActivityType;
  date: string;
  /** Seconds for a TimeEntry. */
  quantity: number;
  price: number;
  note: string | null;
  matterId: number | null;
  userId: number;
  activityDescriptionId: number | null;
  billed: boolean;
  nonBillable: boolean;
  flatRate: boolean;
  reference: string | null;
  /** The Communication this time entry is for (`communication{id}`). */
  communicationId?: number | null;
  /** An expense's category (`expense_category{id}`). */
  expenseCategoryId?: number | null;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface Timer {
  id: number;
  userId: number;
  activityId: number;
  startTime: number;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface GrowContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phoneNumber: string | null;
  createdAt: number;
  updatedAt: number;
  haystack: string;
}

export interface Lead {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phoneNumber: string | null;
  fromMessage: string;
  fromSource: string;
  referringUrl: string;
  marketingSourceId: number | null;
  state: 'untriaged' | 'ignored';
  via: 'seed' | 'api' | 'legacy';
  createdAt: number;
  updatedAt: number;
}

export interface Db {
  now: number;
  account: Account;
  users: User[];
  contacts: Map<number, Contact>;
  practiceAreas: Map<number, PracticeArea>;
  matters: Map<number, Matter>;
  relationships: Map<number, Relationship>;
  activityDescriptions: Map<number, ActivityDescription>;
  activities: Map<number, Activity>;
  expenseCategories: Map<number, ExpenseCategory>;
  billing: BillingSettings;
  timers: Map<number, Timer>; // by user id
  growContacts: GrowContact[];
  leads: Lead[];
  nextId: { activity: number; timer: number; lead: number };
  /** Ids of activities created through the API since the last reset. */
  createdActivityIds: number[];
}

/** Mark a record changed: new updated_at and a new etag. */
export function touch(r: { updatedAt: number; rev: number }, now = Date.now()): void {
  r.updatedAt = Math.max(now, r.updatedAt + 1);
  r.rev += 1;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Fold diacritics and odd letters to ASCII (for emails and search). */
export function ascii(s: string): string {
  return s
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
