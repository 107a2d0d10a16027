/** Messages `leads/…`: the capture content script handing its page over, and the capture dialog (in a frame over the page, or its window). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const leadMessages = ({ leads }: Services): FamilyHandlers<'leads'> => ({
  'leads/hand-off': (facts, sender) => leads.handOff(facts, sender.tab?.id),
  'leads/reading': ({ id }) => leads.reading(id),
  'leads/duplicates': ({ email, phone }) => leads.duplicates(email, phone),
  'leads/send': (draft) => leads.send(draft),
});
