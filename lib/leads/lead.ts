import type { CountryCode, PageFacts } from '../page-reading/extract-lead';

/** A lead as the capture form holds it, and what the surfaces learn about capturing. */

/** The longest message a lead may carry (what the page reader takes of a selection, too). */
export const MAX_LEAD_MESSAGE_CHARS = 5_000;
export interface LeadDraft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  message: string;
  /** The page the lead was found on (Grow's referring_url). */
  referringUrl: string;
}

/** What the capture UI is opened with: the page and what the right-click was on. */
export interface CaptureContext {
  pageUrl: string;
  pageTitle: string;
  selectionText: string;
  linkUrl?: string;
}

/** What a capture dialog opens with: the page facts, and the country numbers written without one are read in. */
export interface CaptureReading {
  facts: PageFacts;
  country: CountryCode;
}

export interface GrowStatus {
  /** How leads reach Grow: its API after "Connect Clio Grow", or the firm's Lead Inbox token. */
  via: 'oauth' | 'lead-inbox-token' | null;
  /** Grow's inbox, for the link after sending. */
  inboxUrl: string;
}

export interface GrowDuplicate {
  name: string;
  email?: string;
  phone?: string;
}

export interface LeadSendOutcome {
  state: 'sent' | 'pending' | 'failed';
  /** What to tell the person, in a sentence. */
  message: string;
  inboxUrl: string;
  /** Grow's field names a 422 named, with its words. */
  fieldErrors?: Record<string, string>;
  /** The refused lead, kept in the outbox until the user fixes (replaces), retries or discards it. */
  entryId?: string;
}
