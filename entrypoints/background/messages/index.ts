/** Every message family and the file that serves it: one handler for each message of the protocol. */
import type { Handlers } from '@/lib/messaging/serve';
import type { Services } from '../services';
import { activityDescriptionMessages } from './activity-descriptions';
import { authMessages } from './auth';
import { billingMessages } from './billing';
import { conflictMessages } from './conflicts';
import { deadlineDialogMessages } from './deadline-dialog';
import { deadlineMessages } from './deadlines';
import { draftMessages } from './drafts';
import { expenseMessages } from './expenses';
import { filingMessages } from './filing';
import { growMessages } from './grow';
import { leadMessages } from './leads';
import { matterMessages } from './matters';
import { outboxMessages } from './outbox';
import { reminderMessages } from './reminders';
import { saveDialogMessages } from './save-dialog';
import { suggestionMessages } from './suggestions';
import { timeEntryMessages } from './time-entries';
import { timerMessages } from './timer';
import { triggerMessages } from './triggers';

export const allMessages = (s: Services): Handlers => ({
  ...authMessages(s),
  ...timerMessages(s),
  ...reminderMessages(s),
  ...timeEntryMessages(s),
  ...expenseMessages(s),
  ...filingMessages(s),
  ...deadlineMessages(s),
  ...billingMessages(s),
  ...draftMessages(),
  ...outboxMessages(s),
  ...activityDescriptionMessages(s),
  ...matterMessages(s),
  ...suggestionMessages(s),
  ...conflictMessages(s),
  ...leadMessages(s),
  ...saveDialogMessages(s),
  ...deadlineDialogMessages(s),
  ...growMessages(s),
  ...triggerMessages(s),
});
