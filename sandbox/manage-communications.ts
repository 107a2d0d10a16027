/**
 * Communications (emails and phone calls logged on a matter, with senders and receivers that are Users or
 * Contacts) and notes. A note's body follows the field descriptions rather than the schema's `required`
 * list: the schema names both `contact` and `matter` as required, while their descriptions make each one
 * required only for its `type`; so a Matter note carries `matter` alone, a Contact note `contact` alone.
 */
import { isRecord, type Reply } from './http-utils';
import { ApiError } from './manage-errors';
import { externalProperties, invalid, matterRef, requiredString } from './manage-checks';
import { commonFilters, dataOf, intParam, list, notFound, queryParam, single, type ManageCtx } from './manage-common';
import type { CommunicationRecord, NoteRecord, ParticipantRef } from './filing-model';
import { isoDate } from './model';

const COMMUNICATION_TYPES = ['PhoneCommunication', 'EmailCommunication'] as const;

function participants(ctx: ManageCtx, raw: unknown, key: string): ParticipantRef[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid(`${key} must be an array`);
  return raw.flatMap((p): ParticipantRef[] => {
    if (!isRecord(p)) throw invalid(`each of ${key} must be an object`);
    if (p._deleted === true) return [];
    if (typeof p.id !== 'number' || !Number.isInteger(p.id)) throw invalid(`${key} id must be an integer`);
    if (p.type !== 'User' && p.type !== 'Contact') throw invalid(`${key} type must be User or Contact`);
    const exists = p.type === 'User' ? ctx.db.users.some((u) => u.id === p.id) : ctx.db.contacts.has(p.id);
    if (!exists) throw invalid(`${key}: ${p.type} ${p.id} does not exist`);
    return [{ id: p.id, type: p.type }];
  });
}

export function createCommunication(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  const type = requiredString(data, 'type');
  if (!(COMMUNICATION_TYPES as readonly string[]).includes(type)) throw invalid(`type must be one of ${COMMUNICATION_TYPES.join(', ')}`);
  const receivedAt = requiredString(data, 'received_at');
  if (Number.isNaN(Date.parse(receivedAt))) throw invalid('received_at must be an ISO-8601 date-time');
  const { filing } = ctx.state;
  const c: CommunicationRecord = {
    id: filing.nextId.communication++,
    type: type as CommunicationRecord['type'],
    subject: requiredString(data, 'subject'),
    body: requiredString(data, 'body'),
    receivedAt: new Date(Date.parse(receivedAt)).toISOString(),
    matterId: matterRef(ctx, data) ?? null,
    userId: ctx.user.id,
    senders: participants(ctx, data.senders, 'senders'),
    receivers: participants(ctx, data.receivers, 'receivers'),
    externalProperties: externalProperties(ctx, data.external_properties),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
  filing.communications.set(c.id, c);
  return single(ctx, 'communication', c, { status: 201 });
}

export function showCommunication(ctx: ManageCtx, id: number): Reply {
  const c = ctx.state.filing.communications.get(id);
  if (!c) throw notFound('Communication', id);
  return single(ctx, 'communication', c);
}

export function listCommunications(ctx: ManageCtx): Reply {
  const matterId = intParam(ctx, 'matter_id');
  const contactId = intParam(ctx, 'contact_id');
  const q = queryParam(ctx);
  const propName = ctx.req.query.get('external_property_name');
  const propValue = ctx.req.query.get('external_property_value');
  if (propValue !== null && propName === null) throw new ApiError(400, 'external_property_value requires external_property_name');
  const type = ctx.req.query.get('type');
  const items = commonFilters(ctx, ctx.state.filing.communications.values()).filter(
    (c) =>
      (matterId === undefined || c.matterId === matterId) &&
      (contactId === undefined || [...c.senders, ...c.receivers].some((p) => p.type === 'Contact' && p.id === contactId)) &&
      (type === null || c.type === type) &&
      (!q || `${c.subject}\n${c.body}`.toLowerCase().includes(q)) &&
      (propName === null || c.externalProperties.some((p) => p.name === propName && (propValue === null || p.value === propValue))),
  );
  return list(ctx, 'communication', items, {
    'date(asc)': (a, b) => a.receivedAt.localeCompare(b.receivedAt),
    'date(desc)': (a, b) => b.receivedAt.localeCompare(a.receivedAt),
    'id(desc)': (a, b) => b.id - a.id,
  });
}

export function createNote(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  const type = requiredString(data, 'type');
  if (type !== 'Matter' && type !== 'Contact') throw invalid('type must be Matter or Contact');
  const matterId = matterRef(ctx, data, 'matter');
  const contactId = matterRef(ctx, data, 'contact');
  if (type === 'Matter' && matterId === undefined) throw invalid('matter is required for a Matter note');
  if (type === 'Contact' && contactId === undefined) throw invalid('contact is required for a Contact note');
  const date = data.date === undefined ? isoDate(ctx.now) : requiredString(data, 'date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw invalid('date must be an ISO-8601 date (YYYY-MM-DD)');
  const textType = data.detail_text_type === undefined ? 'plain_text' : requiredString(data, 'detail_text_type');
  if (textType !== 'plain_text' && textType !== 'rich_text') throw invalid('detail_text_type must be plain_text or rich_text');
  const { filing } = ctx.state;
  const n: NoteRecord = {
    id: filing.nextId.note++,
    type,
    subject: data.subject === undefined ? '' : requiredString(data, 'subject'),
    detail: data.detail === undefined ? '' : requiredString(data, 'detail'),
    detailTextType: textType,
    date,
    matterId: type === 'Matter' ? matterId! : null,
    contactId: type === 'Contact' ? contactId! : null,
    authorId: ctx.user.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
  filing.notes.set(n.id, n);
  return single(ctx, 'note', n, { status: 201 });
}

export function showNote(ctx: ManageCtx, id: number): Reply {
  const n = ctx.state.filing.notes.get(id);
  if (!n) throw notFound('Note', id);
  return single(ctx, 'note', n);
}

export function listNotes(ctx: ManageCtx): Reply {
  const type = ctx.req.query.get('type');
  const matterId = intParam(ctx, 'matter_id');
  const contactId = intParam(ctx, 'contact_id');
  const q = queryParam(ctx);
  const items = commonFilters(ctx, ctx.state.filing.notes.values()).filter(
    (n) =>
      (type === null || n.type === type) &&
      (matterId === undefined || n.matterId === matterId) &&
      (contactId === undefined || n.contactId === contactId) &&
      (!q || `${n.subject}\n${n.detail}`.toLowerCase().includes(q)),
  );
  return list(ctx, 'note', items, {
    'id(desc)': (a, b) => b.id - a.id,
    'date(desc)': (a, b) => b.date.localeCompare(a.date),
    'created_at(desc)': (a, b) => b.createdAt - a.createdAt,
  });
}
