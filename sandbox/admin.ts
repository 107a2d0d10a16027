/** The test-only admin API under /__admin/ (no auth, JSON, never logged). */
import { createHash } from 'node:crypto';
import { parseFaultPatch } from './faults';
import { latestVersion } from './filing-model';
import { leadJson } from './grow-leads';
import { isRecord, json, type Reply, type Req } from './http-utils';
import { isoTime } from './model';
import { currencyOf, quantities } from './resources';
import { matterHaystack } from './seed';
import { handleBillingAdmin } from './manage-billing';
import type { Config, SandboxState } from './state';

const ok = (): Reply => ({ status: 204 });
const bad = (message: string): Reply => json(400, { error: message });

export function handleAdmin(req: Req, state: SandboxState): Reply {
  const key = `${req.method} ${req.path.replace(/^\/__admin\//, '').replace(/\/$/, '')}`;
  switch (key) {
    case 'POST reset':
      state.reset();
      return ok();
    case 'GET faults':
      return json(200, state.faults.state);
    case 'POST faults': {
      const patch = parseFaultPatch(req.body ?? {});
      if (typeof patch === 'string') return bad(patch);
      state.faults.merge(patch);
      return json(200, state.faults.state);
    }
    case 'DELETE faults':
      state.faults.clear();
      return ok();
    case 'POST tokens': {
      const b = isRecord(req.body) ? req.body : {};
      if (b.expireAll) state.tokens.expireAll();
      if (b.revokeAll) state.tokens.revokeAll();
      return json(200, { grants: state.tokens.counts() });
    }
    case 'GET config':
      return json(200, state.config);
    case 'POST config':
      return updateConfig(req, state);
    case 'GET log':
      return json(200, state.log);
    case 'DELETE log':
      state.log = [];
      return ok();
    case 'GET state':
      return json(200, snapshot(state));
    case 'GET conflict-people':
      return json(200, conflictPeople(state));
    case 'GET matters':
      return json(200, findMatters(state, req.query.get('query') ?? '', req.query.get('status'), req.query.get('with_reference') === 'true'));
    default: {
      const billing = handleBillingAdmin(key, req, state);
      if (billing) return billing;
      const edit = /^PATCH matters\/(\d+)$/.exec(key);
      if (edit) return editMatter(state, Number(edit[1]), req.body);
      const bytes = /^GET documents\/(\d+)\/bytes$/.exec(key);
      if (bytes) return documentBytesReply(state, Number(bytes[1]));
      return json(404, { error: `no admin route ${req.method} ${req.path}` });
    }
  }
}

/** A change made in Clio's web app (for sync tests, hostile text, a matter's own currency): description, status and/or currency. */
function editMatter(state: SandboxState, id: number, body: unknown): Reply {
  const m = state.db.matters.get(id);
  if (!m) return json(404, { error: `no matter ${id}` });
  if (!isRecord(body)) return bad('body must be a JSON object');
  if (body.description !== undefined) {
    if (typeof body.description !== 'string') return bad('description must be a string');
    m.description = body.description;
  }
  if (body.status !== undefined) {
    if (body.status !== 'Open' && body.status !== 'Pending' && body.status !== 'Closed') return bad('status must be Open, Pending or Closed');
    m.status = body.status;
  }
  if (body.currency !== undefined) {
    if (body.currency !== null && (typeof body.currency !== 'string' || !currencyOf(body.currency))) return bad('currency must be USD, CAD, EUR, GBP or null');
    m.currency = body.currency;
  }
  m.updatedAt = Date.now();
  m.rev++;
  m.haystack = matterHaystack(m, state.db.contacts.get(m.clientId) ?? null);
  return json(200, { id: m.id, display_number: m.displayNumber, description: m.description, status: m.status });
}

function updateConfig(req: Req, state: SandboxState): Reply {
  if (!isRecord(req.body)) return bad('body must be a JSON object');
  const patch: Partial<Config> = {};
  for (const [k, v] of Object.entries(req.body)) {
    if (!(k in state.config)) return bad(`unknown config key ${k}`);
    if (k === 'lockDate') {
      if (typeof v !== 'string' || !(v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v))) return bad('lockDate must be YYYY-MM-DD or empty');
      patch.lockDate = v;
      continue;
    }
    if (typeof v !== 'number' || !(v > 0)) return bad(`${k} must be a positive number`);
    (patch as Record<string, number>)[k] = v;
  }
  Object.assign(state.config, patch);
  return json(200, state.config);
}

/**
 * Matters for a test to pick: `?query=` (substring of number, description or client), `?status=Open`, and
 * `?with_reference=true` for those with a client reference; with their client's primary email and phone.
 */
function findMatters(state: SandboxState, query: string, status: string | null, withReference = false): unknown[] {
  const q = query.toLowerCase();
  const out: unknown[] = [];
  for (const m of state.db.matters.values()) {
    if (status && m.status !== status) continue;
    if (q && !m.haystack.includes(q)) continue;
    if (withReference && !m.clientReference) continue;
    const client = state.db.contacts.get(m.clientId);
    out.push({
      id: m.id,
      display_number: m.displayNumber,
      description: m.description,
      status: m.status,
      client_reference: m.clientReference,
      client: client
        ? {
            id: client.id,
            name: client.name,
            primary_email_address: client.emails.find((e) => e.primary)?.address ?? null,
            primary_phone_number: client.phones.find((p) => p.primary)?.number ?? null,
          }
        : null,
    });
    if (out.length >= 10) break;
  }
  return out;
}

/**
 * People a conflict check has something real to find for: clients of the firm who are also a party to another
 * matter (an opposing party, a witness), with whether Grow knows them too. At most 10.
 */
