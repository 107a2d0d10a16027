/**
 * The Grow API at /grow/… (bearer, scopes, 3 requests/s per app, {"error":{status,message}})
 * and the legacy token-authenticated Lead Inbox at POST /inbox_leads.
 */
import { LEAD_INBOX_TOKEN } from './credentials';
import { createGrowLead, createLegacyLead, leadJson } from './grow-leads';
import { bearer, growError, isRecord, json, type Reply, type Req } from './http-utils';
import type { GrowContact } from './model';
import { decodePageToken, encodePageToken } from './paging';
import type { SandboxState } from './state';
import type { Grant } from './tokens';

type Handler = (req: Req, state: SandboxState, grant: Grant) => Reply;
interface Route {
  scopes: string[];
  handler: Handler;
}

const routes: Record<string, Partial<Record<string, Route>>> = {
  'users/who_am_i': { GET: { scopes: ['grow_user_read'], handler: whoAmI } },
  contacts: { GET: { scopes: ['grow_contact_read'], handler: listContacts } },
  inbox_leads: {
    GET: { scopes: ['grow_lead_inbox_read', 'grow_lead_inbox_write'], handler: listLeads },
    POST: { scopes: ['grow_lead_inbox_write'], handler: createLead },
  },
};

export function handleGrow(req: Req, state: SandboxState): Reply {
  const auth = state.tokens.authenticate(bearer(req.headers), 'grow');
  if (!auth.ok) return growError(401, `Unauthorized: the access token is ${auth.reason === 'missing' ? 'missing' : auth.reason}`);
  const decision = state.growLimiter.take(auth.grant.clientId, state.config.growRateLimit);
  if (!decision.allowed) return json(429, { message: 'Too Many Requests' });
  const key = req.path
    .replace(/^\/grow\//, '')
    .replace(/\.json$/, '')
    .replace(/\/$/, '');
  const route = routes[key]?.[req.method];
  if (!route) return growError(404, `No route matches ${req.method} ${req.path}`);
  if (!route.scopes.some((s) => auth.grant.scope.includes(s))) {
    return growError(403, `Insufficient scope: needs ${route.scopes.join(' or ')}`);
  }
  return route.handler(req, state, auth.grant);
}

function whoAmI(_req: Req, state: SandboxState, grant: Grant): Reply {
  const u = state.db.users.find((x) => x.id === grant.userId)!;
  return json(200, {
    data: { id: u.id, email: u.email, first_name: u.firstName, last_name: u.lastName, account: { id: state.db.account.id, firm_name: state.db.account.name } },
  });
}

function cursor<T extends { id: number }>(req: Req, items: T[]): { page: T[]; next?: string } | Reply {
  const rawLimit = req.query.get('limit');
  const limit = rawLimit === null ? 25 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return growError(400, 'limit must be an integer between 1 and 100');
  const token = req.query.get('page_token');
  const after = token === null ? 0 : decodePageToken(token);
  if (after === undefined) return growError(400, 'Invalid page_token');
  const rest = items.filter((i) => i.id > after);
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  if (rest.length <= limit || !last) return { page };
  const params = new URLSearchParams(req.query);
  params.set('page_token', encodePageToken(last.id));
  return { page, next: `${req.origin}${req.path}?${params.toString()}` };
}

function listBody(data: unknown[], next: string | undefined): Record<string, unknown> {
  return { data, meta: { paging: next ? { next } : {} } };
}

function idsFilter(req: Req): Set<number> | Reply | undefined {
  const raw = req.query.getAll('ids[]');
  if (!raw.length) return undefined;
  if (raw.length > 50) return growError(422, 'ids[] accepts at most 50 ids');
  if (raw.some((v) => !/^\d+$/.test(v))) return growError(400, 'ids[] must be integers');
  return new Set(raw.map(Number));
}

function contactJson(c: GrowContact): Record<string, unknown> {
  return {
    id: c.id,
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    phone_number: c.phoneNumber,
    created_at: new Date(c.createdAt).toISOString(),
    updated_at: new Date(c.updatedAt).toISOString(),
  };
}

function listContacts(req: Req, state: SandboxState): Reply {
  const q = req.query.get('query')?.trim().toLowerCase();
  const digits = q?.replace(/\D+/g, '') ?? '';
  const ids = idsFilter(req);
  if (ids && !(ids instanceof Set)) return ids;
  const items = state.db.growContacts.filter(
    (c) => (!ids || ids.has(c.id)) && (!q || c.haystack.includes(q) || (digits.length >= 4 && c.haystack.includes(digits))),
  );
  const r = cursor(req, items);
  if ('status' in r) return r;
  return json(200, listBody(r.page.map(contactJson), r.next));
}

function listLeads(req: Req, state: SandboxState): Reply {
  const st = req.query.get('state');
  if (st !== 'untriaged' && st !== 'ignored') return growError(400, 'state is required: untriaged or ignored');
  const r = cursor(
    req,
    state.db.leads.filter((l) => l.state === st),
  );
  if ('status' in r) return r;
  return json(200, listBody(r.page.map(leadJson), r.next));
}

function createLead(req: Req, state: SandboxState): Reply {
  const result = createGrowLead(state.db, req.body);
  if (!result.ok) return growError(422, result.message);
  return json(201, { data: leadJson(result.lead) });
}

/** POST /inbox_leads — the legacy Lead Inbox: the firm's token in the body, no OAuth. */
export function handleLegacyInbox(req: Req, state: SandboxState): Reply {
  const body = req.body;
  if (!isRecord(body)) return growError(400, 'Request body must be a JSON object');
  if (body.inbox_lead_token !== LEAD_INBOX_TOKEN) return growError(401, 'Invalid inbox_lead_token');
  const result = createLegacyLead(state.db, body);
  if (!result.ok) return growError(422, result.message);
  return json(201, { inbox_lead: leadJson(result.lead) });
}
