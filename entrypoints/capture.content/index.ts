/**
 * "Capture as Clio Grow lead", the part that needs the page: injected on demand by the background after the
 * context-menu click (`scripting.executeScript({ files: ['content-scripts/capture.js'] })`); never declared for
 * all sites. It reads the page (the selection first, before anything moves focus), hands what it read to the
 * background, and mounts the capture dialog's frame with the one-time id the background answers. The form
 * itself, and everything typed into it, lives in that frame: an extension page the page cannot read.
 */
import { defineContentScript } from '#imports';
import { mountFrameOnce } from '@/components/page-frame/frame-once';
import { t } from '@/lib/i18n';
import { gatherPageFacts } from '@/lib/page-reading/page-facts';
import { send } from '@/lib/messaging/send';

export default defineContentScript({
  registration: 'runtime',
  // No `matches`: WXT would turn them into host permissions. The click grants activeTab.
  async main(ctx) {
    await mountFrameOnce(ctx, 'clio-capture-lead', 'capture-window', t('captureTitle'), () =>
      send('leads/hand-off', gatherPageFacts(document, document.getSelection())),
    );
  },
});
