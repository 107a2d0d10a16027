/** Documents: the Clio requests of the three-step upload, and finding a document by its content hash. */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import type { VersionView } from './upload-machine';

/** The external property that carries a document's content hash (a resend looks for it). */
export const HASH_PROPERTY = 'clio-companion-sha256';

interface DocumentJson {
  id: number;
  name?: string;
  latest_document_version: {
    uuid: string;
    fully_uploaded: boolean;
    put_url: string | null;
    put_headers: Array<{ name: string; value: string }> | null;
    multiparts: Array<{ part_number: number; put_url: string; put_headers: Array<{ name: string; value: string }> | null }> | null;
  } | null;
}

const DOCUMENT_FIELDS = fields(['id', 'name'], { latest_document_version: ['uuid', 'fully_uploaded', 'put_url', 'put_headers', 'multiparts'] });

export interface NewDocument {
  matterId: number;
  name: string;
  filename: string;
  contentType: string;
  sha256: string;
  categoryId?: number;
}

function viewOf(d: DocumentJson): VersionView {
  const v = d.latest_document_version;
  return {
    documentId: d.id,
    uuid: v?.uuid ?? '',
    fullyUploaded: v?.fully_uploaded ?? false,
    putUrl: v?.put_url ?? '',
    putHeaders: v?.put_headers ?? [],
    multiparts: (v?.multiparts ?? []).map((m) => ({ partNumber: m.part_number, putUrl: m.put_url, putHeaders: m.put_headers ?? [] })),
  };
}

/** Step 1: the document and its first version, with the put_url(s) to send the bytes to. */
export async function createDocument(client: ClioClient, d: NewDocument, parts: Array<{ part: number; size: number }>): Promise<VersionView> {
  const multipart = parts.length > 1 || parts[0]?.part !== 0;
  const body = {
    data: {
      name: d.name,
      parent: { type: 'Matter', id: d.matterId },
      content_type: d.contentType,
      filename: d.filename,
      external_properties: [{ name: HASH_PROPERTY, value: d.sha256 }],
      ...(d.categoryId ? { document_category: { id: d.categoryId } } : {}),
      ...(multipart ? { multiparts: parts.map((p) => ({ part_number: p.part, content_length: String(p.size) })) } : {}),
    },
  };
  return viewOf(
    (await client.post<DocumentJson>('/documents.json', body, { fields: DOCUMENT_FIELDS, inputFields: ['name', 'parent', 'content_type', 'filename'] })).data,
  );
}

/** A document on the matter carrying this content hash (complete or not), newest first; null when none. */
export async function findDocumentByHash(client: ClioClient, matterId: number, sha256: string): Promise<VersionView | null> {
  const found = await client.get<DocumentJson[]>('/documents.json', {
    fields: DOCUMENT_FIELDS,
    query: { matter_id: matterId, external_property_name: HASH_PROPERTY, external_property_value: sha256, show_uncompleted: true, order: 'id(desc)', limit: 5 },
    priority: 'background',
  });
  const views = found.map(viewOf);
  return views.find((v) => v.fullyUploaded) ?? views[0] ?? null;
}

/** The document's latest version again: fresh put_urls (each showing is signed anew), or whether it is complete. */
export async function readVersion(client: ClioClient, documentId: number): Promise<VersionView> {
  return viewOf(await client.get<DocumentJson>(`/documents/${documentId}.json`, { fields: DOCUMENT_FIELDS }));
}

/** Step 3: marks the version fully uploaded. */
export async function completeDocument(client: ClioClient, documentId: number, uuid: string): Promise<void> {
  await client.patch(`/documents/${documentId}.json`, { data: { uuid, fully_uploaded: true } }, { fields: 'id' });
}

/** A document as a matter's list shows it. */
export interface DocumentListJson {
  id: number;
  name: string;
  content_type?: string;
  created_at?: string;
}

/** A matter's newest documents (fully uploaded ones: Clio lists no others unless asked). */
export function recentDocuments(client: ClioClient, matterId: number, limit: number): Promise<DocumentListJson[]> {
  return client.get<DocumentListJson[]>('/documents.json', {
    fields: fields(['id', 'name', 'content_type', 'created_at']),
    query: { matter_id: matterId, order: 'id(desc)', limit },
  });
}
