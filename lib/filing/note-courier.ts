/** How a matter note travels from the outbox to Clio: created once (1 request), looked for before any resend that may have reached Clio. */
import type { ClioClient } from '../clio/client';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import { createNote, findNote, type NewNote } from './clio-notes';

export const NOTE = 'note';

export interface NotePayload {
  matter: MatterRef;
  subject: string;
  detail: string;
  pageUrl?: string;
}

const toNew = (p: NotePayload): NewNote => ({ matterId: p.matter.id, subject: p.subject, detail: p.detail });

export function noteCourier(client: ClioClient): Courier<NotePayload> {
  return {
    deliver: (p) => createNote(client, toNew(p)),
    find: (p, entry, claimed) => findNote(client, toNew(p), entry.createdAt, claimed),
    mayHaveReached: createMayHaveReached,
  };
}
