/** Read-only Manage endpoints: users, matters, contacts, relationships, activity descriptions, expense categories, billing settings. */
import type { Reply } from './http-utils';
import { ApiError } from './manage-errors';
import { commonFilters, intParam, list, notFound, queryParam, single, type ManageCtx } from './manage-common';
import type { Contact, Matter, MatterStatus } from './model';

export function whoAmI(ctx: ManageCtx): Reply {
  return single(ctx, 'user', ctx.user);
}

export function listUsers(ctx: ManageCtx): Reply {
  const name = ctx.req.query.get('name')?.toLowerCase();
  const users = commonFilters(ctx, ctx.db.users).filter((u) => !name || `${u.firstName} ${u.lastName}`.toLowerCase().includes(name));
  return list(ctx, 'user', users, {
    'id(desc)': (a, b) => b.id - a.id,
    'name(asc)': (a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`),
    'last_name(asc)': (a, b) => a.lastName.localeCompare(b.lastName),
  });
}

export function showUser(ctx: ManageCtx, id: number): Reply {
  const user = ctx.db.users.find((u) => u.id === id);
  if (!user) throw notFound('User', id);
  return single(ctx, 'user', user);
}

const STATUSES: Record<string, MatterStatus> = { open: 'Open', pending: 'Pending', closed: 'Closed' };

export function listMatters(ctx: ManageCtx): Reply {
  const q = queryParam(ctx);
  let statuses: Set<MatterStatus> | undefined;
  const rawStatus = ctx.req.query.get('status');
  if (rawStatus) {
    statuses = new Set();
    for (const s of rawStatus.split(',').map((x) => x.trim())) {
      const st = STATUSES[s];
      if (!st) throw new ApiError(400, `status must be a comma-separated list of open, pending, closed (got "${s}")`);
      statuses.add(st);
    }
  }
  const clientId = intParam(ctx, 'client_id');
  const attorneyId = intParam(ctx, 'responsible_attorney_id');
  const areaId = intParam(ctx, 'practice_area_id');
  const matters = commonFilters(ctx, ctx.db.matters.values()).filter(
    (m) =>
      (!q || m.haystack.includes(q)) &&
      (!statuses || statuses.has(m.status)) &&
      (clientId === undefined || m.clientId === clientId) &&
      (attorneyId === undefined || m.responsibleAttorneyId === attorneyId) &&
      (areaId === undefined || m.practiceAreaId === areaId),
  );
  const clientName = (m: Matter): string => ctx.db.contacts.get(m.clientId)?.name ?? '';
  return list(ctx, 'matter', matters, {
    'id(desc)': (a, b) => b.id - a.id,
    'display_number(asc)': (a, b) => a.displayNumber.localeCompare(b.displayNumber),
    'display_number(desc)': (a, b) => b.displayNumber.localeCompare(a.displayNumber),
    'updated_at(asc)': (a, b) => a.updatedAt - b.updatedAt,
    'updated_at(desc)': (a, b) => b.updatedAt - a.updatedAt,
    'open_date(asc)': (a, b) => a.openDate.localeCompare(b.openDate),
    'open_date(desc)': (a, b) => b.openDate.localeCompare(a.openDate),
    'client.name(asc)': (a, b) => clientName(a).localeCompare(clientName(b)),
    'client.name(desc)': (a, b) => clientName(b).localeCompare(clientName(a)),
  });
}

export function showMatter(ctx: ManageCtx, id: number): Reply {
  const matter = ctx.db.matters.get(id);
  if (!matter) throw notFound('Matter', id);
  return single(ctx, 'matter', matter);
}

export function listContacts(ctx: ManageCtx): Reply {
  const q = queryParam(ctx);
  const digits = q?.replace(/\D+/g, '');
  const type = ctx.req.query.get('type');
  if (type !== null && type !== 'Person' && type !== 'Company') throw new ApiError(400, 'type must be Person or Company');
  const clientOnly = ctx.req.query.get('client_only') === 'true';
  const contacts = commonFilters(ctx, ctx.db.contacts.values()).filter(
    (c) =>
      (!q || c.haystack.includes(q) || (!!digits && digits.length >= 4 && c.haystack.includes(digits))) &&
      (type === null || c.type === type) &&
      (!clientOnly || c.isClient),
  );
  const byName = (a: Contact, b: Contact): number => a.name.localeCompare(b.name);
  return list(ctx, 'contact', contacts, {
    'id(desc)': (a, b) => b.id - a.id,
    'name(asc)': byName,
    'name(desc)': (a, b) => byName(b, a),
  });
}

export function showContact(ctx: ManageCtx, id: number): Reply {
  const contact = ctx.db.contacts.get(id);
  if (!contact) throw notFound('Contact', id);
  return single(ctx, 'contact', contact);
}

/** Contacts' parts in matters other than client: `contact_id` and `matter_id` filter them. */
export function listRelationships(ctx: ManageCtx): Reply {
  const contactId = intParam(ctx, 'contact_id');
  const matterId = intParam(ctx, 'matter_id');
  const items = commonFilters(ctx, ctx.db.relationships.values()).filter(
    (r) => (contactId === undefined || r.contactId === contactId) && (matterId === undefined || r.matterId === matterId),
  );
  return list(ctx, 'relationship', items, { 'id(desc)': (a, b) => b.id - a.id });
}

export function showRelationship(ctx: ManageCtx, id: number): Reply {
  const r = ctx.db.relationships.get(id);
  if (!r) throw notFound('Relationship', id);
  return single(ctx, 'relationship', r);
}

export function listActivityDescriptions(ctx: ManageCtx): Reply {
  const matterId = intParam(ctx, 'rate_for[matter_id]');
  const userId = intParam(ctx, 'rate_for[user_id]');
  if (matterId !== undefined && !ctx.db.matters.has(matterId)) throw notFound('Matter', matterId);
  if (userId !== undefined && !ctx.db.users.some((u) => u.id === userId)) throw notFound('User', userId);
  const items = commonFilters(ctx, ctx.db.activityDescriptions.values());
  return list(
    ctx,
    'activity_description',
    items,
    {
      'name(asc)': (a, b) => a.name.localeCompare(b.name),
    },
    { rateUserId: userId ?? ctx.user.id, rateMatterId: matterId },
  );
}

export function listExpenseCategories(ctx: ManageCtx): Reply {
  const entryType = ctx.req.query.get('entry_type');
  const q = queryParam(ctx);
  const items = commonFilters(ctx, ctx.db.expenseCategories.values()).filter(
    (c) => (entryType === null || c.entryType === entryType) && (!q || c.name.toLowerCase().includes(q)),
  );
  return list(ctx, 'expense_category', items, {
    'name(asc)': (a, b) => a.name.localeCompare(b.name),
    'name(desc)': (a, b) => b.name.localeCompare(a.name),
  });
}

export function showBillingSettings(ctx: ManageCtx): Reply {
  return single(ctx, 'billing_setting', ctx.db.billing);
}
