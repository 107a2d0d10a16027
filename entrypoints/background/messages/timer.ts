/** Messages `timer/…`: the popup's timer. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const timerMessages = ({ timer }: Services): FamilyHandlers<'timer'> => ({
  'timer/get': () => timer.current(),
  'timer/start': (req) => timer.start(req),
  'timer/stop': ({ note, paused, ref }) => timer.stop(note, paused, ref),
  'timer/pause': () => timer.pause(),
  'timer/resume': (req) => timer.resume(req?.index, req?.ref),
  'timer/start-at': ({ start }) => timer.setStart(start),
  'timer/note': ({ note }) => timer.setNote(note),
  'timer/idle-decision': ({ keep }) => timer.decideIdle(keep),
});
