/** Matter lookups straight from Clio (before the local index is synced) and activity descriptions. */
import type { ClioClient } from './client';
import { fields } from './url';

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

export interface ActivityDescriptionJson {
  id: number;
  name: string;
  default?: boolean;
}

export function activityDescriptions(client: ClioClient): Promise<ActivityDescriptionJson[]> {
  return client.get<ActivityDescriptionJson[]>('/activity_descriptions.json', { fields: 'id,name,default', query: { limit: 200 }, revalidate: true });
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