function conflictPeople(state: SandboxState): unknown[] {
  const { db } = state;
  const out: unknown[] = [];
  for (const r of db.relationships.values()) {
    const c = db.contacts.get(r.contactId);
    if (!c) continue;
    const asClient = [...db.matters.values()].filter((m) => m.clientId === c.id);
    if (!asClient.length) continue;
    const email = c.emails.find((e) => e.primary)?.address ?? null;
    const related = db.matters.get(r.matterId);
    out.push({
      id: c.id,
      name: c.name,
      email,
      client_of: asClient.map((m) => ({ id: m.id, display_number: m.displayNumber })),
      related: related ? { id: related.id, display_number: related.displayNumber, role: r.description } : null,
      in_grow: db.growContacts.some((g) => email !== null && g.email === email),
    });
    if (out.length >= 10) break;
  }
  return out;
}

function snapshot(state: SandboxState): Record<string, unknown> {
  const { db } = state;
  const now = Date.now();
  return {
    users: db.users.map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, email: u.email })),
    timers: [...db.timers.values()].map((t) => ({
      id: t.id,
      userId: t.userId,
      activityId: t.activityId,
      startTime: isoTime(t.startTime),
      elapsedSeconds: Math.round((now - t.startTime) / 1000),
    })),
    leads: db.leads.filter((l) => l.via === 'api').map(leadJson),
    legacyLeads: db.leads.filter((l) => l.via === 'legacy').map(leadJson),
    createdActivities: db.createdActivityIds.flatMap((id) => {
      const a = db.activities.get(id);
      if (!a) return [];
      return [
        {
          id: a.id,
          type: a.type,
          date: a.date,
          quantity: a.quantity,
          rounded_quantity: quantities(a).rounded,
          price: a.price,
          note: a.note,
          non_billable: a.nonBillable,
          matter: a.matterId === null ? null : { id: a.matterId },
          activity_description: a.activityDescriptionId === null ? null : { id: a.activityDescriptionId },
          user: { id: a.userId },
          communication: a.communicationId ? { id: a.communicationId } : null,
          expense_category: a.expenseCategoryId ? { id: a.expenseCategoryId } : null,
          created_at: isoTime(a.createdAt),
          updated_at: isoTime(a.updatedAt),
        },
      ];
    }),
    grants: state.tokens.counts(),
    ...filingSnapshot(state),
    ...deadlinesSnapshot(state),
  };
}

/** A document's uploaded bytes (base64) and their SHA-256, for a test to compare with what it saved. */
function documentBytesReply(state: SandboxState, id: number): Reply {
  const d = state.filing.documents.get(id);
  if (!d) return json(404, { error: `no document ${id}` });
  const v = latestVersion(d);
  if (!v.fullyUploaded || !v.bytes) return json(409, { error: `document ${id} is not fully uploaded` });
  return json(200, {
    id,
    content_type: v.contentType,
    size: v.bytes.length,
    sha256: createHash('sha256').update(v.bytes).digest('hex'),
    base64: v.bytes.toString('base64'),
  });
}

/** Documents (every version, uploaded or not), communications and notes made through the API since the last reset. */
function filingSnapshot(state: SandboxState): Record<string, unknown> {
  const { filing } = state;
  return {
    documents: [...filing.documents.values()].map((d) => ({
      id: d.id,
      name: d.name,
      matter: d.matterId === null ? null : { id: d.matterId },
      document_category: d.categoryId === null ? null : { id: d.categoryId },
      external_properties: d.externalProperties.map((p) => ({ name: p.name, value: p.value })),
      versions: d.versions.map((v) => ({
        uuid: v.uuid,
        filename: v.filename,
        content_type: v.contentType,
        fully_uploaded: v.fullyUploaded,
        size: v.bytes?.length ?? null,
        parts: v.parts.size,
      })),
    })),
    communications: [...filing.communications.values()].map((c) => ({
      id: c.id,
      type: c.type,
      subject: c.subject,
      body: c.body,
      received_at: c.receivedAt,
      matter: c.matterId === null ? null : { id: c.matterId },
      senders: c.senders,
      receivers: c.receivers,
      external_properties: c.externalProperties.map((p) => ({ name: p.name, value: p.value })),
      time_entries: [...state.db.activities.values()].filter((a) => a.communicationId === c.id).map((a) => ({ id: a.id, quantity: a.quantity })),
    })),
    notes: [...filing.notes.values()].map((n) => ({
      id: n.id,
      type: n.type,
      subject: n.subject,
      detail: n.detail,
      date: n.date,
      matter: n.matterId === null ? null : { id: n.matterId },
      contact: n.contactId === null ? null : { id: n.contactId },
    })),
  };
}

/** Tasks and calendar entries made through the API since the last reset, in the shape they were sent. */
function deadlinesSnapshot(state: SandboxState): Record<string, unknown> {
  const { deadlines } = state;
  return {
    tasks: [...deadlines.tasks.values()].map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      due_at: t.dueAt,
      priority: t.priority,
      status: t.status,
      statute_of_limitations: t.statuteOfLimitations,
      matter: t.matterId === null ? null : { id: t.matterId },
      assignee: t.assignee,
      assigner: { id: t.assignerId },
    })),
    calendarEntries: [...deadlines.calendarEntries.values()].map((e) => ({
      id: e.id,
      summary: e.summary,
      description: e.description,
      location: e.location,
      start_at: e.startAt,
      end_at: e.endAt,
      all_day: e.allDay,
      calendar_owner: { id: e.calendarId },
      matter: e.matterId === null ? null : { id: e.matterId },
      creator: { id: e.creatorId },
      external_properties: e.externalProperties.map((p) => ({ name: p.name, value: p.value })),
    })),
  };
}
