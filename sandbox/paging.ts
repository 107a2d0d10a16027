/**
 * Manage list paging. Cursor paging (default; order id(asc)) follows `page_token` without end;
 * offset paging (`offset=N`, or any other `order`) stops at 10,000 records.
 */
import { ApiError } from './manage-errors';
import type { Req } from './http-utils';

export const MAX_LIMIT = 200;
export const OFFSET_CAP = 10_000;

export type Comparator<T> = (a: T, b: T) => number;
export interface Page<T> {
  items: T[];
  next?: string;
  records: number;
}

export function encodePageToken(afterId: number): string {
  return Buffer.from(`after:${afterId}`).toString('base64url');
}

export function decodePageToken(token: string): number | undefined {
  const m = /^after:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

export function parseLimit(req: Req, max = MAX_LIMIT, fallback = MAX_LIMIT): number {
  const raw = req.query.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max) throw new ApiError(400, `limit must be an integer between 1 and ${max}`);
  return n;
}

function nextUrl(req: Req, set: Record<string, string>, drop: string[]): string {
  const params = new URLSearchParams(req.query);
  for (const d of drop) params.delete(d);
  for (const [k, v] of Object.entries(set)) params.set(k, v);
  return `${req.origin}${req.path}?${params.toString()}`;
}

const byId: Comparator<{ id: number }> = (a, b) => a.id - b.id;

export function paginate<T extends { id: number }>(req: Req, items: T[], orders: Record<string, Comparator<T>>): Page<T> {
  const limit = parseLimit(req);
  const order = req.query.get('order');
  if (order !== null && !(order in orders) && order !== 'id(asc)') {
    throw new ApiError(400, `order must be one of: ${['id(asc)', ...Object.keys(orders)].join(', ')}`);
  }
  const token = req.query.get('page_token');
  const rawOffset = req.query.get('offset');
  const records = items.length;

  if (token !== null) {
    const after = decodePageToken(token);
    if (after === undefined) throw new ApiError(400, 'Invalid page_token');
    return cursorPage(req, items, after, limit, records);
  }
  if (rawOffset === null && (order === null || order === 'id(asc)')) return cursorPage(req, items, 0, limit, records);

  const offset = rawOffset === null ? 0 : Number(rawOffset);
  if (rawOffset !== null && !/^\d+$/.test(rawOffset)) throw new ApiError(400, 'offset must be a non-negative integer');
  if (offset >= OFFSET_CAP)
    throw new ApiError(422, `Offset paging is limited to ${OFFSET_CAP} records; use cursor paging (order=id(asc) with page_token)`, 'OffsetLimitExceeded');
  const compare = order === null || order === 'id(asc)' ? byId : orders[order]!;
  const sorted = [...items].sort((a, b) => compare(a, b) || a.id - b.id);
  const end = Math.min(offset + limit, OFFSET_CAP);
  const page = sorted.slice(offset, end);
  const next = end < sorted.length && end < OFFSET_CAP ? nextUrl(req, { offset: String(end) }, ['page_token']) : undefined;
  return { items: page, next, records };
}

function cursorPage<T extends { id: number }>(req: Req, items: T[], after: number, limit: number, records: number): Page<T> {
  const sorted = isSortedById(items) ? items : [...items].sort(byId);
  let start = 0;
  // Binary search for the first id > after.
  let hi = sorted.length;
  while (start < hi) {
    const mid = (start + hi) >> 1;
    if (sorted[mid]!.id <= after) start = mid + 1;
    else hi = mid;
  }
  const page = sorted.slice(start, start + limit);
  const last = page[page.length - 1];
  const next = start + limit < sorted.length && last ? nextUrl(req, { page_token: encodePageToken(last.id) }, ['offset']) : undefined;
  return { items: page, next, records };
}

function isSortedById(items: Array<{ id: number }>): boolean {
  for (let i = 1; i < items.length; i++) if (items[i - 1]!.id > items[i]!.id) return false;
  return true;
}
