/**
 * "Save to Clio matter…", the part that needs the page: injected on demand by the background after the
 * context-menu click (never declared for all sites). It reads what the dialog opens with (the selection first,
 * before anything moves focus), hands it to the background, mounts the dialog's frame with the one-time id the
 * background answers, and then copies the page (text, styles, the images the page can read; no scripts) and hands
 * the copy over for that id. The form, and everything typed into it, lives in the frame: an extension page the
 * page cannot read.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import { mountPageFrame, type PageFrame } from '@/components/page-frame/page-frame-host';
import { say, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { copyPage } from '@/lib/page-reading/page-copy';
import { describeLeftOut } from '@/lib/page-reading/left-out';
import { gatherSaveFacts } from '@/lib/page-reading/save-facts';

/** This extension's isolated world outlives one injection: the open dialog is remembered here. */
const OPEN = '__clioSaveToMatter';
type Global = typeof globalThis & { [OPEN]?: PageFrame };

export default defineContentScript({
  registration: 'runtime',
  // No `matches`: WXT would turn them into host permissions. The click grants activeTab.
  async main(ctx) {
    const g = globalThis as Global;
    const open = g[OPEN];
    if (open?.open) return open.focus();
    const { id, copy } = await send('save-dialog/hand-off', gatherSaveFacts(document, document.getSelection()));
    const frame = mountPageFrame({
      tag: 'clio-save-to-matter',
      url: browser.runtime.getURL(`/save-window.html?id=${id}`),
      label: t('saveTitle'),
      onClosed: () => {
        if (g[OPEN] === frame) delete g[OPEN];
      },
    });
    g[OPEN] = frame;
    ctx.onInvalidated(() => {
      if (browser.runtime?.id == null) frame.close();
    });
    if (!copy) return;
    try {
      const made = await copyPage(document);
      await send('save-dialog/page-copy', { id, html: made.html, leftOut: describeLeftOut(made.leftOut).map(say) });
    } catch {
      await send('save-dialog/page-copy', { id, failed: true }).catch(() => undefined);
    }
  },
});
