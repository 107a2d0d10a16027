/**
 * Runs a document's upload (upload-machine.ts) against Clio and its storage host: each step's outcome is stored
 * before the next step, so an attempt that fails or dies mid-way resumes where it stood. Requests: create,
 * the PUT(s), complete: 3 Clio requests plus the upload; a look (by hash) or a check only after an interruption.
 */
import type { ClioClient } from '../clio/client';
import { type AppError, appError, toAppError } from '../errors';
import { t } from '../i18n';
import { completeDocument, createDocument, findDocumentByHash, type NewDocument, readVersion } from './clio-documents';
import { afterOutcome, nextAction, resumed, sending, type UploadOutcome, type UploadState } from './upload-machine';
import { putBytes } from './upload-put';

export interface UploadDeps {
  client: ClioClient;
  /** The upload's stored state (undefined: not started). */
  load(): Promise<UploadState | undefined>;
  save(s: UploadState): Promise<void>;
  /** Bytes sent so far of the total, after each PUT. */
  progress?(sent: number, total: number): Promise<void> | void;
  /** Does this browser let the extension reach `url`'s origin (host permission)? */
  mayReach(url: string): Promise<boolean>;
  put?: typeof putBytes;
}

/** Could this failed Clio request have reached Clio anyway? */
const mayHaveReached = (e: AppError) => e.kind === 'network' || e.kind === 'server';

/** Uploads `bytes` as `doc` from wherever its stored state stands; resolves with the document's id. */
export async function runUpload(deps: UploadDeps, doc: NewDocument, bytes: Blob): Promise<{ documentId: number }> {
  const size = bytes.size;
  const put = deps.put ?? putBytes;
  let s = resumed(await deps.load());
  const step = async (o: UploadOutcome) => {
    s = afterOutcome(s, o, size);
    await deps.save(s);
  };
  for (;;) {
    const action = nextAction(s, size);
    switch (action.do) {
      case 'nothing':
        await deps.progress?.(size, size);
        return { documentId: action.documentId };
      case 'create': {
        s = sending(s);
        await deps.save(s);
        try {
          await step({ to: 'create', ok: true, version: await createDocument(deps.client, doc, action.parts) });
        } catch (e) {
          const err = toAppError(e);
          await step({ to: 'create', ok: false, mayHaveReached: mayHaveReached(err) });
          throw err;
        }
        break;
      }
      case 'look':
        await step({ to: 'look', found: await findDocumentByHash(deps.client, doc.matterId, doc.sha256) });
        break;
      case 'refresh':
        await step({ to: 'refresh', version: await readVersion(deps.client, action.doc.id) });
        break;
      case 'check':
        await step({ to: 'check', fullyUploaded: (await readVersion(deps.client, action.doc.id)).fullyUploaded });
        break;
      case 'put': {
        const { target } = action;
        if (!(await deps.mayReach(target.url))) throw appError('forbidden', t('uploadNeedsPermission', new URL(target.url).origin));
        const result = await put(target, bytes);
        if (result === 'refused') {
          // Refused for a reason other than expiry (a signature or header mismatch): fetch fresh put_urls next time.
          await step({ to: 'put', part: target.part, result: 'expired' });
          throw appError('server', t('uploadRefused'));
        }
        await step({ to: 'put', part: target.part, result });
        if (result === 'failed') throw appError('network', t('uploadInterrupted'));
        if (result === 'ok' && s.step === 'put') {
          const sent = s.targets.filter((x) => s.step === 'put' && s.done.includes(x.part)).reduce((n, x) => n + x.size, 0);
          await deps.progress?.(sent, size);
        }
        break;
      }
      case 'finish': {
        s = sending(s.step === 'put' ? s : { step: 'finish', doc: action.doc });
        await deps.save(s);
        try {
          await completeDocument(deps.client, action.doc.id, action.doc.uuid);
          await step({ to: 'finish', result: 'ok' });
        } catch (e) {
          const err = toAppError(e);
          if (err.kind === 'validation' && /already/i.test(err.message)) {
            await step({ to: 'finish', result: 'already-complete' });
            break;
          }
          if (err.kind === 'validation') {
            await step({ to: 'finish', result: 'incomplete' });
            throw appError('server', t('uploadInterrupted'));
          }
          await step({ to: 'finish', result: mayHaveReached(err) ? 'uncertain' : 'failed' });
          throw err;
        }
        break;
      }
    }
  }
}
