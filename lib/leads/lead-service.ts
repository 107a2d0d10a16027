/**
 * Capturing a lead: the page facts handed from the content script to the capture dialog's frame (with the
 * country its phone numbers are read in), Grow's "already in Grow" look-up, and the send, through the outbox
 * (never lost, never doubled), with what to tell the person. Reading people from the facts happens in the
 * dialog's page, not here: the worker does not carry the phone library.
 */
import type { ClioClient } from '../clio/client';
import { appError } from '../errors';
import { t } from '../i18n';
import type { Outbox } from '../outbox/outbox';
import { growDuplicates } from './clio-grow-leads';
import { takeClickContext } from './click-contexts';
import { captureFacts } from './capture-facts';
import type { CountryCode, PageFacts } from '../page-reading/extract-lead';
import { withClickContext } from '../page-reading/page-facts';
import { type CaptureReading, type GrowDuplicate, type GrowStatus, type LeadDraft, type LeadSendOutcome, MAX_LEAD_MESSAGE_CHARS } from './lead';
import { GROW_LEAD, type GrowLeadPayload } from './lead-courier';

/** Numbers written without a country code are read as the firm's country (the region, else the browser's locale). */
export function defaultCountry(region: string, locale: string): CountryCode {
  if (region === 'US' || region === 'CA' || region === 'AU') return region;
  const fromLocale = /-([A-Z]{2})$/.exec(locale)?.[1];
  return (fromLocale as CountryCode | undefined) ?? (region === 'EU' ? 'GB' : 'US');
}

export interface LeadServiceDeps {
  grow: ClioClient;
  outbox: Outbox;
  /** How leads reach Grow now, and Grow's inbox link. */
  status: () => Promise<GrowStatus>;
  /** The chosen Clio region (US, CA, EU, AU). */
  region: () => Promise<string>;
  /** Grow's `from_source` for leads. */
  source: () => Promise<string>;
  locale: () => string;
}

export class LeadService {
  constructor(private readonly deps: LeadServiceDeps) {}

  /**
   * What the capture content script read in tab `tabId`, with what the right-click was on, kept for the dialog
   * under a new one-time id (the frame's address carries it).
   */
  async handOff(domFacts: PageFacts, tabId: number | undefined): Promise<{ id: string }> {
    if (tabId === undefined) throw appError('bad-request', t('captureRightClickAgain', t('menuCaptureLead')));
    const click = await takeClickContext(tabId);
    const id = crypto.randomUUID();
    await captureFacts.keep(id, click ? withClickContext(domFacts, click) : domFacts);
    return { id };
  }

  /** The facts a capture dialog was opened with, once, and the country numbers without one are read in; null for an unknown id. */
  async reading(id: string): Promise<CaptureReading | null> {
    const facts = await captureFacts.take(id);
    return facts && { facts, country: defaultCountry(await this.deps.region(), this.deps.locale()) };
  }

  /** Grow contacts with this email or phone (asked by extension pages only: the dialog's frame, which the page cannot read). */
  async duplicates(email: string, phone: string): Promise<GrowDuplicate[]> {
    if ((await this.deps.status()).via !== 'oauth') return [];
    return growDuplicates(this.deps.grow, email, phone);
  }

  /**
   * Sends through the outbox. A lead Grow refuses (a 422) is kept there with Grow's words, so closing the
   * dialog loses nothing; the dialog's fixed resend `replaces` it.
   */
  async send({ replaces, ...draft }: LeadDraft & { replaces?: string }): Promise<LeadSendOutcome> {
    const { via, inboxUrl } = await this.deps.status();
    if (draft.message.length > MAX_LEAD_MESSAGE_CHARS)
      throw appError('validation', t('leadMessageTooLong'), {
        fieldErrors: { from_message: t('leadMessageTooLong') },
      });
    if (!via) throw appError('signed-out', t('leadNotConnected'));
    const payload: GrowLeadPayload = { draft, source: await this.deps.source(), via };
    if (replaces && (await this.deps.outbox.get(replaces))?.state === 'failed') await this.deps.outbox.discard(replaces);
    const entry = await this.deps.outbox.add(GROW_LEAD, payload);
    const who = `${draft.firstName} ${draft.lastName}`.trim();
    if (entry.state === 'sent') return { state: 'sent', message: t('leadSent', who), inboxUrl };
    if (entry.state === 'failed') {
      return {
        state: 'failed',
        entryId: entry.id,
        message: entry.lastError?.message ?? t('growRefusedLead'),
        inboxUrl,
        ...(entry.lastError?.fieldErrors ? { fieldErrors: entry.lastError.fieldErrors } : {}),
      };
    }
    return { state: 'pending', message: t('leadKeptOffline', who), inboxUrl };
  }
}
