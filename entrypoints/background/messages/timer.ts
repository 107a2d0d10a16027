/** Messages `timer/…`: the popup's timer. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const timerMessages = ({ timer }: Services): FamilyHandlers<'timer'> => ({
  'timer/get': () => timer.current(),
  'timer/start': (req) => timer.start(req),
  'timer/stop': ({ note }) => timer.stop(note),
  'timer/pause': () => timer.pause(),
  'timer/resume': () => timer.resume(),
  'timer/note': ({ note }) => timer.setNote(note),
  'timer/idle-decision': ({ keep }) => timer.decideIdle(keep),
});
