/**
 * Filing from the "Save to Clio" dialog and the side panel's "Add note" (`filing/save`), and a matter's newest
 * notes, communications and documents (`filing/recent`).
 *
 * `save` checks the request, reads the document's kept bytes (bytes-store.ts) and hashes them, and writes each
 * part to the outbox under `<request id>:<part>` (the same request twice is the same entries), then starts
 * sending and answers at once: the surfaces follow their entries in the outbox's view (`session:outbox-view`,
 * by the ids the answer gives) and a document's upload in `session:filing-progress`. A document whose bytes
 * this browser already filed on the matter (filed-documents, per user) is not uploaded again (`alreadyFiled`);
 * one still on its way is answered with its entry.
 */
import { fileNameOf } from './save-reading';
import type { ClioHosts } from '../auth/regions';
import type { ClioClient } from '../clio/client';
import { matterTabUrl } from '../clio/links';
import { appError } from '../errors';
import { t } from '../i18n';
import type { Outbox } from '../outbox/outbox';
import { isOpen, type OutboxEntry } from '../outbox/outbox-machine';
import type { BytesMeta, BytesStore } from './bytes-store';
import { sizeProblem } from './bytes-store';
import { recentCommunications } from './clio-communications';
import { recentDocuments } from './clio-documents';
import { recentNotes } from './clio-notes';
import { COMMUNICATION, type CommunicationPayload } from './communication-courier';
import { sha256Hex } from './content-hash';
import { DOCUMENT, type DocumentPayload } from './document-courier';
import { filingProblem } from './filing-checks';
import { type FiledDocument, filedKey, type UploadProgress } from './filing-items';
import type { FilingAnswer, FilingRequest } from './filing-request';
import { NOTE, type NotePayload } from './note-courier';

export const RECENT_KINDS = ['notes', 'communications', 'documents'] as const;
export type RecentKind = (typeof RECENT_KINDS)[number];

/** One line of a matter's section: what a list shows, and where it is in Clio. */
export interface RecentItem {
  id: number;
  title: string;
  /** YYYY-MM-DD, when Clio gave one. */
  date: string;
  url: string;
}

export interface RecentFiled {
  items: RecentItem[];
  /** The matter's tab of this kind in Clio (all of them). */
  more: string;
}

/** How many of each a matter's section shows. */
export const RECENT_LIMIT = 5;

export interface FilingServiceDeps {
  outbox: Outbox;
  bytes: BytesStore;
  client: ClioClient;
  hosts(): Promise<ClioHosts>;
  filed(): Promise<Record<string, FiledDocument>>;
  /** Documents' upload progress, by outbox entry id. */
  uploads(): Promise<Record<string, UploadProgress>>;
}

/** Where the entries of one filing stand: the user's own entries among them, and their documents' uploads. */
export interface FilingProgress {
  entries: OutboxEntry[];
  uploads: Record<string, UploadProgress>;
}

export class FilingService {
  constructor(private readonly deps: FilingServiceDeps) {}

  /** Keeps a document's bytes for the dialog `id` (when it opens): an AppError over a cap, before anything is sent. */
  keepBytes(id: string, blob: Blob, meta: BytesMeta): Promise<void> {
    return this.deps.bytes.keep(id, blob, meta);
  }

