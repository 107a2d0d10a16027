/**
 * Documents with Clio's three-step upload, and document categories.
 * 1. `POST /documents` (name, parent, content_type, filename, external_properties; `multiparts` for a file sent
 *    in parts) makes the document and its first version, not yet uploaded, whose put_url(s) `fields` can show;
 * 2. the bytes go to the upload host (uploads.ts);
 * 3. `PATCH /documents/{id}` with the version's `uuid` and `fully_uploaded: true` completes it: refused (422)
 *    while a byte is missing, or when it is already complete. `multiparts` with `fully_uploaded: false` declares
 *    more parts (at most 50 a request). Reading the document again signs fresh put_urls.
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from './http-utils';
import { ApiError } from './manage-errors';
import { checkIfMatch, commonFilters, dataOf, intParam, list, notFound, queryParam, single, type ManageCtx } from './manage-common';
import { latestVersion, type DocumentRecord, type DocumentVersion, type ExternalProperty, type UploadPart } from './filing-model';
import { isRecord } from './http-utils';

const invalid = (message: string): ApiError => new ApiError(422, message, 'RecordInvalid');
/** The spec: "there is a limit of 5 external_properties per Document". */
export const MAX_EXTERNAL_PROPERTIES = 5;
/** The spec: "The API handles maximum 50 `multiparts` in one request". */
export const MAX_PARTS_PER_REQUEST = 50;
/** The spec: "Each part must be at least 5 MB in size, except the last part". */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
const PARENT_TYPES = ['Document', 'Folder', 'Contact', 'Matter'];

function optionalString(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalid(`${key} must be a string`);
  return v;
}

function refId(data: Record<string, unknown>, key: string): number | undefined {
  const v = data[key];
  if (v === undefined) return undefined;
  if (!isRecord(v) || typeof v.id !== 'number' || !Number.isInteger(v.id)) throw invalid(`${key} must be an object with a numeric id`);
  return v.id;
}

function externalProperties(ctx: ManageCtx, raw: unknown, existing: ExternalProperty[]): ExternalProperty[] {
  if (raw === undefined) return existing;
  if (!Array.isArray(raw)) throw invalid('external_properties must be an array');
  let out = [...existing];
  for (const item of raw) {
    if (!isRecord(item)) throw invalid('each external_properties item must be an object');
    if (item.id !== undefined && (typeof item.id !== 'number' || !Number.isInteger(item.id))) throw invalid('external_properties id must be an integer');
    if (item.name !== undefined && typeof item.name !== 'string') throw invalid('external_properties name must be a string');
    if (item.value !== undefined && typeof item.value !== 'string') throw invalid('external_properties value must be a string');
    if (item._destroy !== undefined && typeof item._destroy !== 'boolean') throw invalid('external_properties _destroy must be a boolean');
    if (typeof item.id === 'number') {
      const found = out.find((p) => p.id === item.id);
      if (!found) throw invalid(`external property ${item.id} does not exist`);
      if (item._destroy === true) out = out.filter((p) => p.id !== item.id);
      else
        Object.assign(found, {
          ...(typeof item.name === 'string' ? { name: item.name } : {}),
          ...(typeof item.value === 'string' ? { value: item.value } : {}),
          updatedAt: ctx.now,
        });
      continue;
    }
    if (typeof item.name !== 'string' || item.name === '') throw invalid('external_properties name is required');
    out.push({
      id: ctx.state.filing.nextId.externalProperty++,
      name: item.name,
      value: typeof item.value === 'string' ? item.value : '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  }
  if (out.length > MAX_EXTERNAL_PROPERTIES) throw invalid(`A document may have at most ${MAX_EXTERNAL_PROPERTIES} external_properties`);
  return out;
}

function declareParts(raw: unknown, into: Map<number, UploadPart>): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) throw invalid('multiparts must be an array');
  if (raw.length > MAX_PARTS_PER_REQUEST) throw invalid(`At most ${MAX_PARTS_PER_REQUEST} multiparts per request`);
  for (const item of raw) {
    if (!isRecord(item)) throw invalid('each multiparts item must be an object');
    const n = item.part_number;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 10_000) throw invalid('part_number must be an integer between 1 and 10,000');
    if (typeof item.content_length !== 'string' || !/^\d+$/.test(item.content_length)) throw invalid('content_length is required (a string of digits)');
    if (item.content_md5 !== undefined && typeof item.content_md5 !== 'string') throw invalid('content_md5 must be a string');
    into.set(n, { partNumber: n, contentLength: Number(item.content_length), bytes: null });
  }
}

