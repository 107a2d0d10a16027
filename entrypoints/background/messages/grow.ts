/** Messages `grow/…`: the Grow connection on the options page (and its status for the capture UI). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const growMessages = ({ growConnection }: Services): FamilyHandlers<'grow'> => ({
  'grow/status': () => growConnection.status(),
  'grow/connect': () => growConnection.connect(),
  'grow/disconnect': () => growConnection.disconnect(),
  'grow/set-lead-inbox-token': ({ token }) => growConnection.setLeadInboxToken(token),
});
