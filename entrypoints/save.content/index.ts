/**
 * "Save to Clio matter…", the part that needs the page: injected on demand by the background after the
 * context-menu click (never declared for all sites). It reads what the dialog opens with (the selection first,
 * before anything moves focus), hands it to the background, mounts the dialog's frame with the one-time id the
 * background answers, and then copies the page (text, styles, the images the page can read; no scripts) and hands
 * the copy over for that id. The form, and everything typed into it, lives in the frame: an extension page the
 * page cannot read.
 */
import { defineContentScript } from '#imports';
import { mountFrameOnce } from '@/components/page-frame/frame-once';
import { say, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { copyPage } from '@/lib/page-reading/page-copy';
import { describeLeftOut } from '@/lib/page-reading/left-out';
import { gatherSaveFacts } from '@/lib/page-reading/save-facts';

export default defineContentScript({
  registration: 'runtime',
  // No `matches`: WXT would turn them into host permissions. The click grants activeTab.
  async main(ctx) {
    const answer = await mountFrameOnce(ctx, 'clio-save-to-matter', 'save-window', t('saveTitle'), () =>
      send('save-dialog/hand-off', gatherSaveFacts(document, document.getSelection())),
    );
    if (!answer?.copy) return;
    try {
      const made = await copyPage(document);
      await send('save-dialog/page-copy', { id: answer.id, html: made.html, leftOut: describeLeftOut(made.leftOut).map(say) });
    } catch {
      await send('save-dialog/page-copy', { id: answer.id, failed: true }).catch(() => undefined);
    }
  },
});
