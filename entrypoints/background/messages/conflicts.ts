/** Messages `conflicts/…`: the conflict check (side panel, capture dialog). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const conflictMessages = ({ conflicts }: Services): FamilyHandlers<'conflicts'> => ({
  'conflicts/check': ({ query, also }) => conflicts.check(query, also),
});
