/** Messages `deadlines/…`: saving a task or calendar entry (through the outbox), the users and calendar (cached a day), a matter's next ones. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const deadlineMessages = ({ deadlines, deadlineSetup }: Services): FamilyHandlers<'deadlines'> => ({
  'deadlines/save': ({ deadline, key }) => deadlines.save(deadline, key),
  'deadlines/setup': () => deadlineSetup(),
  'deadlines/of-matter': ({ matterId }) => deadlines.ofMatter(matterId),
});
