/** Builds the seeded firm deterministically from a seed. 10,000 matters take a few tens of ms. */
import { createRng, type Rng } from './prng';
import {
  ACTIVITY_DESCRIPTIONS,
  ADVERSARIAL,
  EXPENSE_CATEGORIES,
  AREA_CODES,
  COMPANY_KINDS,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  ENTRY_NOTES,
  FIRST_NAMES,
  LAST_NAMES,
  MATTER_SUBJECTS,
  PRACTICE_AREAS,
  STREET_NAMES,
} from './seed-names';
import {
  ascii,
  isoDate,
  type Activity,
  type ActivityDescription,
  type Contact,
  type Db,
  type ExpenseCategory,
  type GrowContact,
  type Lead,
  type Matter,
  type MatterStatus,
  type PracticeArea,
  type Relationship,
  type User,
} from './model';

const DAY = 86_400_000;
export const ACCOUNT_ID = 4001;
export const FIRM_NAME = 'Whitfield, Asante & Reyes LLP';

export interface SeedOptions {
  seed: number;
  matters: number;
  contacts?: number;
}

export function seedDb({ seed, matters: matterCount, contacts: contactCount = 900 }: SeedOptions): Db {
  const rng = createRng(seed);
  // Anchor "now" to the start of the current UTC day so a reset within a day reproduces the same data.
  const now = Date.now();
  const today = Math.floor(now / DAY) * DAY;
  const firmFounded = today - 9 * 365 * DAY;

  const account = { id: ACCOUNT_ID, name: FIRM_NAME, createdAt: firmFounded, updatedAt: firmFounded };
  const users = seedUsers(firmFounded);
  const practiceAreas = new Map<number, PracticeArea>();
  PRACTICE_AREAS.forEach(([name, category, code], i) => {
    practiceAreas.set(301 + i, { id: 301 + i, name, category, code, createdAt: firmFounded, updatedAt: firmFounded });
  });

  const activityDescriptions = new Map<number, ActivityDescription>();
  ACTIVITY_DESCRIPTIONS.forEach(([name, fixedRate], i) => {
    activityDescriptions.set(501 + i, { id: 501 + i, name, isDefault: i === 0, fixedRate, createdAt: firmFounded, updatedAt: firmFounded, rev: 0 });
  });

  const expenseCategories = new Map<number, ExpenseCategory>();
  EXPENSE_CATEGORIES.forEach(([name, rate, entryType], i) => {
    expenseCategories.set(601 + i, { id: 601 + i, name, rate, entryType, createdAt: firmFounded, updatedAt: firmFounded, rev: 0 });
  });

  const contacts = seedContacts(rng, contactCount, firmFounded, today);
  const contactList = [...contacts.values()];
  const matters = seedMatters(rng, matterCount, contactList, users, today);
  // Their own generator: the firm above is the same with or without them.
  const relationships = seedRelationships(createRng(seed * 7919 + 17), matters, contactList);
  const activities = seedActivities(rng, matters, users, activityDescriptions, today);
  const growContacts = seedGrowContacts(rng, contactList, today);
  const leads = seedLeads(today);

  return {
    now,
    account,
    users,
    contacts,
    practiceAreas,
    matters,
    relationships,
    activityDescriptions,
    activities,
    expenseCategories,
    billing: { id: 1, currency: 'USD', currencySign: '$', createdAt: firmFounded, updatedAt: firmFounded, rev: 0 },
    timers: new Map(),
    growContacts,
    leads,
    nextId: { activity: 900_001 + activities.size, timer: 7001, lead: 80_001 + leads.length },
    createdActivityIds: [],
  };
}

function seedUsers(createdAt: number): User[] {
  // Sofía sees no billing rates (Clio's "Billing Rate Visibility: None"); Kwame only his own.
  const people: Array<[string, string, string, number, boolean, User['rateVisibility']]> = [
    ['Margaret', 'Whitfield', 'America/New_York', 425, true, 'all'],
    ['Kwame', 'Asante', 'America/New_York', 350, false, 'own'],
    ['Sofía', 'Reyes', 'America/Chicago', 300, false, 'none'],
  ];
  return people.map(([firstName, lastName, timeZone, rate, accountOwner, rateVisibility], i) => ({
    id: 1001 + i,
    firstName,
    lastName,
    timeZone,
    rate,
    rateVisibility,
    accountOwner,
    email: `${ascii(firstName).toLowerCase()}.${ascii(lastName).toLowerCase()}@whitfieldlaw.example`,
    initials: firstName[0]! + lastName[0]!,
    defaultActivityDescriptionId: 501,
    phoneNumber: `(617) 555-01${String(10 + i)}`,
    createdAt,
    updatedAt: createdAt,
    rev: 0,
  }));
}

