/**
 * Personal injury in the side panel: a matter's medical records details from the local copy, synced incrementally
 * when the "Medical" section opens (`updated_since`; a full pass daily), the damages this browser added, and the two
 * saves through the outbox: a damage, and a medical bill (with its PDF filed first through Save to Clio's own
 * `filing/save`, the bill waiting for that document). The PDF is the active tab's, or one it links to, fetched by the
 * background as Save to Clio fetches one and kept under a one-time id until filed.
 */
import type { ClioClient } from '../clio/client';
import { type AppError, appError } from '../errors';
import { t } from '../i18n';
import type { Outbox } from '../outbox/outbox';
import type { OutboxEntry } from '../outbox/outbox-machine';
import { saveFromForm } from '../outbox/save-from-form';
import { MAX_AMOUNT } from '../expenses/amount';
import type { FilingAnswer, FilingRequest } from '../filing/filing-request';
import { looksLikePdf, pdfFileName } from '../filing/pdf-source';
import { manageContacts } from '../conflicts/clio-conflicts';
import { allMedicalDetails, DAMAGE_TYPES } from './clio-injury';
import { DAMAGE, type DamagePayload, MEDICAL_BILL, type MedicalBillPayload } from './injury-couriers';
import type { AddedDamage } from './injury-items';
import {
  BALANCE_MARKS,
  heldAlready,
  knownProviders,
  type MedicalCopy,
  type MedicalRow,
  mergeMedical,
  nextSince,
  REQUEST_STATUSES,
  rowsOfMatter,
} from './medical-records';

export interface InjuryServiceDeps {
  client: ClioClient;
  outbox: Outbox;
  copy: { get(): Promise<MedicalCopy>; set(c: MedicalCopy): Promise<void> };
  damages(): Promise<AddedDamage[]>;
  /** Save to Clio's filing (its document entry, its checks and its "already filed"). */
  file(r: FilingRequest): Promise<FilingAnswer>;
  /** The SHA-256 of the bytes kept under `id`, or null when none are kept. */
  hashOf(id: string): Promise<string | null>;
  /** Fetches the PDF at `url` and keeps it under a new one-time id (as the save dialog does). */
  keepPdf(url: string): Promise<{ id: string; bytes: number }>;
  /** The active tab of the panel's window: its address, and the PDFs its page links to (empty where it may not be read). */
  pageOf(windowId: number | undefined): Promise<{ url: string; title: string; links: string[] }>;
  saved: (key: string) => Promise<void>;
  now?: () => number;
}

export interface MatterMedical {
  rows: MedicalRow[];
  /** Providers known from every matter's details, offered first by "Add medical bill". */
  providers: Array<{ id: number; name: string }>;
  /** The copy could not be brought up to date: it is shown as it was, with why. */
  stale?: string;
}

export interface DamageInput extends DamagePayload {}

export interface PagePdfs {
  title: string;
  pdfs: Array<{ url: string; name: string }>;
}

export interface BillInput extends Omit<MedicalBillPayload, 'pdf'> {
  /** The PDF kept by `injury/keep-pdf`, filed as a document and attached. */
  pdf?: { id: string; name: string };
}

const at = (field: string, message: string): AppError => appError('validation', message, { fieldErrors: { [field]: message } });
const isMoney = (n: unknown, min = 0) => typeof n === 'number' && Number.isFinite(n) && n >= min && n <= MAX_AMOUNT && Math.round(n * 100) === n * 100;
const MAX_TEXT = 255;

export function damageProblem(d: DamageInput): AppError | null {
  if (!d.matter?.id) return at('matter_id', t('chooseMatter'));
  if (!DAMAGE_TYPES.includes(d.damageType)) return at('damage_type', t('damageTypeChoose'));
  if (!d.description?.trim() || d.description.length > MAX_TEXT) return at('description', t('damageDescriptionNeeded'));
  if (!isMoney(d.amount) || d.amount === 0) return at('amount', t('amountPositive'));
  return null;
}

export function billProblem(b: BillInput): AppError | null {
  if (!b.matter?.id) return at('matter_id', t('chooseMatter'));
  if (!b.provider?.id) return at('medical_provider_id', t('medicalProviderChoose'));
  if (!b.bill.name?.trim() || b.bill.name.length > MAX_TEXT) return at('name', t('medicalBillNameNeeded'));
  if (!isMoney(b.bill.amount) || b.bill.amount === 0) return at('amount', t('amountPositive'));
  if (!isMoney(b.bill.adjustment)) return at('adjustment', t('medicalAdjustmentInvalid'));
  if (!isMoney(b.bill.balance)) return at('balance', t('medicalBalanceInvalid'));
  if (!BALANCE_MARKS.includes(b.bill.markBalanceAs)) return at('mark_balance_type_as', t('medicalBalanceMarkChoose'));
  if (!REQUEST_STATUSES.includes(b.status.billsStatus) || !REQUEST_STATUSES.includes(b.status.recordsStatus))
    return at('bills_status', t('medicalStatusChoose'));
  return null;
}

