/** Messages `save-dialog/…`: the `save` content script handing its page over, and the "Save to Clio" dialog (in a frame over the page, or its window). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const saveDialogMessages = ({ saveDialog }: Services): FamilyHandlers<'save-dialog'> => ({
  'save-dialog/hand-off': (facts, sender) => saveDialog.handOff(facts, sender.tab),
  'save-dialog/page-copy': (copy, sender) => saveDialog.pageCopy(copy, sender.tab),
  'save-dialog/reading': ({ id }) => saveDialog.reading(id),
  'save-dialog/copy': ({ id }) => saveDialog.copy(id),
  'save-dialog/open': ({ windowId, matter }) => saveDialog.openOnActiveTab(windowId, matter),
});
