/** The filing's stored items (written by the background only). */
import { defineItem } from '../storage/item';

/** A document's upload progress, by outbox entry id, for the surfaces to follow; removed once it is done. */
export interface UploadProgress {
  sent: number;
  total: number;
}
export const uploadProgressItem = defineItem<Record<string, UploadProgress>>('session:filing-progress', { fallback: {} });

/** A document this browser filed, by `filedKey(matterId, sha256)`: the same bytes on the same matter are not uploaded again. */
export interface FiledDocument {
  documentId: number;
  name: string;
  at: number;
}
export const filedDocumentsItem = defineItem<Record<string, FiledDocument>>('local:filed-documents', { fallback: {}, perUser: 'keep' });

export const filedKey = (matterId: number, sha256: string) => `${matterId}:${sha256}`;

/** How many filed documents are remembered (the oldest are forgotten first). */
export const FILED_KEPT = 1000;

/** `filed` with one more document, the oldest dropped past FILED_KEPT. Pure. */
export function withFiled(filed: Readonly<Record<string, FiledDocument>>, key: string, doc: FiledDocument): Record<string, FiledDocument> {
  const next = { ...filed, [key]: doc };
  const keys = Object.keys(next);
  if (keys.length <= FILED_KEPT) return next;
  const oldest = keys.sort((a, b) => next[a]!.at - next[b]!.at).slice(0, keys.length - FILED_KEPT);
  for (const k of oldest) delete next[k];
  return next;
}
