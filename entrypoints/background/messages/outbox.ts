/** Messages `outbox/…`: what the user does with an entry still waiting (retry it, give it up). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const outboxMessages = ({ outbox }: Services): FamilyHandlers<'outbox'> => ({
  'outbox/retry': ({ id }) => outbox.retry(id),
  'outbox/discard': ({ id }) => outbox.discard(id),
});
