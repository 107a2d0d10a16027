/** Messages of the popup's timer and time entry. */
import { todaysTimeEntries, updateTimeEntry } from '@/lib/time-entries/clio-activities';
import { cachedActivityDescriptions } from '@/lib/activity-descriptions/activity-descriptions';
import { AppError, appError } from '@/lib/errors';
import type { Handlers } from '@/lib/messaging/serve';
import { forgetDraftsSavedAs } from '@/lib/drafts/drafts';
import { accountItem } from '@/lib/auth/account-item';
import { TIME_ENTRY } from '@/lib/time-entries/time-entry-courier';
import { idleItem, rememberMatter } from '@/lib/timer/timer-items';
import type { Services } from './services';

export function timerHandlers({ timer, outbox, client, today }: Services): Handlers {
  return {
    'timer/get': () => timer.current(),
    'timer/start': (req) => timer.start(req),
    'timer/stop': ({ note }) => timer.stop(note),
    'timer/pause': () => timer.pause(),
    'timer/resume': () => timer.resume(),
    'timer/note': ({ note }) => timer.setNote(note),
    'timer/idle-decision': async ({ keep }) => {
      const span = await idleItem.getValue();
      await idleItem.setValue(null);
      if (keep || !span || span.to === null) return timer.current(Infinity);
      return timer.discardIdle(span.to - span.from);
    },
    'activity-descriptions/list': () => cachedActivityDescriptions(client),
    'time-entry/save': async ({ key, ...entry }) => {
      if (!entry.matter?.id) throw appError('validation', 'Choose a matter.', { fieldErrors: { matter: 'Choose a matter.' } });
      if (!(entry.seconds > 0 && entry.seconds <= 24 * 3600))
        throw appError('validation', 'Enter a duration.', { fieldErrors: { quantity: 'Enter a duration between 1 minute and 24 hours.' } });
      const saved = await outbox.add(TIME_ENTRY, entry, key);
      if (saved.state === 'failed' && saved.lastError) {
        // Clio refused it: the form still holds the input, so the user fixes it there.
        await outbox.discard(saved.id);
        throw new AppError(saved.lastError);
      }
      // The outbox holds it now: no draft may offer the same entry again.
      if (key) await forgetDraftsSavedAs(key);
      await rememberMatter(entry.matter);
      return saved;
    },
    'time-entries/today': async () => {
      const user = (await accountItem.getValue()).user;
      if (!user) throw appError('signed-out', 'Sign in with Clio to see today’s time.');
      const date = await today();
      return { date, entries: await todaysTimeEntries(client, user.id, date) };
    },
    'time-entry/update': ({ id, etag, seconds, note }) =>
      updateTimeEntry(client, id, etag, { ...(seconds !== undefined ? { seconds } : {}), ...(note !== undefined ? { note } : {}) }),
    'outbox/retry': ({ id }) => outbox.retry(id),
    'outbox/discard': ({ id }) => outbox.discard(id),
  };
}
