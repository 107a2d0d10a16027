/**
 * How damages and medical bills travel from the outbox to Clio, exactly once.
 * - `damage`: `POST /damages` (1 request); before a resend that may have reached Clio, looked for by type, amount and
 *   description among the damages made since the entry (they carry no external properties). Delivered, it is kept in
 *   `local:damages-added`, the only damages a matter can list.
 * - `medical-bill`: a new medical records detail holding the bill (`POST`), or the bill added to an existing one
 *   (`PATCH`); 1 request. A bill with its PDF waits for the PDF's own `document` entry (Save to Clio's upload) to be
 *   in Clio, and carries its document id: found by the PDF's content hash in `local:filed-documents`. Before a resend,
 *   looked for by matter, provider and the bill's name and amount.
 */
import type { ClioClient } from '../clio/client';
import { AppError, appError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import {
  addMedicalBill,
  createDamage,
  createMedicalDetail,
  type DetailStatus,
  findDamage,
  findMedicalBill,
  medicalDetailEtag,
  type NewBill,
  type NewDamage,
} from './clio-injury';
import type { MedicalDetailJson } from './medical-records';

export const DAMAGE = 'damage';
export const MEDICAL_BILL = 'medical-bill';

export interface DamagePayload extends Omit<NewDamage, 'matterId'> {
  matter: MatterRef;
}

export interface MedicalBillPayload {
  matter: MatterRef;
  provider: { id: number; name: string };
  /** An existing detail of that provider on the matter: the bill is added to it. */
  detailId?: number;
  /** That detail's ETag as the local copy held it (the PATCH is made only on it). */
  etag?: string;
  status: DetailStatus;
  bill: Omit<NewBill, 'documentId'>;
  /** The bill's PDF, filed as a document by its own outbox entry: its content hash. */
  pdf?: { sha256: string; name: string };
}

const toDamage = ({ matter, ...rest }: DamagePayload): NewDamage => ({ ...rest, matterId: matter.id });

export function damageCourier(client: ClioClient, added: (p: DamagePayload, id: number) => Promise<void>): Courier<DamagePayload> {
  const kept = async (p: DamagePayload, d: { id: number } | null) => {
    if (d) await added(p, d.id);
    return d;
  };
  return {
    deliver: async (p) => kept(p, await createDamage(client, toDamage(p))),
    find: async (p, entry, claimed) => kept(p, await findDamage(client, toDamage(p), entry.createdAt, claimed)),
    mayHaveReached: createMayHaveReached,
  };
}

/** Errors that only say "the PDF is not in Clio yet": certainly not sent, so no look before the next try. */
const waiting = new WeakSet<AppError>();

export function medicalBillCourier(deps: {
  client: ClioClient;
  /** The document filed on the matter with these bytes, if it is in Clio. */
  filedDocument(matterId: number, sha256: string): Promise<number | null>;
}): Courier<MedicalBillPayload> {
  const want = (p: MedicalBillPayload) => ({
    matterId: p.matter.id,
    providerId: p.provider.id,
    ...(p.detailId ? { detailId: p.detailId } : {}),
    bill: p.bill,
  });
  return {
    async deliver(p, entry): Promise<MedicalDetailJson> {
      let documentId: number | undefined;
      if (p.pdf) {
        const id = await deps.filedDocument(p.matter.id, p.pdf.sha256);
        if (id === null) {
          const e = appError('network', t('medicalBillWaitsForPdf', p.pdf.name));
          waiting.add(e);
          throw e;
        }
        documentId = id;
      }
      const bill: NewBill = { ...p.bill, ...(documentId ? { documentId } : {}) };
      if (!p.detailId) return createMedicalDetail(deps.client, { matterId: p.matter.id, providerId: p.provider.id, status: p.status, bill });
      const detailId = p.detailId;
      const add = async (etag: string) => addMedicalBill(deps.client, detailId, etag, p.status, bill);
      try {
        return await add(p.etag ?? (await medicalDetailEtag(deps.client, detailId)));
      } catch (e) {
        if (!(e instanceof AppError) || e.kind !== 'conflict') throw e;
        // Changed since it was read: by our own PATCH resent after it reached Clio (the bill is there), or by someone
        // else (it is not: add it to the detail as it is now).
        return (await findMedicalBill(deps.client, want(p), entry.createdAt, new Set())) ?? add(await medicalDetailEtag(deps.client, detailId));
      }
    },
    find: (p, entry, claimed) => findMedicalBill(deps.client, want(p), entry.createdAt, claimed),
    mayHaveReached: (e) => !waiting.has(e) && createMayHaveReached(e),
  };
}
