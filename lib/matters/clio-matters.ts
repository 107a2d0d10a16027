/** The matter requests: the sync's pages, lookups straight from Clio (before the local index is synced), a matter's detail. */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import type { MatterPageSource } from './matter-sync';

export interface MatterJson {
  id: number;
  display_number: string;
  description: string;
  status: 'Open' | 'Pending' | 'Closed';
  client: { id: number; name: string } | null;
}

export const MATTER_LIST_FIELDS = fields(['id', 'display_number', 'description', 'status'], { client: ['id', 'name'] });

export interface ClioMatterFilter {
  /** Statuses to include (default Open and Pending). */
  statuses?: ReadonlyArray<MatterJson['status']>;
  /** Only matters whose responsible attorney is this user. */
  responsibleAttorneyId?: number | null;
}

export function searchMattersAtClio(client: ClioClient, query: string, limit = 10, filter: ClioMatterFilter = {}): Promise<MatterJson[]> {
  const statuses = filter.statuses ?? ['Open', 'Pending'];
  if (!statuses.length) return Promise.resolve([]);
  return client.get<MatterJson[]>('/matters.json', {
    fields: MATTER_LIST_FIELDS,
    query: {
      query,
      status: statuses.map((s) => s.toLowerCase()).join(','),
      responsible_attorney_id: filter.responsibleAttorneyId,
      limit,
      order: 'display_number(asc)',
    },
  });
}

export interface MatterDetailJson {
  id: number;
  display_number: string;
  description: string;
  status: 'Open' | 'Pending' | 'Closed';
  open_date: string | null;
  client: { id: number; name: string; primary_email_address: string | null; primary_phone_number: string | null } | null;
  responsible_attorney: { id: number; name: string } | null;
  practice_area: { id: number; name: string } | null;
}

export const MATTER_DETAIL_FIELDS = fields(['id', 'display_number', 'description', 'status', 'open_date'], {
  client: ['id', 'name', 'primary_email_address', 'primary_phone_number'],
  responsible_attorney: ['id', 'name'],
  practice_area: ['id', 'name'],
});

export function matterDetail(client: ClioClient, id: number): Promise<MatterDetailJson> {
  return client.get<MatterDetailJson>(`/matters/${id}.json`, { fields: MATTER_DETAIL_FIELDS, revalidate: true });
}

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
