/** What every Manage endpoint shares: the request context, field selection, ETags, params. */
import { createHash } from 'node:crypto';
import { FieldsError, parseFields, project } from './fields';
import { isRecord, type Reply, type Req } from './http-utils';
import { ApiError } from './manage-errors';
import type { Db, User } from './model';
import { paginate, type Comparator } from './paging';
import { etagOf, type KindName, type RenderCtx } from './resources';
import type { SandboxState } from './state';
import type { Grant } from './tokens';

export interface ManageCtx {
  req: Req;
  state: SandboxState;
  db: Db;
  user: User;
  grant: Grant;
  now: number;
}

export function renderCtx(ctx: ManageCtx, extra: Partial<RenderCtx> = {}): RenderCtx {
  return {
    db: ctx.db,
    now: ctx.now,
    rateUserId: ctx.user.id,
    userId: ctx.user.id,
    uploads: ctx.state.uploads,
    filing: ctx.state.filing,
    deadlines: ctx.state.deadlines,
    billing: ctx.state.billing,
    ...extra,
  };
}

export function selection(ctx: ManageCtx, kind: KindName): ReturnType<typeof parseFields> {
  try {
    return parseFields(ctx.req.query.get('fields'), kind);
  } catch (e) {
    if (e instanceof FieldsError) throw new ApiError(400, e.message);
    throw e;
  }
}

const httpDate = (ms: number): string => new Date(ms).toUTCString();

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

interface Versioned {
  id: number;
  rev: number;
  updatedAt: number;
}

/** A single record: `{"data":{…}}` with ETag/Last-Modified; 304 on a matching If-None-Match. */
export function single(ctx: ManageCtx, kind: KindName, record: Versioned, opts: { status?: number; render?: Partial<RenderCtx> } = {}): Reply {
  const sel = selection(ctx, kind);
  const data = project(kind, record, sel, renderCtx(ctx, opts.render));
  const etag = etagOf(kind, record.id, record.rev, record.updatedAt);
  const headers = { ETag: etag, 'Last-Modified': httpDate(record.updatedAt) };
  if (ctx.req.method === 'GET' && matches(ctx.req.headers['if-none-match'], etag)) return { status: 304, headers };
  return { status: opts.status ?? 200, headers, body: { data } };
}

/** A list: `{"data":[…],"meta":{"paging":{"next"?},"records"}}`; the ETag hashes the body. */
export function list<T extends { id: number; updatedAt: number }>(
  ctx: ManageCtx,
  kind: KindName,
  items: T[],
  orders: Record<string, Comparator<T>>,
  render?: Partial<RenderCtx>,
): Reply {
  const sel = selection(ctx, kind);
  const page = paginate(ctx.req, items, orders);
  const rc = renderCtx(ctx, render);
  const data = page.items.map((r) => project(kind, r, sel, rc));
  const paging: Record<string, string> = {};
  if (page.next) paging.next = page.next;
  const body = { data, meta: { paging, records: page.records } };
  const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('hex').slice(0, 32)}"`;
  const lastModified = page.items.reduce((max, r) => Math.max(max, r.updatedAt), ctx.db.account.updatedAt);
  const headers = { ETag: etag, 'Last-Modified': httpDate(lastModified) };
  if (matches(ctx.req.headers['if-none-match'], etag)) return { status: 304, headers };
  return { status: 200, headers, body };
}

/** If-Match on a write: 412 when the record changed since the client read it. */
export function checkIfMatch(ctx: ManageCtx, kind: KindName, record: Versioned): void {
  const header = ctx.req.headers['if-match'];
  if (header && !matches(header, etagOf(kind, record.id, record.rev, record.updatedAt))) {
    throw new ApiError(412, 'The record has changed since it was last read (If-Match does not match its ETag)');
  }
}

export function intParam(ctx: ManageCtx, name: string): number | undefined {
  const raw = ctx.req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new ApiError(400, `${name} must be an integer`);
  return Number(raw);
}

export function idsParam(ctx: ManageCtx): Set<number> | undefined {
  const raw = [...ctx.req.query.getAll('ids[]'), ...ctx.req.query.getAll('ids')].flatMap((v) => v.split(','));
  if (raw.length === 0) return undefined;
  const ids = raw.map((v) => {
    if (!/^\d+$/.test(v.trim())) throw new ApiError(400, 'ids[] must be integers');
    return Number(v);
  });
  return new Set(ids);
}

/** ISO-8601 date or date-time parameter, as epoch ms. */
export function timeParam(ctx: ManageCtx, name: string): number | undefined {
  const raw = ctx.req.query.get(name);
  if (raw === null || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms)) throw new ApiError(400, `${name} must be an ISO-8601 date-time`);
  return ms;
}

/** Filters every list supports: ids[], created_since, updated_since. */
export function commonFilters<T extends { id: number; createdAt: number; updatedAt: number }>(ctx: ManageCtx, items: Iterable<T>): T[] {
  const ids = idsParam(ctx);
  const created = timeParam(ctx, 'created_since');
  const updated = timeParam(ctx, 'updated_since');
  const out: T[] = [];
  for (const r of items) {
    if (ids && !ids.has(r.id)) continue;
    if (created !== undefined && r.createdAt < created) continue;
    if (updated !== undefined && r.updatedAt < updated) continue;
    out.push(r);
  }
  return out;
}

/** A `true`/`false` query parameter; absent or empty: undefined. */
export function boolParam(ctx: ManageCtx, name: string): boolean | undefined {
  const raw = ctx.req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw new ApiError(400, `${name} must be true or false`);
  return raw === 'true';
}

export function queryParam(ctx: ManageCtx): string | undefined {
  const q = ctx.req.query.get('query')?.trim().toLowerCase();
  return q ? q : undefined;
}

/** The `data` object of a JSON write body. */
export function dataOf(ctx: ManageCtx): Record<string, unknown> {
  const body = ctx.req.body;
  if (!isRecord(body) || !isRecord(body.data)) throw new ApiError(400, 'Request body must be a JSON object with a "data" object');
  return body.data;
}

export function notFound(what: string, id: number | string): ApiError {
  return new ApiError(404, `${what} ${id} not found`);
}
