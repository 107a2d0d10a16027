/**
 * The Manage API at /api/v4/…: version check (410), bearer auth (401 invalid_token),
 * the per-grant rate limit (429 + Retry-After), routing, and X-RateLimit-* on every answer.
 */
import { bearer, manageError, oauthError, type Reply, type Req } from './http-utils';
import { ApiError } from './manage-errors';
import type { ManageCtx } from './manage-common';
import { createActivity, createTimer, deleteActivity, deleteTimer, listActivities, showActivity, showTimer, updateActivity } from './manage-activities';
import {
  listActivityDescriptions,
  listContacts,
  listExpenseCategories,
  listMatters,
  listRelationships,
  listUsers,
  showBillingSettings,
  showContact,
  showMatter,
  showRelationship,
  showUser,
  whoAmI,
} from './manage-read';
import { createCommunication, createNote, listCommunications, listNotes, showCommunication, showNote } from './manage-communications';
import { createCalendarEntry, createTask, listCalendarEntries, listCalendars, listTasks, showCalendar, showCalendarEntry, showTask } from './manage-deadlines';
import { createDocument, listDocumentCategories, listDocuments, showDocument, showDocumentCategory, updateDocument } from './manage-documents';
import { BILLING_ROUTES } from './manage-billing';
import { rateHeaders, type RateDecision } from './rate-limit';
import type { SandboxState } from './state';

type Handler = (ctx: ManageCtx, id: number) => Reply;
type Routes = Record<string, Partial<Record<string, Handler>>>;

/** Route keys: the path below /api/v4 without `.json`, with `:id` for a numeric id. */
const routes: Routes = {
  'users/who_am_i': { GET: whoAmI },
  users: { GET: listUsers },
  'users/:id': { GET: showUser },
  matters: { GET: listMatters },
  'matters/:id': { GET: showMatter },
  contacts: { GET: listContacts },
  'contacts/:id': { GET: showContact },
  relationships: { GET: listRelationships },
  'relationships/:id': { GET: showRelationship },
  activity_descriptions: { GET: listActivityDescriptions },
  expense_categories: { GET: listExpenseCategories },
  'settings/billing': { GET: showBillingSettings },
  activities: { GET: listActivities, POST: createActivity },
  'activities/:id': { GET: showActivity, PATCH: updateActivity, DELETE: deleteActivity },
  timer: { GET: showTimer, POST: createTimer, DELETE: deleteTimer },
  documents: { GET: listDocuments, POST: createDocument },
  'documents/:id': { GET: showDocument, PATCH: updateDocument },
  document_categories: { GET: listDocumentCategories },
  'document_categories/:id': { GET: showDocumentCategory },
  communications: { GET: listCommunications, POST: createCommunication },
  'communications/:id': { GET: showCommunication },
  notes: { GET: listNotes, POST: createNote },
  'notes/:id': { GET: showNote },
  tasks: { GET: listTasks, POST: createTask },
  'tasks/:id': { GET: showTask },
  calendars: { GET: listCalendars },
  'calendars/:id': { GET: showCalendar },
  calendar_entries: { GET: listCalendarEntries, POST: createCalendarEntry },
  'calendar_entries/:id': { GET: showCalendarEntry },
  ...BILLING_ROUTES,
};

const MAX_MINOR = 13;

/** Absent, or 4.0.0 … 4.0.13. */
export function versionAccepted(header: string | string[] | undefined): boolean {
  if (header === undefined) return true;
  const m = /^4\.0\.(\d{1,2})$/.exec(String(header).trim());
  return !!m && Number(m[1]) <= MAX_MINOR;
}

function resolve(path: string): { route: string; id: number } | undefined {
  const rest = path
    .replace(/^\/api\/v4\//, '')
    .replace(/\.json$/, '')
    .replace(/\/$/, '');
  if (rest in routes) return { route: rest, id: 0 };
  const m = /^(.*)\/(\d+)$/.exec(rest);
  if (m && `${m[1]}/:id` in routes) return { route: `${m[1]}/:id`, id: Number(m[2]) };
  return undefined;
}

export function handleManage(req: Req, state: SandboxState): Reply {
  const limit = state.config.rateLimit;
  const withRate = (reply: Reply, d: RateDecision): Reply => ({ ...reply, headers: { ...reply.headers, ...rateHeaders(d) } });
  const idle: RateDecision = { allowed: true, limit, remaining: limit, reset: Math.ceil((Date.now() + 60_000) / 1000), retryAfter: 0 };

  if (!versionAccepted(req.headers['x-api-version'])) {
    return withRate(manageError(410, `API version ${String(req.headers['x-api-version'])} is not supported`, 'Gone'), idle);
  }
  const auth = state.tokens.authenticate(bearer(req.headers), 'manage');
  if (!auth.ok) {
    const why = {
      missing: 'No access token was given',
      unknown: 'The access token is invalid',
      expired: 'The access token expired',
      revoked: 'The access token was revoked',
    }[auth.reason];
    return withRate(oauthError(401, 'invalid_token', why), idle);
  }
  const key = `${auth.grant.userId}:${auth.grant.clientId}`;
  const decision = state.manageLimiter.take(key, limit);
  if (!decision.allowed) {
    return withRate(manageError(429, `Rate limit exceeded. Retry in ${decision.retryAfter} seconds.`, 'RateLimited'), decision);
  }
  const user = state.db.users.find((u) => u.id === auth.grant.userId)!;
  const ctx: ManageCtx = { req, state, db: state.db, user, grant: auth.grant, now: Date.now() };
  return withRate(route(ctx), decision);
}

function route(ctx: ManageCtx): Reply {
  const found = resolve(ctx.req.path);
  if (!found) return manageError(404, `No route matches ${ctx.req.method} ${ctx.req.path}`, 'RoutingError');
  const handler = routes[found.route]![ctx.req.method];
  if (!handler) return manageError(405, `${ctx.req.method} is not allowed on ${ctx.req.path}`, 'MethodNotAllowed');
  try {
    return handler(ctx, found.id);
  } catch (e) {
    if (e instanceof ApiError) return manageError(e.status, e.message, e.type);
    throw e;
  }
}
