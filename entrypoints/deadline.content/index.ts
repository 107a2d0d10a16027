/**
 * "Add to Clio as deadline…": injected on demand by the background after the context-menu click (never declared for
 * all sites). It reads nothing of the page (the click gave the selection, the address and the title): it asks the
 * background for the dialog's one-time id and mounts the dialog's frame. The form lives in that frame.
 */
import { defineContentScript } from '#imports';
import { mountFrameOnce } from '@/components/page-frame/frame-once';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';

export default defineContentScript({
  registration: 'runtime',
  // No `matches`: WXT would turn them into host permissions. The click grants activeTab.
  async main(ctx) {
    await mountFrameOnce(ctx, 'clio-add-deadline', 'deadline-window', t('deadlineTitle'), () => send('deadline-dialog/hand-off'));
  },
});
