/**
 * Leads into Clio Grow's inbox: the request bodies (exactly the keys Grow accepts: it refuses any
 * other with 422), the duplicate look-up, and finding a lead an interrupted send may have made.
 */
import type { ClioClient } from '../clio/client';
import { t } from '../i18n';
import type { GrowDuplicate, LeadDraft } from './lead';

export interface GrowLeadJson {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone_number: string | null;
  from_message: string;
  referring_url: string;
  from_source: string;
  state: string;
  created_at: string;
}

/** Grow v2 `POST /inbox_leads`: required first_name, last_name, from_message, referring_url, from_source. */
export function growLeadBody(d: LeadDraft, source: string) {
  const data: Record<string, string> = {
    first_name: d.firstName.trim(),
    last_name: d.lastName.trim(),
    from_message: d.message.trim(),
    referring_url: d.referringUrl,
    from_source: source,
  };
  if (d.email.trim()) data.email = d.email.trim();
  if (d.phone.trim()) data.phone_number = d.phone.trim();
  return { data };
}

/** The legacy Lead Inbox body (no OAuth: the firm's Inbox Token rides in the body). */
export function legacyLeadBody(d: LeadDraft, source: string, token: string) {
  const lead: Record<string, string> = {
    from_first: d.firstName.trim(),
    from_last: d.lastName.trim(),
    from_message: d.message.trim(),
    referring_url: d.referringUrl,
    from_source: source,
  };
  if (d.email.trim()) lead.from_email = d.email.trim();
  if (d.phone.trim()) lead.from_phone = d.phone.trim();
  return { inbox_lead: lead, inbox_lead_token: token };
}

/** Grow's field names → the capture form's. */
export const GROW_LEAD_INPUTS = ['first_name', 'last_name', 'email', 'phone_number', 'from_message', 'referring_url'] as const;

export async function postGrowLead(grow: ClioClient, d: LeadDraft, source: string): Promise<GrowLeadJson> {
  return (await grow.post<GrowLeadJson>('/inbox_leads', growLeadBody(d, source), { inputFields: GROW_LEAD_INPUTS })).data;
}

/** A lead like `d` that reached Grow's inbox after `createdAfter` (untriaged or already ignored), not one already claimed. */
export async function findGrowLead(
  grow: ClioClient,
  d: LeadDraft,
  source: string,
  createdAfter: number,
  claimed: ReadonlySet<unknown> = new Set(),
): Promise<GrowLeadJson | null> {
  const body = growLeadBody(d, source).data;
  for (const state of ['untriaged', 'ignored']) {
    for await (const page of grow.pages<GrowLeadJson>('/inbox_leads', { query: { state }, priority: 'background' })) {
      const hit = page.find(
        (l) =>
          !claimed.has(l.id) &&
          l.first_name === body.first_name &&
          l.last_name === body.last_name &&
          l.from_message === body.from_message &&
          l.referring_url === body.referring_url &&
          Date.parse(l.created_at) >= createdAfter - 30_000,
      );
      if (hit) return hit;
    }
  }
  return null;
}

interface GrowContactJson {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone_number: string | null;
}

/** Grow contacts with the lead's email (or, without one, its phone): one request. */
export async function growDuplicates(grow: ClioClient, email: string, phone: string): Promise<GrowDuplicate[]> {
  const query = email.trim() || phone.replace(/[^\d+]/g, '');
  if (query.replace(/\D/g, '').length < 4 && !query.includes('@')) return [];
  const found = await grow.get<GrowContactJson[]>('/contacts', { query: { query, limit: 5 } });
  return found.map((c) => ({
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || t('aContact'),
    ...(c.email ? { email: c.email } : {}),
    ...(c.phone_number ? { phone: c.phone_number } : {}),
  }));
}
