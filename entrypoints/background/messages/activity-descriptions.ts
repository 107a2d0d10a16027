/** Messages `activity-descriptions/…`: the Activity list of time entries (cached a day). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const activityDescriptionMessages = ({ activityDescriptions }: Services): FamilyHandlers<'activity-descriptions'> => ({
  'activity-descriptions/list': () => activityDescriptions(),
});
