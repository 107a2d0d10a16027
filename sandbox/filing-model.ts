/**
 * What the sandbox keeps of documents (with their versions and uploaded bytes), document categories,
 * communications and notes: created through the API since the last reset (nothing of these is seeded but
 * the categories).
 */
export interface ExternalProperty {
  id: number;
  name: string;
  value: string;
  createdAt: number;
  updatedAt: number;
}

/** One part of a multipart upload, as declared (`content_length`) and as received. */
export interface UploadPart {
  partNumber: number;
  contentLength: number;
  bytes: Buffer | null;
}

export interface DocumentVersion {
  id: number;
  documentId: number;
  uuid: string;
  versionNumber: number;
  filename: string;
  contentType: string;
  /** Single upload: the bytes once PUT. Multipart: null until marked fully uploaded, then the parts joined. */
  bytes: Buffer | null;
  /** Declared parts, by part number; empty for a single upload. */
  parts: Map<number, UploadPart>;
  fullyUploaded: boolean;
  receivedAt: number;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface DocumentRecord {
  id: number;
  name: string;
  matterId: number | null;
  categoryId: number | null;
  communicationId: number | null;
  externalProperties: ExternalProperty[];
  versions: DocumentVersion[];
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface DocumentCategory {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface ParticipantRef {
  id: number;
  type: 'User' | 'Contact';
}

export interface CommunicationRecord {
  id: number;
  type: 'EmailCommunication' | 'PhoneCommunication';
  subject: string;
  body: string;
  receivedAt: string;
  matterId: number | null;
  userId: number;
  senders: ParticipantRef[];
  receivers: ParticipantRef[];
  externalProperties: ExternalProperty[];
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface NoteRecord {
  id: number;
  type: 'Matter' | 'Contact';
  subject: string;
  detail: string;
  detailTextType: string;
  date: string;
  matterId: number | null;
  contactId: number | null;
  authorId: number;
  createdAt: number;
  updatedAt: number;
  rev: number;
}

export interface FilingDb {
  documents: Map<number, DocumentRecord>;
  categories: Map<number, DocumentCategory>;
  communications: Map<number, CommunicationRecord>;
  notes: Map<number, NoteRecord>;
  nextId: { document: number; version: number; category: number; communication: number; note: number; externalProperty: number };
}

const CATEGORIES = ['Correspondence', 'Pleadings', 'Court orders', 'Research', 'Evidence'];

export function emptyFiling(now = Date.now()): FilingDb {
  const categories = new Map<number, DocumentCategory>(CATEGORIES.map((name, i) => [3001 + i, { id: 3001 + i, name, createdAt: now, updatedAt: now, rev: 0 }]));
  return {
    documents: new Map(),
    categories,
    communications: new Map(),
    notes: new Map(),
    nextId: { document: 50_001, version: 60_001, category: 3001 + CATEGORIES.length, communication: 70_001, note: 40_001, externalProperty: 90_001 },
  };
}

/** The version a document shows: its newest. */
export const latestVersion = (d: DocumentRecord): DocumentVersion => d.versions[d.versions.length - 1]!;

/** A version's bytes as uploaded so far (single upload), or once complete (multipart). */
export function versionSize(v: DocumentVersion): number | null {
  return v.bytes ? v.bytes.length : null;
}
