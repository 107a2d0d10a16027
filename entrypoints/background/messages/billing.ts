/** Messages `billing/…`: a matter's billing (its section opened), payment links and trust requests (through the outbox). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const billingMessages = ({ billing }: Services): FamilyHandlers<'billing'> => ({
  'billing/of-matter': ({ matterId }) => billing.ofMatter(matterId),
  'billing/request-payment': ({ request, key }) => billing.requestPayment(request, key),
  'billing/request-trust': ({ request, key }) => billing.requestTrust(request, key),
});
