/** The matter sync's pages, from Clio through the rate limiter, behind interactive work. */
import type { ClioClient } from '../clio/client';
import type { MatterPageSource } from './sync';

export function clioMatterSource(client: ClioClient): MatterPageSource {
  return {
    async page(cursor, p) {
      const r = await client.listPage<unknown>('/matters.json', cursor, {
        fields: p.fields,
        query: { limit: p.limit, order: p.order, ...(p.updatedSince ? { updated_since: p.updatedSince } : {}) },
        priority: 'background',
      });
      return { matters: r.items, next: r.next, ...(r.total !== undefined ? { total: r.total } : {}) };
    },
  };
}