function phone(rng: Rng, used: Set<string>): string {
  for (;;) {
    const p = `(${rng.pick(AREA_CODES)}) ${rng.int(201, 989)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

function haystackOf(parts: Array<string | null | undefined>): string {
  const text = parts.filter(Boolean).join(' ').toLowerCase();
  const folded = ascii(text);
  return `${text}${folded === text ? '' : ` ${folded}`} ${text.replace(/\D+/g, '')}`;
}

function seedContacts(rng: Rng, count: number, since: number, today: number): Map<number, Contact> {
  const contacts = new Map<number, Contact>();
  const usedPhones = new Set<string>();
  const usedEmails = new Set<string>();
  let emailId = 40_001;
  let phoneId = 50_001;
  for (let i = 0; i < count; i++) {
    const id = 20_001 + i;
    const isCompany = i % 5 === 4; // one in five is a company
    const createdAt = since + Math.floor(rng.next() * (today - since));
    const updatedAt = createdAt + Math.floor(rng.next() * (today - createdAt));
    let firstName: string | null = null;
    let lastName: string | null = null;
    let name: string;
    let email: string;
    if (isCompany) {
      name = `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)} ${rng.pick(COMPANY_SUFFIXES)}`;
      const domain = ascii(name)
        .toLowerCase()
        .replace(/[^a-z ]/g, '')
        .trim()
        .split(/\s+/)
        .slice(0, 2)
        .join('');
      email = `info@${domain}.example`;
    } else {
      firstName = rng.pick(FIRST_NAMES);
      lastName = rng.pick(LAST_NAMES);
      name = `${firstName} ${lastName}`;
      const local = `${ascii(firstName)}.${ascii(lastName)}`.toLowerCase().replace(/[^a-z.]/g, '');
      email = `${local}@${rng.pick(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me'])}`;
    }
    let unique = email;
    for (let n = 2; usedEmails.has(unique); n++) unique = email.replace('@', `${String(n)}@`);
    usedEmails.add(unique);
    const emails: Contact['emails'] = [{ id: emailId++, address: unique, name: isCompany ? 'Work' : 'Home', primary: true }];
    if (!isCompany && rng.chance(0.25)) {
      emails.push({ id: emailId++, address: unique.replace(/@.*/, '@work-mail.example'), name: 'Work', primary: false });
    }
    const phones: Contact['phones'] = [{ id: phoneId++, number: phone(rng, usedPhones), name: isCompany ? 'Work' : 'Personal', primary: true }];
    if (rng.chance(0.3)) phones.push({ id: phoneId++, number: phone(rng, usedPhones), name: 'Work', primary: false });
    contacts.set(id, {
      id,
      type: isCompany ? 'Company' : 'Person',
      firstName,
      lastName,
      name,
      emails,
      phones,
      isClient: false,
      createdAt,
      updatedAt,
      rev: 0,
      haystack: haystackOf([name, ...emails.map((e) => e.address), ...phones.map((p) => p.number)]),
    });
  }
  return contacts;
}

