/** How a time entry travels from the outbox to Clio: created once, looked for before any resend that may have reached Clio. */
import type { ClioClient } from '../clio/client';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import { createTimeEntry, findTimeEntry, type NewTimeEntry } from './clio-activities';

export const TIME_ENTRY = 'time-entry';

/** A time entry as the user made it; the matter is kept whole so pending entries read well. */
export interface TimeEntryPayload extends Omit<NewTimeEntry, 'matterId'> {
  matter: MatterRef;
}

const toNew = ({ matter, ...rest }: TimeEntryPayload): NewTimeEntry => ({ ...rest, matterId: matter.id });

export function timeEntryCourier(client: ClioClient): Courier<TimeEntryPayload> {
  return {
    deliver: (p) => createTimeEntry(client, toNew(p)),
    find: (p, entry, claimed) => findTimeEntry(client, toNew(p), entry.createdAt, claimed),
    mayHaveReached: createMayHaveReached,
  };
}
