/**
 * Capturing a lead: what the capture UI opens with, the candidates read from the page, Grow's
 * "already in Grow" look-up, and the send, through the outbox (never lost, never doubled), with
 * what to tell the person.
 */
import type { ClioClient } from '../clio/client';
import { appError } from '../errors';
import { t } from '../i18n';
import type { Outbox } from '../outbox/outbox';
import { growDuplicates } from './clio-grow-leads';
import { takeClickContext } from './click-contexts';
import { type CountryCode, type ExtractedLead, extractLead, type PageFacts } from '../page-reading/extract-lead';
import { type CaptureContext, type GrowDuplicate, type GrowStatus, type LeadDraft, type LeadSendOutcome, MAX_LEAD_MESSAGE_CHARS } from './lead';
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

  async context(clickId: string | undefined, tabId: number | undefined): Promise<CaptureContext> {
    const ctx = await takeClickContext(clickId, clickId ? undefined : tabId);
    if (!ctx) throw appError('bad-request', t('captureRightClickAgain', t('menuCaptureLead')));
    return ctx;
  }

  async extract(facts: PageFacts): Promise<ExtractedLead> {
    return extractLead(facts, { defaultCountry: defaultCountry(await this.deps.region(), this.deps.locale()) });
  }

  /** Grow contacts with this email or phone. `namesOnly` for a UI the page could read: the names it shows, nothing more. */
  async duplicates(email: string, phone: string, namesOnly: boolean): Promise<GrowDuplicate[]> {
    if ((await this.deps.status()).via !== 'oauth') return [];
    const found = await growDuplicates(this.deps.grow, email, phone);
    return namesOnly ? found.map(({ name }) => ({ name })) : found;
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