function seedMatters(rng: Rng, count: number, contacts: Contact[], users: User[], today: number): Map<number, Matter> {
  const matters = new Map<number, Matter>();
  const people = contacts.filter((c) => c.type === 'Person');
  const companies = contacts.filter((c) => c.type === 'Company');
  const span = 8 * 365 * DAY;
  for (let i = 0; i < count; i++) {
    const id = 100_001 + i;
    const number = i + 1;
    const areaIndex = rng.int(0, PRACTICE_AREAS.length - 1);
    const area = PRACTICE_AREAS[areaIndex]!;
    const companyFriendly = area[0] === 'Corporate' || area[0] === 'Commercial Litigation' || area[0] === 'Intellectual Property' || area[0] === 'Real Estate';
    const client = companyFriendly && rng.chance(0.6) ? rng.pick(companies) : rng.pick(people);
    client.isClient = true;
    const label = client.type === 'Person' ? client.lastName! : client.name.split(' ')[0]!;
    const subject = rng.pick(MATTER_SUBJECTS[areaIndex]!);
    const description = ADVERSARIAL.has(area[0])
      ? `${label} v. ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)} — ${subject}`
      : area[0] === 'Real Estate' && subject.startsWith('purchase')
        ? `${client.name} — purchase of ${rng.int(2, 990)} ${rng.pick(STREET_NAMES)} St`
        : `${client.name} — ${subject}`;
    // Matters opened in order of their number across the last 8 years.
    const openedAt = today - span + Math.floor(((i + rng.next()) / count) * span);
    const age = today - openedAt;
    const roll = rng.next();
    const status: MatterStatus = age < 30 * DAY && roll < 0.3 ? 'Pending' : roll < 0.8 ? 'Open' : roll < 0.88 ? 'Pending' : 'Closed';
    // Recent matters get touched recently; old ones some time after opening.
    const updatedAt = Math.min(today - 1, openedAt + Math.floor(rng.next() * rng.next() * age) + (age < 90 * DAY ? 0 : Math.floor(rng.next() * 60 * DAY)));
    const closeDate = status === 'Closed' ? isoDate(Math.min(updatedAt, openedAt + rng.int(30, 700) * DAY)) : null;
    const displayNumber = `${String(number).padStart(5, '0')}-${ascii(label).replace(/[^A-Za-z]/g, '')}`;
    const attorney = rng.pick(users);
    matters.set(id, {
      id,
      number,
      displayNumber,
      description,
      status,
      clientId: client.id,
      responsibleAttorneyId: attorney.id,
      originatingAttorneyId: rng.pick(users).id,
      practiceAreaId: 301 + areaIndex,
      openDate: isoDate(openedAt),
      pendingDate: status === 'Pending' ? isoDate(openedAt) : null,
      closeDate,
      lastActivityDate: null,
      billable: rng.chance(0.95),
      billingMethod: area[0] === 'Personal Injury' ? 'contingency' : rng.chance(0.15) ? 'flat' : 'hourly',
      clientReference: rng.chance(0.2) ? `REF-${rng.int(1000, 9999)}` : null,
      rateFactor: rng.chance(0.1) ? 0.9 : 1,
      currency: null,
      createdAt: openedAt,
      updatedAt,
      rev: 0,
      haystack: '',
    });
  }
  const byId = new Map(contacts.map((c) => [c.id, c]));
  for (const m of matters.values()) m.haystack = matterHaystack(m, byId.get(m.clientId) ?? null);
  return matters;
}

/**
 * Contacts in a matter other than as its client, for a conflict check to find: an opposing party in half
 * the adversarial matters (one in twenty of them a client of another matter of the firm), a witness in one
 * in eight.
 */
function seedRelationships(rng: Rng, matters: Map<number, Matter>, contacts: Contact[]): Map<number, Relationship> {
  const relationships = new Map<number, Relationship>();
  const others = contacts.filter((c) => !c.isClient);
  const clients = contacts.filter((c) => c.isClient);
  const people = others.filter((c) => c.type === 'Person');
  if (!others.length || !people.length) return relationships;
  let id = 70_001;
  const add = (m: Matter, contact: Contact, description: string) => {
    if (contact.id === m.clientId) return;
    relationships.set(id, { id, matterId: m.id, contactId: contact.id, description, createdAt: m.createdAt, updatedAt: m.createdAt, rev: 0 });
    id++;
  };
  for (const m of matters.values()) {
    const area = PRACTICE_AREAS[m.practiceAreaId - 301]?.[0] ?? '';
    if (ADVERSARIAL.has(area) && rng.chance(0.5)) add(m, rng.chance(0.05) && clients.length ? rng.pick(clients) : rng.pick(others), 'Opposing Party');
    if (rng.chance(0.125)) add(m, rng.pick(people), 'Witness');
  }
  return relationships;
}

