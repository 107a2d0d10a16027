/**
 * A document's bytes waiting to be filed (a page copy or a PDF), kept in the filing database (filing-db.ts), never
 * in `storage.local`, under the dialog's one-time id. The background keeps them when the dialog opens; `filing/save`
 * reads them (and hashes them); the document courier drops them once the document is in Clio, or when its entry
 * is discarded. Bytes that no outbox entry refers to are swept once they are older than a hand-off
 * (HAND_OFF_TTL_MS: a dialog left open that long, or closed without saving).
 *
 * Caps, checked before anything is kept or sent: a file up to MAX_FILE_BYTES (50 MB: 10 parts of 5 MB, well within
 * Clio's 50 parts to one multipart request, and a size a browser holds and hashes in memory without trouble), and
 * MAX_WAITING_BYTES for everything waiting together (200 MB: four such files).
 */
import { appError } from '../errors';
import { t } from '../i18n';
import { HAND_OFF_TTL_MS } from '../storage/hand-offs';
import { committed, request } from '../storage/idb';
import { BYTES, openFilingDb } from './filing-db';
import { PART_BYTES } from './upload-machine';

export const MAX_FILE_BYTES = 10 * PART_BYTES;
export const MAX_WAITING_BYTES = 40 * PART_BYTES;

export interface BytesMeta {
  contentType: string;
  filename: string;
}

export interface KeptBytes extends BytesMeta {
  id: string;
  blob: Blob;
  size: number;
  /** When they were kept (epoch ms). */
  at: number;
}

export interface BytesStore {
  /** Keeps the bytes under `id` (replacing any kept there); an AppError when a cap would be passed. */
  keep(id: string, blob: Blob, meta: BytesMeta): Promise<void>;
  read(id: string): Promise<KeptBytes | null>;
  drop(id: string): Promise<void>;
  /** Drops bytes older than a hand-off that no outbox entry refers to; resolves with the ids dropped. */
  sweep(): Promise<string[]>;
}

export interface BytesStoreDeps {
  /** The bytes ids outbox entries still refer to (never swept). */
  inUse(): Promise<ReadonlySet<string>>;
  now?: () => number;
  dbName?: string;
  /** The caps (tests set small ones); MAX_FILE_BYTES and MAX_WAITING_BYTES unless given. */
  caps?: Caps;
}

export interface Caps {
  file: number;
  waiting: number;
}
const CAPS: Caps = { file: MAX_FILE_BYTES, waiting: MAX_WAITING_BYTES };

const megabytes = (n: number) => String(Math.ceil(n / (1024 * 1024)));

/** Why bytes of this size cannot be filed (with `waiting` bytes already waiting), or null. */
export function sizeProblem(size: number, waiting = 0, caps: Caps = CAPS) {
  if (size > caps.file) return appError('validation', t('fileTooBig', megabytes(size), megabytes(caps.file)));
  if (waiting + size > caps.waiting) return appError('validation', t('filesWaitingTooBig', megabytes(caps.waiting)));
  return null;
}

export function bytesStore(deps: BytesStoreDeps): BytesStore {
  const now = deps.now ?? Date.now;
  const caps = deps.caps ?? CAPS;
  const db = () => openFilingDb(deps.dbName);
  const all = async () => request((await db()).transaction(BYTES, 'readonly').objectStore(BYTES).getAll() as IDBRequest<KeptBytes[]>);
  const sweep = async () => {
    const [kept, used] = await Promise.all([all(), deps.inUse()]);
    const stale = kept.filter((k) => !used.has(k.id) && now() - k.at >= HAND_OFF_TTL_MS).map((k) => k.id);
    if (!stale.length) return [];
    const tx = (await db()).transaction(BYTES, 'readwrite');
    for (const id of stale) tx.objectStore(BYTES).delete(id);
    await committed(tx);
    return stale;
  };
  return {
    async keep(id, blob, meta) {
      const tooBig = sizeProblem(blob.size, 0, caps);
      if (tooBig) throw tooBig;
      await sweep();
      const waiting = (await all()).filter((k) => k.id !== id).reduce((n, k) => n + k.size, 0);
      const problem = sizeProblem(blob.size, waiting, caps);
      if (problem) throw problem;
      const tx = (await db()).transaction(BYTES, 'readwrite');
      tx.objectStore(BYTES).put({ id, blob, size: blob.size, at: now(), contentType: meta.contentType, filename: meta.filename } satisfies KeptBytes);
      await committed(tx);
    },
    async read(id) {
      return (await request((await db()).transaction(BYTES, 'readonly').objectStore(BYTES).get(id) as IDBRequest<KeptBytes | undefined>)) ?? null;
    },
    async drop(id) {
      const tx = (await db()).transaction(BYTES, 'readwrite');
      tx.objectStore(BYTES).delete(id);
      await committed(tx);
    },
    sweep,
  };
}
