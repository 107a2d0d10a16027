/**
 * How a document travels from the outbox to Clio: its kept bytes (bytes-store.ts) through the three-step upload
 * (document-upload.ts), the UploadState stored after every step under the entry's id (entry-steps.ts), so a worker
 * killed mid-way resumes where it stood. Progress goes to `session:filing-progress`. An upload origin the browser
 * does not let the extension reach makes the entry wait ('needs-permission'), its message naming the origin.
 * Done: the document is remembered for this matter and hash (filed-documents), its bytes and steps dropped.
 */
import type { ClioClient } from '../clio/client';
import { type AppError, appError, toAppError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import type { BytesStore } from './bytes-store';
import { runUpload } from './document-upload';
import type { EntrySteps } from './entry-steps';
import type { UploadState } from './upload-machine';

export const DOCUMENT = 'document';

export interface DocumentPayload {
  /** The matter, kept whole so a waiting document reads well. */
  matter: MatterRef;
  name: string;
  filename: string;
  contentType: string;
  sha256: string;
  /** Where its bytes are kept (the dialog's one-time id). */
  bytesId: string;
  pageUrl?: string;
}

/** What a delivered document entry holds. */
export interface DocumentResult {
  id: number;
  name: string;
}

export interface DocumentCourierDeps {
  client: ClioClient;
  bytes: BytesStore;
  steps: EntrySteps;
  /** Does the browser let the extension reach `url`'s origin? */
  mayReach(url: string): Promise<boolean>;
  /** Bytes sent of the total (undefined: done, forget it). */
  progress(entryId: string, sent?: number, total?: number): Promise<void>;
  /** The document is in Clio, complete. */
  filed(p: DocumentPayload, documentId: number): Promise<void>;
}

export function documentCourier(deps: DocumentCourierDeps): Courier<DocumentPayload> {
  const letGo = async (p: DocumentPayload, entryId: string) => {
    await deps.bytes.drop(p.bytesId);
    await deps.steps.drop(entryId);
    await deps.progress(entryId);
  };
  const finished = async (p: DocumentPayload, entryId: string, documentId: number): Promise<DocumentResult> => {
    await deps.filed(p, documentId);
    await letGo(p, entryId);
    return { id: documentId, name: p.name };
  };
  return {
    async deliver(p, entry) {
      const kept = await deps.bytes.read(p.bytesId);
      const stored = await deps.steps.get<UploadState>(entry.id);
      if (stored?.step === 'done') return finished(p, entry.id, stored.documentId);
      if (!kept) throw appError('not-found', t('documentBytesGone'));
      let refused = false;
      try {
        const { documentId } = await runUpload(
          {
            client: deps.client,
            load: () => deps.steps.get<UploadState>(entry.id),
            save: (s) => deps.steps.set(entry.id, s),
            progress: (sent, total) => deps.progress(entry.id, sent, total),
            mayReach: async (url) => {
              const may = await deps.mayReach(url);
              refused = !may;
              return may;
            },
          },
          { matterId: p.matter.id, name: p.name, filename: p.filename, contentType: p.contentType, sha256: p.sha256 },
          kept.blob,
        );
        return await finished(p, entry.id, documentId);
      } catch (e) {
        const err = toAppError(e);
        // Refused before any byte left: the entry waits for the person to allow the origin (the message names it).
        if (refused && err.kind === 'forbidden') throw appError('needs-permission', err.message);
        throw err;
      }
    },
    // The upload looks for itself (by its content hash) when a create may have reached Clio, from its stored steps:
    // nothing to look for here but a finished upload.
    async find(p, entry) {
      const stored = await deps.steps.get<UploadState>(entry.id);
      return stored?.step === 'done' ? finished(p, entry.id, stored.documentId) : null;
    },
    mayHaveReached: (e: AppError) => createMayHaveReached(e),
    discarded: (p, entry) => letGo(p, entry.id),
  };
}