function receivedAt(data: Record<string, unknown>, now: number): number {
  const raw = optionalString(data, 'received_at');
  if (raw === undefined) return now;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw invalid('received_at must be an ISO-8601 date-time');
  return ms;
}

function category(ctx: ManageCtx, data: Record<string, unknown>): number | null | undefined {
  const id = refId(data, 'document_category');
  if (id === undefined) return undefined;
  if (!ctx.state.filing.categories.has(id)) throw invalid(`document_category ${id} does not exist`);
  return id;
}

function newVersion(ctx: ManageCtx, documentId: number, versionNumber: number, data: Record<string, unknown>, name: string): DocumentVersion {
  const filename = optionalString(data, 'filename') ?? name;
  const parts = new Map<number, UploadPart>();
  declareParts(data.multiparts, parts);
  return {
    id: ctx.state.filing.nextId.version++,
    documentId,
    uuid: randomUUID(),
    versionNumber,
    filename,
    contentType: optionalString(data, 'content_type') ?? 'application/octet-stream',
    bytes: null,
    parts,
    fullyUploaded: false,
    receivedAt: receivedAt(data, ctx.now),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
}

export function createDocument(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  const { filing } = ctx.state;
  const name = optionalString(data, 'name');
  if (!name) throw invalid('name is required');
  const parent = data.parent;
  if (!isRecord(parent)) throw invalid('parent is required');
  if (typeof parent.id !== 'number' || !Number.isInteger(parent.id)) throw invalid('parent id must be an integer');
  if (typeof parent.type !== 'string' || !PARENT_TYPES.includes(parent.type)) throw invalid(`parent type must be one of ${PARENT_TYPES.join(', ')}`);
  if (data.communication_id !== undefined && (typeof data.communication_id !== 'number' || !filing.communications.has(data.communication_id))) {
    throw invalid('communication_id must name a communication');
  }
  const categoryId = category(ctx, data);
  if (parent.type === 'Document') {
    // A new version of an existing document.
    const d = filing.documents.get(parent.id);
    if (!d) throw invalid(`document ${parent.id} does not exist`);
    d.versions.push(newVersion(ctx, d.id, d.versions.length + 1, data, name));
    d.name = name;
    d.updatedAt = ctx.now;
    d.rev++;
    return single(ctx, 'document', d, { status: 201 });
  }
  if (parent.type !== 'Matter') throw invalid(`The sandbox files documents in a Matter's folder only (not a ${parent.type})`);
  if (!ctx.db.matters.has(parent.id)) throw invalid(`matter ${parent.id} does not exist`);
  const id = filing.nextId.document++;
  const d: DocumentRecord = {
    id,
    name,
    matterId: parent.id,
    categoryId: categoryId ?? null,
    communicationId: typeof data.communication_id === 'number' ? data.communication_id : null,
    externalProperties: [],
    versions: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
    rev: 0,
  };
  d.externalProperties = externalProperties(ctx, data.external_properties, []);
  d.versions.push(newVersion(ctx, id, 1, data, name));
  filing.documents.set(id, d);
  return single(ctx, 'document', d, { status: 201 });
}

/** Joins a version's parts in order once each has arrived, each but the last at least 5 MB; else why not. */
function completeParts(v: DocumentVersion): string | null {
  const parts = [...v.parts.values()].sort((a, b) => a.partNumber - b.partNumber);
  const missing = parts.filter((p) => p.bytes === null).map((p) => p.partNumber);
  if (missing.length) return `The file is not successfully uploaded: part(s) ${missing.join(', ')} missing`;
  const small = parts.slice(0, -1).find((p) => p.contentLength < MIN_PART_BYTES);
  if (small) return `Part ${small.partNumber} is smaller than 5 MB and is not the last part`;
  v.bytes = Buffer.concat(parts.map((p) => p.bytes!));
  return null;
}

export function updateDocument(ctx: ManageCtx, id: number): Reply {
  const d = findDocument(ctx, id);
  checkIfMatch(ctx, 'document', d);
  const data = dataOf(ctx);
  const name = optionalString(data, 'name');
  const categoryId = category(ctx, data);
  const props = externalProperties(ctx, data.external_properties, d.externalProperties);
  const uuid = optionalString(data, 'uuid');
  const v = latestVersion(d);
  if (data.fully_uploaded !== undefined && typeof data.fully_uploaded !== 'boolean') throw invalid('fully_uploaded must be a boolean');
  if (data.multiparts !== undefined) {
    if (v.fullyUploaded) throw invalid('The document is already marked as fully uploaded');
    declareParts(data.multiparts, v.parts);
  }
  if (data.fully_uploaded === true) {
    if (uuid === undefined) throw invalid('uuid is required to mark a document fully uploaded');
    if (uuid !== v.uuid) throw invalid('uuid does not match the latest document version');
    if (v.fullyUploaded) throw invalid('The document is already marked as fully uploaded');
    if (v.parts.size > 0) {
      const problem = completeParts(v);
      if (problem) throw invalid(problem);
    } else if (v.bytes === null) throw invalid('The file is not successfully uploaded');
    v.fullyUploaded = true;
    v.updatedAt = ctx.now;
    v.rev++;
  }
  if (name !== undefined) d.name = name;
  if (categoryId !== undefined) d.categoryId = categoryId;
  d.externalProperties = props;
  d.updatedAt = ctx.now;
  d.rev++;
  return single(ctx, 'document', d);
}

function findDocument(ctx: ManageCtx, id: number): DocumentRecord {
  const d = ctx.state.filing.documents.get(id);
  if (!d) throw notFound('Document', id);
  return d;
}

export function showDocument(ctx: ManageCtx, id: number): Reply {
  return single(ctx, 'document', findDocument(ctx, id));
}

function boolParam(ctx: ManageCtx, name: string): boolean | undefined {
  const raw = ctx.req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw new ApiError(400, `${name} must be true or false`);
  return raw === 'true';
}

export function listDocuments(ctx: ManageCtx): Reply {
  const matterId = intParam(ctx, 'matter_id');
  const categoryId = intParam(ctx, 'document_category_id');
  const q = queryParam(ctx);
  const propName = ctx.req.query.get('external_property_name');
  const propValue = ctx.req.query.get('external_property_value');
  if (propValue !== null && propName === null) throw new ApiError(400, 'external_property_value requires external_property_name');
  const uncompleted = boolParam(ctx, 'show_uncompleted') ?? false;
  const items = commonFilters(ctx, ctx.state.filing.documents.values()).filter(
    (d) =>
      (uncompleted || latestVersion(d).fullyUploaded) &&
      (matterId === undefined || d.matterId === matterId) &&
      (categoryId === undefined || d.categoryId === categoryId) &&
      (!q || d.name.toLowerCase().includes(q)) &&
      (propName === null || d.externalProperties.some((p) => p.name === propName && (propValue === null || p.value === propValue))),
  );
  return list(ctx, 'document', items, {
    'id(desc)': (a, b) => b.id - a.id,
    'created_at(desc)': (a, b) => b.createdAt - a.createdAt,
    'updated_at(desc)': (a, b) => b.updatedAt - a.updatedAt,
    'name(asc)': (a, b) => a.name.localeCompare(b.name),
  });
}

export function listDocumentCategories(ctx: ManageCtx): Reply {
  const q = queryParam(ctx);
  const items = commonFilters(ctx, ctx.state.filing.categories.values()).filter((c) => !q || c.name.toLowerCase().includes(q));
  return list(ctx, 'document_category', items, { 'name(asc)': (a, b) => a.name.localeCompare(b.name) });
}

export function showDocumentCategory(ctx: ManageCtx, id: number): Reply {
  const c = ctx.state.filing.categories.get(id);
  if (!c) throw notFound('DocumentCategory', id);
  return single(ctx, 'document_category', c);
}

/** The bytes of a document's latest version, for a test to compare (`GET /__admin/documents/{id}/bytes`). */
export function documentBytes(filing: ManageCtx['state']['filing'], id: number): Buffer | null {
  const d = filing.documents.get(id);
  if (!d) return null;
  const v = latestVersion(d);
  return v.fullyUploaded ? v.bytes : null;
}
