/** Inbox lead validation for Grow v2 (`data`, additionalProperties: false) and the legacy Lead Inbox. */
import { isRecord } from './http-utils';
import type { Db, Lead } from './model';

export type LeadResult = { ok: true; lead: Lead } | { ok: false; message: string };

function isUri(s: string): boolean {
  try {
    const u = new URL(s);
    return /^[a-z][a-z0-9+.-]*:$/i.test(u.protocol);
  } catch {
    return false;
  }
}

interface FieldSpec {
  key: string;
  required: boolean;
  kind: 'string' | 'uri' | 'email';
}

function validate(obj: Record<string, unknown>, where: string, specs: FieldSpec[], extra: string[] = []): string | Record<string, string | undefined> {
  const allowed = new Set([...specs.map((s) => s.key), ...extra]);
  const unknown = Object.keys(obj).filter((k) => !allowed.has(k));
  if (unknown.length) return `${where} has unknown key${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
  const out: Record<string, string | undefined> = {};
  for (const s of specs) {
    const v = obj[s.key];
    if (v === undefined || v === null) {
      if (s.required) return `${where}.${s.key} is required`;
      continue;
    }
    if (typeof v !== 'string') return `${where}.${s.key} must be a string`;
    if (s.required && v.trim() === '') return `${where}.${s.key} must not be blank`;
    if (s.kind === 'uri' && !isUri(v)) return `${where}.${s.key} must be a URI`;
    if (s.kind === 'email' && v !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) return `${where}.${s.key} must be an email address`;
    out[s.key] = v;
  }
  return out;
}

function newLead(db: Db, f: Omit<Lead, 'id' | 'state' | 'createdAt' | 'updatedAt'>): Lead {
  const now = Date.now();
  const lead: Lead = { ...f, id: db.nextId.lead++, state: 'untriaged', createdAt: now, updatedAt: now };
  db.leads.push(lead);
  return lead;
}

const GROW_FIELDS: FieldSpec[] = [
  { key: 'first_name', required: true, kind: 'string' },
  { key: 'last_name', required: true, kind: 'string' },
  { key: 'from_message', required: true, kind: 'string' },
  { key: 'referring_url', required: true, kind: 'uri' },
  { key: 'from_source', required: true, kind: 'string' },
  { key: 'email', required: false, kind: 'email' },
  { key: 'phone_number', required: false, kind: 'string' },
];

/** POST /grow/inbox_leads body: {"data":{…}} and nothing else. */
export function createGrowLead(db: Db, body: unknown): LeadResult {
  if (!isRecord(body)) return { ok: false, message: 'Request body must be a JSON object' };
  const topUnknown = Object.keys(body).filter((k) => k !== 'data');
  if (topUnknown.length) return { ok: false, message: `body has unknown key${topUnknown.length > 1 ? 's' : ''}: ${topUnknown.join(', ')}` };
  if (!isRecord(body.data)) return { ok: false, message: 'data is required and must be an object' };
  const v = validate(body.data, 'data', GROW_FIELDS, ['marketing_source']);
  if (typeof v === 'string') return { ok: false, message: v };
  let marketingSourceId: number | null = null;
  const ms = body.data.marketing_source;
  if (ms !== undefined && ms !== null) {
    if (!isRecord(ms) || Object.keys(ms).some((k) => k !== 'id') || !Number.isInteger(ms.id)) {
      return { ok: false, message: 'data.marketing_source must be {"id": integer}' };
    }
    marketingSourceId = ms.id as number;
  }
  return {
    ok: true,
    lead: newLead(db, {
      firstName: v.first_name!,
      lastName: v.last_name!,
      email: v.email ?? null,
      phoneNumber: v.phone_number ?? null,
      fromMessage: v.from_message!,
      fromSource: v.from_source!,
      referringUrl: v.referring_url!,
      marketingSourceId,
      via: 'api',
    }),
  };
}

const LEGACY_FIELDS: FieldSpec[] = [
  { key: 'from_first', required: true, kind: 'string' },
  { key: 'from_last', required: true, kind: 'string' },
  { key: 'from_message', required: true, kind: 'string' },
  { key: 'referring_url', required: true, kind: 'uri' },
  { key: 'from_source', required: true, kind: 'string' },
  { key: 'from_email', required: false, kind: 'email' },
  { key: 'from_phone', required: false, kind: 'string' },
];

/** POST /inbox_leads (legacy) body, token already checked: {"inbox_lead":{…},"inbox_lead_token":"…"}. */
export function createLegacyLead(db: Db, body: Record<string, unknown>): LeadResult {
  const topUnknown = Object.keys(body).filter((k) => k !== 'inbox_lead' && k !== 'inbox_lead_token');
  if (topUnknown.length) return { ok: false, message: `body has unknown key${topUnknown.length > 1 ? 's' : ''}: ${topUnknown.join(', ')}` };
  if (!isRecord(body.inbox_lead)) return { ok: false, message: 'inbox_lead is required and must be an object' };
  const v = validate(body.inbox_lead, 'inbox_lead', LEGACY_FIELDS);
  if (typeof v === 'string') return { ok: false, message: v };
  return {
    ok: true,
    lead: newLead(db, {
      firstName: v.from_first!,
      lastName: v.from_last!,
      email: v.from_email ?? null,
      phoneNumber: v.from_phone ?? null,
      fromMessage: v.from_message!,
      fromSource: v.from_source!,
      referringUrl: v.referring_url!,
      marketingSourceId: null,
      via: 'legacy',
    }),
  };
}

export function leadJson(l: Lead): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: l.id,
    first_name: l.firstName,
    last_name: l.lastName,
    email: l.email,
    phone_number: l.phoneNumber,
    state: l.state,
    from_message: l.fromMessage,
    from_source: l.fromSource,
    referring_url: l.referringUrl,
    created_at: new Date(l.createdAt).toISOString(),
    updated_at: new Date(l.updatedAt).toISOString(),
  };
  if (l.marketingSourceId !== null) out.marketing_source = { id: l.marketingSourceId };
  return out;
}
