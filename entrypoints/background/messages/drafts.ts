/** Messages `drafts/…`: what the popup and the side panel keep of half-typed input (the background is its one writer). */
import { keepPanelDraft, keepPopupDraft } from '@/lib/drafts/draft-keeper';
import type { FamilyHandlers } from '@/lib/messaging/serve';

export const draftMessages = (): FamilyHandlers<'drafts'> => ({
  'drafts/keep-popup': (draft) => keepPopupDraft(draft),
  'drafts/keep-panel': ({ matterId, draft }) => keepPanelDraft(matterId, draft),
});
