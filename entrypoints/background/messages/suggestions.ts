/** Messages `suggestions/…`: "Suggested for this page" (read on a gesture, matched locally) and the per-site memory. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const suggestionMessages = ({ suggestions }: Services): FamilyHandlers<'suggestions'> => ({
  'suggestions/for-page': ({ windowId }) => suggestions.forActiveTab(windowId),
  'suggestions/for-person': (person) => suggestions.forPerson(person),
  'suggestions/remember-site': ({ url, matter }) => suggestions.rememberSite(url, matter),
  'suggestions/forget-site': ({ site }) => suggestions.forgetSite(site),
  'suggestions/never-read': ({ site, never }) => suggestions.setNeverRead(site, never),
});
