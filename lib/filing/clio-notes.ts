/**
 * Matter notes. Clio's schema lists both `contact` and `matter` as required for `POST /notes`, while their field
 * descriptions make each required only for its `type`: a Matter note carries `matter` alone (as the sandbox does).
 */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import { CLOCK_SLACK_MS } from '../outbox/outbox';

export interface NoteJson {
  id: number;
  subject: string;
  detail: string;
  date: string;
  created_at?: string;
}

const NOTE_FIELDS = fields(['id', 'subject', 'detail', 'date', 'created_at']);

export interface NewNote {
  matterId: number;
  subject: string;
  detail: string;
}

export async function createNote(client: ClioClient, n: NewNote): Promise<NoteJson> {
  const body = { data: { type: 'Matter', matter: { id: n.matterId }, subject: n.subject, detail: n.detail, detail_text_type: 'plain_text' } };
  return (await client.post<NoteJson>('/notes.json', body, { fields: NOTE_FIELDS, inputFields: ['subject', 'detail'] })).data;
}

/**
 * The note an earlier, interrupted send of `n` made, if Clio has one: on the matter, the same subject and text,
 * made after the entry was written, and not one another entry already claimed.
 */
export async function findNote(client: ClioClient, n: NewNote, createdAfter: number, claimed: ReadonlySet<unknown>): Promise<NoteJson | null> {
  const found = await client.get<NoteJson[]>('/notes.json', {
    fields: NOTE_FIELDS,
    query: { type: 'Matter', matter_id: n.matterId, created_since: new Date(createdAfter - CLOCK_SLACK_MS).toISOString(), order: 'id(desc)', limit: 200 },
    priority: 'background',
  });
  return found.find((x) => !claimed.has(x.id) && x.subject === n.subject && x.detail === n.detail) ?? null;
}

/** A matter's newest notes. */
export function recentNotes(client: ClioClient, matterId: number, limit: number): Promise<NoteJson[]> {
  return client.get<NoteJson[]>('/notes.json', { fields: NOTE_FIELDS, query: { type: 'Matter', matter_id: matterId, order: 'id(desc)', limit } });
}
