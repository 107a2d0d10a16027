/**
 * What the "Save to Clio" dialog asks the background to file, in one message (`filing/save`). Each part the
 * person chose becomes its own outbox entry (a document, a communication with its optional linked time entry, a
 * note), sent exactly once. A document's bytes are not in the message: the dialog's page copy or PDF was kept in
 * the extension's IndexedDB (bytes-store.ts) under the dialog's one-time id when the dialog opened.
 */
import type { MatterRef } from '../matter-ref';

export interface FilingRequest {
  /** The dialog's one-time id; a document's bytes were kept under it. */
  id: string;
  matter: MatterRef;
  /** The page's address (kept with what is filed, and the document's external property source). */
  pageUrl?: string;
  document?: FilingDocument;
  communication?: FilingCommunication;
  note?: FilingNote;
}

export interface FilingDocument {
  /** The document's name in Clio, as the person left it (the page title and date by default). */
  name: string;
  /** A copy of the page (text/html) or a PDF (application/pdf): which bytes were kept under the id. */
  source: 'page-copy' | 'pdf';
}

export interface FilingCommunication {
  subject: string;
  body: string;
  /** The communication's date, YYYY-MM-DD. */
  date: string;
  /** Email addresses the page shows as the sender(s) and receiver(s): matched to contacts when sent. */
  senders: string[];
  receivers: string[];
  /** When set, a TimeEntry of this many hours is created with `communication{id}` once the communication exists. */
  hours?: number;
}

export interface FilingNote {
  subject: string;
  detail: string;
}

/** What `filing/save` answers: the outbox entries it made, and a document this browser already filed there. */
export interface FilingAnswer {
  /** Outbox entry ids, by part, for the parts that were queued. */
  entries: Partial<Record<'document' | 'communication' | 'note', string>>;
  /** The same bytes were already filed on this matter from this browser: not uploaded again. */
  alreadyFiled?: { documentId: number; name: string };
}
