/** Messages `activity-descriptions/…`: the Activity list of time entries (cached a day), and its rates for a matter. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const activityDescriptionMessages = ({ activityDescriptions, activityRates }: Services): FamilyHandlers<'activity-descriptions'> => ({
  'activity-descriptions/list': () => activityDescriptions(),
  'activity-descriptions/rates': ({ matterId, ask }) => activityRates(matterId, ask),
});
