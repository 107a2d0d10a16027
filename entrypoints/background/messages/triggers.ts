/**
 * Messages `triggers/…`: a context-menu click, a keyboard command, omnibox input, an alarm and a notification's action raised from one of the
 * extension's own pages (senderMay refuses them from content scripts). Each calls the same function as the
 * browser's listener, so a test drives the real path; only the trigger differs.
 */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import { fireAlarm } from '../alarms';
import { onCommand } from '../commands';
import { onMenuClick } from '../menus';
import { omniboxSuggestions } from '../omnibox';
import type { Services } from '../services';
import { startFromReminder } from '../track-reminder';

export const triggerMessages = (s: Services): FamilyHandlers<'triggers'> => ({
  'triggers/menu-click': ({ info, tab }) => onMenuClick(s, info, tab),
  'triggers/command': ({ command, tab }) => onCommand(s, command, tab),
  'triggers/omnibox-input': ({ text }) => omniboxSuggestions(s, text),
  'triggers/alarm': ({ name }) => void fireAlarm(name),
  'triggers/notification': ({ id }) => startFromReminder(s, id),
});