export class InjuryService {
  private syncing: Promise<MedicalCopy> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: InjuryServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Brings the local copy up to date (one pass at a time): ⌈N/200⌉ requests, or the changed ones' pages. */
  sync(): Promise<MedicalCopy> {
    this.syncing ??= (async () => {
      const held = await this.deps.copy.get();
      const since = nextSince(held, this.now());
      const fetched = await allMedicalDetails(this.deps.client, since);
      // An incremental pass that brought only what is held (the overlap's second): nothing to write.
      if (since !== null && heldAlready(held, fetched)) return held;
      const next = mergeMedical(held, fetched, since === null, this.now());
      await this.deps.copy.set(next);
      return next;
    })().finally(() => (this.syncing = null));
    return this.syncing;
  }

  /** The matter's details, after a sync; what the copy held, with why, when the sync failed. */
  async medical(matterId: number): Promise<MatterMedical> {
    let copy: MedicalCopy;
    let stale: string | undefined;
    try {
      copy = await this.sync();
    } catch (e) {
      copy = await this.deps.copy.get();
      if (!copy.fullAt) throw e;
      stale = e instanceof Error ? e.message : t('errorInternal');
    }
    return { rows: rowsOfMatter(copy, matterId), providers: knownProviders(copy), ...(stale ? { stale } : {}) };
  }

  /** The damages this browser added on the matter, newest first (Clio's damages name no matter). */
  async damagesOf(matterId: number): Promise<AddedDamage[]> {
    return (await this.deps.damages()).filter((d) => d.matterId === matterId);
  }

  addDamage(d: DamageInput, key?: string): Promise<OutboxEntry> {
    const problem = damageProblem(d);
    if (problem) return Promise.reject(problem);
    const payload: DamagePayload = { matter: d.matter, damageType: d.damageType, description: d.description.trim(), amount: d.amount };
    return saveFromForm(this.deps.outbox, DAMAGE, payload, key, this.deps.saved);
  }

  /**
   * The bill through the outbox; with a PDF, the PDF first through Save to Clio's filing (its own `document` entry,
   * or the document already filed with those bytes), the bill entry waiting for it. Answers the bill's entry and
   * the document's (when one was queued).
   */
  async addBill(b: BillInput, key?: string): Promise<{ entry: OutboxEntry; document?: string }> {
    const problem = billProblem(b);
    if (problem) throw problem;
    const payload: MedicalBillPayload = {
      matter: b.matter,
      provider: b.provider,
      ...(b.detailId ? { detailId: b.detailId } : {}),
      ...(b.etag ? { etag: b.etag } : {}),
      status: b.status,
      bill: { ...b.bill, name: b.bill.name.trim() },
    };
    let document: string | undefined;
    if (b.pdf) {
      const sha256 = await this.deps.hashOf(b.pdf.id);
      if (!sha256) throw appError('not-found', t('documentBytesGone'));
      const name = b.pdf.name.trim() || b.bill.name.trim();
      const filed = await this.deps.file({ id: b.pdf.id, matter: b.matter, document: { name, source: 'pdf' } });
      document = filed.entries.document;
      payload.pdf = { sha256, name };
    }
    const entry = await saveFromForm(this.deps.outbox, MEDICAL_BILL, payload, key, this.deps.saved);
    return { entry, ...(document ? { document } : {}) };
  }

  /** The page's title and the PDFs "Add medical bill" can attach: the tab's own, then those its page links to (at most 10). */
  async pagePdfs(windowId: number | undefined): Promise<PagePdfs> {
    const page = await this.deps.pageOf(windowId);
    const urls = [...new Set([page.url, ...page.links].filter(looksLikePdf))].slice(0, 10);
    return { title: page.title, pdfs: urls.map((url) => ({ url, name: pdfFileName(url) })) };
  }

  /** Contacts matching `query` (Clio searches names, emails and phones), for a provider no record names yet: 1 request. */
  async providers(query: string): Promise<Array<{ id: number; name: string }>> {
    const q = query.trim();
    if (q.length < 2) return [];
    return (await manageContacts(this.deps.client, q, 10)).map((c) => ({ id: c.id, name: c.name ?? '' }));
  }

  /** Fetches the chosen PDF and keeps it for the bill (an AppError when it cannot be read or is too big). */
  keepPdf(url: string): Promise<{ id: string; bytes: number }> {
    if (!looksLikePdf(url)) return Promise.reject(appError('bad-request', t('notAPdf')));
    return this.deps.keepPdf(url);
  }
}
