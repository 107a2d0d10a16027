/**
 * How a filed email travels from the outbox to Clio, in stored steps (entry-steps.ts, by entry id): its senders and
 * receivers matched (match-people.ts: at most one contacts request), the communication (1 request, carrying the
 * entry's id as an external property), then, when hours were given, a TimeEntry with `communication{id}` (1 more).
 * A step is marked as sending before its request: a resend after a request that may have reached Clio looks for
 * its record first (the communication by its external property, the time entry by its communication), so neither
 * is made twice. Unmatched addresses are left out and said in the result.
 */
import type { ClioClient } from '../clio/client';
import { type AppError, toAppError } from '../errors';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import { createTimeEntry, timeEntryOfCommunication } from '../time-entries/clio-activities';
import { createCommunication, findCommunicationOfEntry } from './clio-communications';
import type { EntrySteps } from './entry-steps';
import type { FilingCommunication } from './filing-request';
import type { Matching } from './participants';

export const COMMUNICATION = 'communication';

/** What the dialog asked for (FilingCommunication), on its matter. */
export interface CommunicationPayload extends FilingCommunication {
  matter: MatterRef;
  pageUrl?: string;
}

/** What a delivered communication entry holds. */
export interface CommunicationResult {
  id: number;
  timeEntryId?: number;
  /** Addresses no contact was found for: left out of the communication. */
  unmatched: string[];
}

/** Where an entry stands (stored after every step). */
export interface CommunicationSteps {
  people?: Matching;
  communicationId?: number;
  /** The communication's request was sent and its answer not stored: look before sending again. */
  communicationSent?: boolean;
  timeEntryId?: number;
  timeEntrySent?: boolean;
}

export interface CommunicationCourierDeps {
  client: ClioClient;
  steps: EntrySteps;
  match(senders: readonly string[], receivers: readonly string[]): Promise<Matching>;
}

export const secondsOfHours = (hours: number) => Math.round(hours * 3600);

export function communicationCourier(deps: CommunicationCourierDeps): Courier<CommunicationPayload> {
  return {
    async deliver(p, entry) {
      let s: CommunicationSteps = (await deps.steps.get<CommunicationSteps>(entry.id)) ?? {};
      const save = async (next: CommunicationSteps) => {
        s = next;
        await deps.steps.set(entry.id, s);
      };
      /** Sends one step's request, marked as sent first; a failure that cannot have reached Clio unmarks it. */
      const sendStep = async <T>(mark: 'communicationSent' | 'timeEntrySent', request: () => Promise<T>): Promise<T> => {
        await save({ ...s, [mark]: true });
        try {
          return await request();
        } catch (e) {
          const err = toAppError(e);
          if (!createMayHaveReached(err)) await save({ ...s, [mark]: false });
          throw err;
        }
      };

      const people = s.people ?? (await deps.match(p.senders, p.receivers));
      if (!s.people) await save({ ...s, people });

      if (s.communicationId === undefined && s.communicationSent) {
        const found = await findCommunicationOfEntry(deps.client, p.matter.id, entry.id);
        await save(found ? { ...s, communicationId: found.id } : { ...s, communicationSent: false });
      }
      if (s.communicationId === undefined) {
        const made = await sendStep('communicationSent', () =>
          createCommunication(deps.client, {
            matterId: p.matter.id,
            subject: p.subject,
            body: p.body,
            date: p.date,
            senders: people.senders,
            receivers: people.receivers,
            entryId: entry.id,
          }),
        );
        await save({ ...s, communicationId: made.id });
      }
      const communicationId = s.communicationId!;

      if (p.hours && s.timeEntryId === undefined) {
        if (s.timeEntrySent) {
          const found = await timeEntryOfCommunication(deps.client, communicationId);
          await save(found ? { ...s, timeEntryId: found.id } : { ...s, timeEntrySent: false });
        }
        if (s.timeEntryId === undefined) {
          const made = await sendStep('timeEntrySent', () =>
            createTimeEntry(deps.client, {
              matterId: p.matter.id,
              date: p.date,
              seconds: secondsOfHours(p.hours!),
              note: p.subject,
              activityDescriptionId: null,
              nonBillable: false,
              communicationId,
            }),
          );
          await save({ ...s, timeEntryId: made.id });
        }
      }
      await deps.steps.drop(entry.id);
      return {
        id: communicationId,
        ...(s.timeEntryId !== undefined ? { timeEntryId: s.timeEntryId } : {}),
        unmatched: people.unmatched,
      } satisfies CommunicationResult;
    },
    // Each step looks for itself before it is sent again (its mark is stored before its request): deliver resumes.
    find: async () => null,
    mayHaveReached: (e: AppError) => createMayHaveReached(e),
    discarded: (_p, entry) => deps.steps.drop(entry.id),
  };
}
