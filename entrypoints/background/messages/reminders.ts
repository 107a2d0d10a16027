/** Messages `reminders/…`: the options page's reminders and automatic stops, and the popup's answers to them. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import { autoStopItem } from '@/lib/timer/reminder-items';
import { decideAway } from '../auto-stop';
import type { Services } from '../services';
import { saveReminders } from '../reminder-settings';

export const reminderMessages = (s: Services): FamilyHandlers<'reminders'> => ({
  'reminders/set': (settings) => saveReminders(s, settings),
  'reminders/notice-seen': () => autoStopItem.setValue(null),
  'reminders/away-decision': ({ choice }) => decideAway(s, choice),
});
