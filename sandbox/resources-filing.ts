/**
 * How documents, their versions, document categories, communications and notes look on the wire (spec
 * property names), and the associations `fields=assoc{…}` opens. A version's `put_url` is signed afresh each
 * time it is shown, as Clio's is: reading the document again is how a client gets a new one.
 */
import { etagOf } from './etag';
import {
  latestVersion,
  type CommunicationRecord,
  type DocumentCategory,
  type DocumentRecord,
  type DocumentVersion,
  type ExternalProperty,
  type NoteRecord,
  type ParticipantRef,
} from './filing-model';
import { isoTime, type Db } from './model';
import type { Kind, RenderCtx } from './resources';
import { headersFor } from './uploads';

const stamps = {
  created_at: (r: { createdAt: number }) => isoTime(r.createdAt),
  updated_at: (r: { updatedAt: number }) => isoTime(r.updatedAt),
};

const putUrl = (v: DocumentVersion, ctx: RenderCtx): string =>
  v.fullyUploaded || v.parts.size > 0 || !ctx.uploads ? '' : ctx.uploads.target(v, 0, ctx.now).put_url;

const documentVersion: Kind<DocumentVersion> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (v) => v.id,
    document_id: (v) => v.documentId,
    etag: (v) => etagOf('document_version', v.id, v.rev, v.updatedAt),
    uuid: (v) => v.uuid,
    filename: (v) => v.filename,
    size: (v) => (v.fullyUploaded ? (v.bytes?.length ?? 0) : null),
    version_number: (v) => v.versionNumber,
    content_type: (v) => v.contentType,
    received_at: (v) => isoTime(v.receivedAt),
    put_url: putUrl,
    fully_uploaded: (v) => v.fullyUploaded,
    put_headers: (v) => (v.fullyUploaded || v.parts.size > 0 ? [] : headersFor(v)),
    multiparts: (v, ctx) =>
      v.fullyUploaded || !ctx.uploads
        ? []
        : [...v.parts.values()].map((p) => ({ part_number: p.partNumber, ...ctx.uploads!.target(v, p.partNumber, ctx.now) })),
    ...stamps,
  },
  associations: {},
};

const externalProperty: Kind<ExternalProperty> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (p) => p.id,
    etag: (p) => etagOf('external_property', p.id, 0, p.updatedAt),
    name: (p) => p.name,
    value: (p) => p.value,
    ...stamps,
  },
  associations: {},
};

const documentCategory: Kind<DocumentCategory> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (c) => c.id,
    etag: (c) => etagOf('document_category', c.id, c.rev, c.updatedAt),
    name: (c) => c.name,
    ...stamps,
  },
  associations: {},
};

const document: Kind<DocumentRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (d) => d.id,
    etag: (d) => etagOf('document', d.id, d.rev, d.updatedAt),
    type: () => 'Document',
    locked: () => false,
    name: (d) => d.name,
    received_at: (d) => isoTime(latestVersion(d).receivedAt),
    filename: (d) => latestVersion(d).filename,
    size: (d) => latestVersion(d).bytes?.length ?? 0,
    content_type: (d) => latestVersion(d).contentType,
    deleted_at: () => null,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (d, { db }) => (d.matterId === null ? null : (db.matters.get(d.matterId) ?? null)) },
    latest_document_version: { kind: 'document_version', get: (d) => latestVersion(d) },
    external_properties: { kind: 'external_property', get: (d) => d.externalProperties },
    document_category: { kind: 'document_category', get: (d, { filing }) => (d.categoryId === null ? null : (filing?.categories.get(d.categoryId) ?? null)) },
  },
};

/** A sender or receiver as Clio shows it: a User, or a Contact as Person or Company. */
interface Participant {
  id: number;
  type: 'Person' | 'Company' | 'User';
  name: string;
  identifier: string | null;
  initials: string;
  createdAt: number;
  updatedAt: number;
}

export function participant(db: Db, ref: ParticipantRef): Participant | null {
  if (ref.type === 'User') {
    const u = db.users.find((x) => x.id === ref.id);
    return u
      ? {
          id: u.id,
          type: 'User',
          name: `${u.firstName} ${u.lastName}`,
          identifier: u.email,
          initials: u.initials,
          createdAt: u.createdAt,
          updatedAt: u.updatedAt,
        }
      : null;
  }
  const c = db.contacts.get(ref.id);
  if (!c) return null;
  const initials = c.name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return {
    id: c.id,
    type: c.type,
    name: c.name,
    identifier: c.emails.find((e) => e.primary)?.address ?? null,
    initials,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

const participantKind: Kind<Participant> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (p) => p.id,
    etag: (p) => etagOf('participant', p.id, 0, p.updatedAt),
    type: (p) => p.type,
    name: (p) => p.name,
    identifier: (p) => p.identifier,
    secondary_identifier: () => null,
    enabled: () => true,
    initials: (p) => p.initials,
    job_title_name: () => null,
    ...stamps,
  },
  associations: {},
};

const participants = (refs: ParticipantRef[], db: Db) => refs.map((r) => participant(db, r)).filter((p) => p !== null);

const communication: Kind<CommunicationRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (c) => c.id,
    etag: (c) => etagOf('communication', c.id, c.rev, c.updatedAt),
    subject: (c) => c.subject,
    body: (c) => c.body,
    type: (c) => c.type,
    date: (c) => c.receivedAt.slice(0, 10),
    received_at: (c) => c.receivedAt,
    time_entries_count: (c, { db }) => [...db.activities.values()].filter((a) => a.communicationId === c.id).length,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (c, { db }) => (c.matterId === null ? null : (db.matters.get(c.matterId) ?? null)) },
    user: { kind: 'user', get: (c, { db }) => db.users.find((u) => u.id === c.userId) ?? null },
    senders: { kind: 'participant', get: (c, { db }) => participants(c.senders, db) },
    receivers: { kind: 'participant', get: (c, { db }) => participants(c.receivers, db) },
    external_properties: { kind: 'external_property', get: (c) => c.externalProperties },
    time_entries: { kind: 'activity', get: (c, { db }) => [...db.activities.values()].filter((a) => a.communicationId === c.id) },
  },
};

const note: Kind<NoteRecord> = {
  defaults: ['id', 'etag'],
  fields: {
    id: (n) => n.id,
    etag: (n) => etagOf('note', n.id, n.rev, n.updatedAt),
    type: (n) => n.type,
    subject: (n) => n.subject,
    detail: (n) => n.detail,
    detail_text_type: (n) => n.detailTextType,
    date: (n) => n.date,
    time_entries_count: () => 0,
    ...stamps,
  },
  associations: {
    matter: { kind: 'matter', get: (n, { db }) => (n.matterId === null ? null : (db.matters.get(n.matterId) ?? null)) },
    contact: { kind: 'contact', get: (n, { db }) => (n.contactId === null ? null : (db.contacts.get(n.contactId) ?? null)) },
    author: { kind: 'user', get: (n, { db }) => db.users.find((u) => u.id === n.authorId) ?? null },
  },
};

export const FILING_KINDS = {
  document,
  document_version: documentVersion,
  document_category: documentCategory,
  external_property: externalProperty,
  communication,
  participant: participantKind,
  note,
};