  async save(r: FilingRequest): Promise<FilingAnswer> {
    const problem = filingProblem(r);
    if (problem) throw problem;
    const { outbox, bytes } = this.deps;
    const answer: FilingAnswer = { entries: {} };
    const queue: Array<() => Promise<void>> = [];

    if (r.document) {
      const kept = await bytes.read(r.id);
      if (!kept) throw appError('not-found', t('documentBytesGone'));
      const tooBig = sizeProblem(kept.size);
      if (tooBig) throw tooBig;
      const sha256 = await sha256Hex(kept.blob);
      const done = (await this.deps.filed())[filedKey(r.matter.id, sha256)];
      const underWay = (await outbox.mine()).find(
        (e) => e.kind === DOCUMENT && isOpen(e) && (e.payload as DocumentPayload).matter.id === r.matter.id && (e.payload as DocumentPayload).sha256 === sha256,
      );
      if (done) {
        answer.alreadyFiled = { documentId: done.documentId, name: done.name };
        await bytes.drop(r.id);
      } else if (underWay && underWay.id !== `${r.id}:document`) {
        answer.entries.document = underWay.id;
        await bytes.drop(r.id);
      } else {
        const payload: DocumentPayload = {
          matter: r.matter,
          name: r.document.name.trim(),
          // Named as the person named it (a PDF keeps its own name when it was left as it came).
          filename: fileNameOf(r.document.name, r.document.source),
          contentType: kept.contentType,
          sha256,
          bytesId: r.id,
          ...(r.pageUrl ? { pageUrl: r.pageUrl } : {}),
        };
        queue.push(async () => void (answer.entries.document = (await outbox.enqueue(DOCUMENT, payload, `${r.id}:document`)).id));
      }
    } else {
      // Bytes kept for a dialog that files no document are not needed.
      await bytes.drop(r.id);
    }
    if (r.communication) {
      const c = r.communication;
      const payload: CommunicationPayload = {
        matter: r.matter,
        subject: c.subject.trim(),
        body: c.body,
        date: c.date,
        senders: c.senders,
        receivers: c.receivers,
        ...(c.hours ? { hours: c.hours } : {}),
        ...(r.pageUrl ? { pageUrl: r.pageUrl } : {}),
      };
      queue.push(async () => void (answer.entries.communication = (await outbox.enqueue(COMMUNICATION, payload, `${r.id}:communication`)).id));
    }
    if (r.note) {
      const payload: NotePayload = { matter: r.matter, subject: r.note.subject.trim(), detail: r.note.detail, ...(r.pageUrl ? { pageUrl: r.pageUrl } : {}) };
      queue.push(async () => void (answer.entries.note = (await outbox.enqueue(NOTE, payload, `${r.id}:note`)).id));
    }
    for (const enqueue of queue) await enqueue();
    void outbox.flush();
    return answer;
  }

  /**
   * A matter's newest notes, communications or documents (1 request), each linking to the matter's tab of that
   * kind in Clio (no per-record address of Clio's web app is documented).
   */
  /**
   * Where the entries `ids` stand (asked by the dialog while it waits: a frame over a page does not hear storage
   * changes in every browser, and this answers the same in all).
   */
  async progress(ids: readonly string[]): Promise<FilingProgress> {
    const wanted = new Set(ids);
    const entries = (await this.deps.outbox.mine()).filter((e) => wanted.has(e.id));
    const all = await this.deps.uploads();
    return { entries, uploads: Object.fromEntries(Object.entries(all).filter(([id]) => wanted.has(id))) };
  }

  async recent(matterId: number, kind: RecentKind): Promise<RecentFiled> {
    if (!Number.isInteger(matterId) || matterId <= 0 || !RECENT_KINDS.includes(kind)) throw appError('bad-request', t('filingUnknownRequest'));
    const { client } = this.deps;
    const more = matterTabUrl(await this.deps.hosts(), matterId, kind);
    let items: RecentItem[];
    if (kind === 'notes') {
      items = (await recentNotes(client, matterId, RECENT_LIMIT)).map((n) => ({
        id: n.id,
        title: n.subject || n.detail.slice(0, 80),
        date: n.date ?? '',
        url: more,
      }));
    } else if (kind === 'communications') {
      items = (await recentCommunications(client, matterId, RECENT_LIMIT)).map((c) => ({
        id: c.id,
        title: c.subject,
        date: (c.date ?? c.received_at ?? '').slice(0, 10),
        url: more,
      }));
    } else {
      items = (await recentDocuments(client, matterId, RECENT_LIMIT)).map((d) => ({
        id: d.id,
        title: d.name,
        date: (d.created_at ?? '').slice(0, 10),
        url: more,
      }));
    }
    return { items, more };
  }
}
