/**
 * The Manage API client. Every request goes through the rate limiter with a fresh token, names
 * its `fields`, pins the API version, and comes back as data or as one of the AppError kinds.
 * A 401 invalid_token leads to one shared refresh and one more try.
 */
import { appErrorOf } from '../errors';
import { errorFromResponse } from './errors';
import { limitedFetch } from './limited-fetch';
import type { Priority, RateLimiter } from './rate-limiter';
import { apiUrl, isSameApi, type Query } from './url';

export const CLIO_API_VERSION = '4.0.13';

export interface TokenSource {
  accessToken(): Promise<string>;
  tokenRejected(rejected: string): Promise<string>;
}

export interface ClientDeps {
  session: TokenSource;
  limiter: RateLimiter;
  /** The API base, e.g. `https://app.clio.com/api/v4` (Manage) or `https://api.clio.com/grow` (Grow). */
  apiBase: () => Promise<string>;
  /** The X-API-VERSION to pin (Manage); null sends none (Grow). */
  apiVersion?: string | null;
}

export interface RequestOptions {
  /** Clio's `fields` parameter (see `fields()` in url.ts). Always name them: Clio's default is id and etag only. */
  fields?: string;
  query?: Query;
  body?: unknown;
  priority?: Priority;
  /** PATCH only: the etag the change is based on; Clio answers 412 if the record changed since. */
  ifMatch?: string;
  /** GET only: remember the response and ask again with If-None-Match. */
  revalidate?: boolean;
  /** Field names a 422 may name, to place its messages at the right inputs. */
  inputFields?: readonly string[];
}

export interface ClioResponse<T> {
  status: number;
  data: T;
  etag?: string;
}

interface ListBody<T> {
  data: T[];
  meta?: { paging?: { next?: string } };
}

const MAX_CACHED = 100;

export class ClioClient {
  private readonly etags = new Map<string, { etag: string; body: unknown }>();

  constructor(private readonly deps: ClientDeps) {}

  async get<T>(path: string, o: RequestOptions = {}): Promise<T> {
    return (await this.request<{ data: T }>('GET', path, o)).data.data;
  }

  async post<T>(path: string, body: unknown, o: RequestOptions = {}): Promise<ClioResponse<T>> {
    const r = await this.request<{ data: T }>('POST', path, { ...o, body });
    return { ...r, data: r.data.data };
  }

  async patch<T>(path: string, body: unknown, o: RequestOptions = {}): Promise<ClioResponse<T>> {
    const r = await this.request<{ data: T }>('PATCH', path, { ...o, body });
    return { ...r, data: r.data.data };
  }

  async delete(path: string, o: RequestOptions = {}): Promise<void> {
    await this.request('DELETE', path, o);
  }

  /** Every page of a list, following `meta.paging.next` (cursor paging) until there is none. */
  async *pages<T>(path: string, o: RequestOptions = {}): AsyncGenerator<T[]> {
    let cursor: string | null = null;
    do {
      const page: { items: T[]; next: string | null } = await this.listPage<T>(path, cursor, o);
      yield page.items;
      cursor = page.next;
    } while (cursor);
  }

  /** One page of a list: `cursor` null asks `path` with the options; else the `meta.paging.next` URL of the page before. */
  async listPage<T>(path: string, cursor: string | null, o: RequestOptions = {}): Promise<{ items: T[]; next: string | null; total?: number }> {
    const base = await this.deps.apiBase();
    const url = cursor && isSameApi(cursor, base) ? cursor : apiUrl(base, path, { ...o.query, ...(o.fields ? { fields: o.fields } : {}) });
    const r = await this.send<ListBody<T> & { meta?: { records?: number } }>('GET', url, o, false);
    const next = r.data.meta?.paging?.next;
    const total = r.data.meta?.records;
    return { items: r.data.data, next: next && isSameApi(next, base) ? next : null, ...(typeof total === 'number' ? { total } : {}) };
  }

  async request<T>(method: string, path: string, o: RequestOptions = {}): Promise<ClioResponse<T>> {
    const url = apiUrl(await this.deps.apiBase(), path, { ...o.query, ...(o.fields ? { fields: o.fields } : {}) });
    return this.send<T>(method, url, o, false);
  }

  private async send<T>(method: string, url: string, o: RequestOptions, afterRefresh: boolean): Promise<ClioResponse<T>> {
    let usedToken = '';
    const cached = method === 'GET' && o.revalidate ? this.etags.get(url) : undefined;
    const apiVersion = this.deps.apiVersion === undefined ? CLIO_API_VERSION : this.deps.apiVersion;
    const answer = await limitedFetch(this.deps.limiter, {
      method,
      url,
      body: o.body,
      priority: o.priority ?? 'interactive',
      headers: async () => {
        usedToken = await this.deps.session.accessToken();
        const headers: Record<string, string> = { Authorization: `Bearer ${usedToken}` };
        if (apiVersion) headers['X-API-VERSION'] = apiVersion;
        if (cached) headers['If-None-Match'] = cached.etag;
        if (o.ifMatch) headers['If-Match'] = o.ifMatch;
        return headers;
      },
    });
    const { status, body, etag } = answer;
    if (status === 401 && !afterRefresh) {
      await this.deps.session.tokenRejected(usedToken);
      return this.send<T>(method, url, o, true);
    }
    if (status === 304 && cached) return { status, data: cached.body as T, etag: cached.etag };
    if (status >= 400) throw appErrorOf(errorFromResponse(status, body, answer.retryAt, o.inputFields));
    if (method === 'GET' && o.revalidate && etag) this.remember(url, etag, body);
    return etag ? { status, data: body as T, etag } : { status, data: body as T };
  }

  private remember(url: string, etag: string, body: unknown): void {
    this.etags.delete(url);
    this.etags.set(url, { etag, body });
    if (this.etags.size > MAX_CACHED) this.etags.delete(this.etags.keys().next().value!);
  }
}
