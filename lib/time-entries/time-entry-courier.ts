/** How a time entry travels from the outbox to Clio: created once, looked for before any resend that may have reached Clio. */
import type { ClioClient } from '../clio/client';
import type { MatterRef } from '../matter-ref';
import { AppError } from '../errors';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import { createTimeEntry, findTimeEntry, getTimeEntry, type NewTimeEntry, updateTimeEntry } from './clio-activities';

export const TIME_ENTRY = 'time-entry';

/** A time entry as the user made it; the matter is kept whole so pending entries read well. */
export interface TimeEntryPayload extends Omit<NewTimeEntry, 'matterId'> {
  matter: MatterRef;
  /** Today's "Split": this entry is the rest of entry `id`, which keeps `keepSeconds` (changed only if still at `etag`). */
  splitFrom?: { id: number; etag: string; keepSeconds: number };
}

const toNew = ({ matter, splitFrom: _, ...rest }: TimeEntryPayload): NewTimeEntry => ({ ...rest, matterId: matter.id });

/**
 * The split entry keeps its part: changed only if nobody changed it since (If-Match). On a resend whose first attempt
 * changed it already, Clio answers 412 and the entry holds exactly that part: done, not a conflict.
 */
async function keepPart(client: ClioClient, split: NonNullable<TimeEntryPayload['splitFrom']>): Promise<void> {
  try {
    await updateTimeEntry(client, split.id, split.etag, { seconds: split.keepSeconds });
  } catch (e) {
    if (!(e instanceof AppError) || e.kind !== 'conflict' || (await getTimeEntry(client, split.id)).quantity !== split.keepSeconds) throw e;
  }
}

export function timeEntryCourier(client: ClioClient): Courier<TimeEntryPayload> {
  return {
    deliver: async (p) => {
      if (p.splitFrom) await keepPart(client, p.splitFrom);
      return createTimeEntry(client, toNew(p));
    },
    find: (p, entry, claimed) => findTimeEntry(client, toNew(p), entry.createdAt, claimed),
    mayHaveReached: createMayHaveReached,
  };
}
