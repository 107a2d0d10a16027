/** Communications: filing an email on a matter, finding one an interrupted send made, and a matter's newest. */
import type { ClioClient } from '../clio/client';
import { ENTRY_PROPERTY } from '../clio/entry-property';
import { fields } from '../clio/url';
import type { Participant } from './participants';

export interface CommunicationJson {
  id: number;
  subject: string;
  type: string;
  date?: string;
  received_at: string;
}

const COMMUNICATION_FIELDS = fields(['id', 'subject', 'type', 'date', 'received_at']);

export interface NewCommunication {
  matterId: number;
  subject: string;
  body: string;
  /** YYYY-MM-DD. */
  date: string;
  senders: Participant[];
  receivers: Participant[];
  /** The outbox entry's id, kept as an external property. */
  entryId: string;
}

/**
 * When a communication of `date` is said to have happened: noon UTC of that day, which is that same day in every
 * time zone from UTC−11 to UTC+11 (the dialog asks for a date, not a time).
 */
export const receivedAtOf = (date: string) => `${date}T12:00:00Z`;

export async function createCommunication(client: ClioClient, c: NewCommunication): Promise<CommunicationJson> {
  const body = {
    data: {
      type: 'EmailCommunication',
      subject: c.subject,
      body: c.body,
      received_at: receivedAtOf(c.date),
      matter: { id: c.matterId },
      ...(c.senders.length ? { senders: c.senders } : {}),
      ...(c.receivers.length ? { receivers: c.receivers } : {}),
      external_properties: [{ name: ENTRY_PROPERTY, value: c.entryId }],
    },
  };
  return (await client.post<CommunicationJson>('/communications.json', body, { fields: COMMUNICATION_FIELDS, inputFields: ['subject', 'body', 'received_at'] }))
    .data;
}

/** The communication the outbox entry `entryId` made on the matter, if Clio has it. */
export async function findCommunicationOfEntry(client: ClioClient, matterId: number, entryId: string): Promise<CommunicationJson | null> {
  const found = await client.get<CommunicationJson[]>('/communications.json', {
    fields: COMMUNICATION_FIELDS,
    query: { matter_id: matterId, external_property_name: ENTRY_PROPERTY, external_property_value: entryId, limit: 1 },
    priority: 'background',
  });
  return found[0] ?? null;
}

/** A matter's newest communications. */
export function recentCommunications(client: ClioClient, matterId: number, limit: number): Promise<CommunicationJson[]> {
  return client.get<CommunicationJson[]>('/communications.json', { fields: COMMUNICATION_FIELDS, query: { matter_id: matterId, order: 'date(desc)', limit } });
}
