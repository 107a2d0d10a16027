/** Messages `leads/…`: the capture UI (in the page, or its fallback window) capturing a lead for Grow. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const leadMessages = ({ leads }: Services): FamilyHandlers<'leads'> => ({
  'leads/context': ({ clickId }, sender) => leads.context(clickId, sender.tab?.id),
  'leads/extract': (facts) => leads.extract(facts),
  // A content script's UI could be read by the page: it gets the names it shows, nothing more.
  'leads/duplicates': ({ email, phone }, sender) => leads.duplicates(email, phone, !!sender.tab),
  'leads/send': (draft) => leads.send(draft),
});
