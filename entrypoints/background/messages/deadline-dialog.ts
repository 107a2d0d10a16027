/** Messages `deadline-dialog/…`: the `deadline` content script asking its id, and the "Add deadline" dialog (in a frame over the page, or its window). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const deadlineDialogMessages = ({ deadlineDialog }: Services): FamilyHandlers<'deadline-dialog'> => ({
  'deadline-dialog/hand-off': (_, sender) => deadlineDialog.handOff(sender.tab),
  'deadline-dialog/reading': ({ id }) => deadlineDialog.reading(id),
  'deadline-dialog/open': ({ windowId, matter }) => deadlineDialog.openOnActiveTab(windowId, matter),
});
