import type { ClioMatterJson } from '@/lib/matters/matter';
import type { MatterPageParams, MatterPageSource } from '@/lib/matters/matter-sync';

/**
 * An in-memory GET /matters.json: cursor paging in id order honouring `limit` and
 * `updated_since`, the next page as an absolute URL carrying the query, requests counted.
 */
export class FakeMatterSource implements MatterPageSource {
  readonly matters = new Map<number, ClioMatterJson>();
  requests: Array<{ cursor: string | null; params: MatterPageParams }> = [];
  /** Throws on the request after this many have succeeded (then stops failing). */
  failAfter: number | null = null;
  /** Answers the next request that carries a cursor with Clio's 400 for a page_token it no longer takes. */
  refuseNextCursor = false;

  constructor(list: ClioMatterJson[] = []) {
    for (const m of list) this.matters.set(m.id!, m);
  }

  get requestCount(): number {
    return this.requests.length;
  }

  async page(cursor: string | null, params: MatterPageParams) {
    if (this.failAfter !== null && this.requests.length >= this.failAfter) {
      this.failAfter = null;
      throw new Error('service worker terminated');
    }
    this.requests.push({ cursor, params });
    if (cursor && this.refuseNextCursor) {
      this.refuseNextCursor = false;
      throw Object.assign(new Error('Invalid page_token'), { status: 400 });
    }
    let query: URLSearchParams;
    let after = 0;
    if (cursor) {
      query = new URL(cursor).searchParams;
      after = Number(query.get('page_token')!.replace('after:', ''));
    } else {
      query = new URLSearchParams({ fields: params.fields, limit: String(params.limit), order: params.order });
      if (params.updatedSince) query.set('updated_since', params.updatedSince);
    }
    const limit = Number(query.get('limit'));
    const sinceRaw = query.get('updated_since');
    const since = sinceRaw ? Date.parse(sinceRaw) : null;
    const all = [...this.matters.values()].filter((m) => since === null || Date.parse(m.updated_at!) >= since).sort((a, b) => a.id! - b.id!);
    const rest = all.filter((m) => m.id! > after);
    const items = rest.slice(0, limit);
    let next: string | null = null;
    if (rest.length > limit) {
      const q = new URLSearchParams(query);
      q.set('page_token', `after:${items[items.length - 1]!.id}`);
      next = `https://app.clio.com/api/v4/matters.json?${q.toString()}`;
    }
    return { matters: items.map((m) => structuredClone(m) as unknown), next, total: all.length };
  }
}