export function matterHaystack(m: Matter, client: Contact | null): string {
  return haystackOf([m.displayNumber, String(m.number), m.description, client?.name, client?.firstName, client?.lastName]);
}

function seedActivities(
  rng: Rng,
  matters: Map<number, Matter>,
  users: User[],
  descriptions: Map<number, ActivityDescription>,
  today: number,
): Map<number, Activity> {
  const activities = new Map<number, Activity>();
  const recent = [...matters.values()]
    .filter((m) => m.status !== 'Closed')
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, 60);
  const descs = [...descriptions.values()];
  let id = 900_001;
  for (let i = 0; i < recent.length * 4 && recent.length; i++) {
    const matter = rng.pick(recent);
    const user = users.find((u) => u.id === matter.responsibleAttorneyId) ?? users[0]!;
    const desc = rng.pick(descs);
    const at = today - rng.int(0, 45) * DAY + rng.int(8, 18) * 3_600_000;
    const quantity = rng.int(1, 20) * 360;
    activities.set(id, {
      id,
      type: 'TimeEntry',
      date: isoDate(at),
      quantity,
      price: desc.fixedRate?.amount ?? user.rate * matter.rateFactor,
      note: rng.pick(ENTRY_NOTES),
      matterId: matter.id,
      userId: user.id,
      activityDescriptionId: desc.id,
      billed: at < today - 30 * DAY && rng.chance(0.6),
      nonBillable: rng.chance(0.08),
      flatRate: desc.fixedRate?.type === 'FlatRate',
      reference: null,
      createdAt: at,
      updatedAt: at,
      rev: 0,
    });
    if (!matter.lastActivityDate || matter.lastActivityDate < isoDate(at)) matter.lastActivityDate = isoDate(at);
    id++;
  }
  return activities;
}

function seedGrowContacts(rng: Rng, contacts: Contact[], today: number): GrowContact[] {
  const result: GrowContact[] = [];
  const people = contacts.filter((c) => c.type === 'Person');
  // 120 contacts Grow shares with Manage (same name, email, phone), for duplicate lookups.
  for (let i = 0; i < 120 && i < people.length; i++) {
    const c = people[(i * 7) % people.length]!;
    result.push(growContact(60_001 + result.length, c.firstName!, c.lastName!, c.emails[0]?.address ?? null, c.phones[0]?.number ?? null, c.createdAt));
  }
  const used = new Set<string>();
  for (let i = 0; i < 180; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const email = rng.chance(0.9) ? `${ascii(first)}.${ascii(last)}${rng.int(1, 99)}@example.net`.toLowerCase().replace(/[^a-z0-9.@]/g, '') : null;
    const createdAt = today - rng.int(1, 700) * DAY;
    result.push(growContact(60_001 + result.length, first, last, email, rng.chance(0.7) ? phone(rng, used) : null, createdAt));
  }
  return result;
}

function growContact(id: number, firstName: string, lastName: string, email: string | null, phoneNumber: string | null, createdAt: number): GrowContact {
  return { id, firstName, lastName, email, phoneNumber, createdAt, updatedAt: createdAt, haystack: haystackOf([firstName, lastName, email, phoneNumber]) };
}

function seedLeads(today: number): Lead[] {
  const mk = (i: number, firstName: string, lastName: string, email: string, message: string, state: Lead['state']): Lead => ({
    id: 80_001 + i,
    firstName,
    lastName,
    email,
    phoneNumber: null,
    fromMessage: message,
    fromSource: 'Website',
    referringUrl: 'https://whitfieldlaw.example/contact',
    marketingSourceId: null,
    state,
    via: 'seed',
    createdAt: today - (i + 1) * DAY,
    updatedAt: today - (i + 1) * DAY,
  });
  return [
    mk(0, 'Renée', 'Lefèvre', 'renee.lefevre@example.net', 'I was let go after reporting a safety issue.', 'untriaged'),
    mk(1, 'Tomás', 'Núñez', 'tomas.nunez@example.net', 'Need help with a lease dispute.', 'untriaged'),
    mk(2, 'Grace', 'Kim', 'grace.kim@example.net', 'Question about a will.', 'ignored'),
  ];
}
