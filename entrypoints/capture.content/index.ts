/**
 * "Capture as Clio Grow lead", the part that needs the page: injected on demand by the background after the
 * context-menu click (`scripting.executeScript({ files: ['content-scripts/capture.js'] })`); never declared for
 * all sites. It reads the page (the selection first, before anything moves focus), hands what it read to the
 * background, and mounts the capture dialog's frame with the one-time id the background answers. The form
 * itself, and everything typed into it, lives in that frame: an extension page the page cannot read.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import { mountPageFrame, type PageFrame } from '@/components/page-frame/page-frame-host';
import { t } from '@/lib/i18n';
import { gatherPageFacts } from '@/lib/page-reading/page-facts';
import { send } from '@/lib/messaging/send';

/** This extension's isolated world outlives one injection: the open dialog is remembered here. */
const OPEN = '__clioCaptureLead';
type Global = typeof globalThis & { [OPEN]?: PageFrame };

export default defineContentScript({
  registration: 'runtime',
  // No `matches`: WXT would turn them into host permissions. The click grants activeTab.
  async main(ctx) {
    const g = globalThis as Global;
    const open = g[OPEN];
    if (open?.open) return open.focus();
    const facts = gatherPageFacts(document, document.getSelection());
    const { id } = await send('leads/hand-off', facts);
    const frame = mountPageFrame({
      tag: 'clio-capture-lead',
      url: browser.runtime.getURL(`/capture-window.html?id=${id}`),
      label: t('captureTitle'),
      onClosed: () => {
        if (g[OPEN] === frame) delete g[OPEN];
      },
    });
    g[OPEN] = frame;
    // A second injection starts a new WXT context, which invalidates this one: the frame stays (the new
    // one focuses it); it goes only when the extension itself is gone.
    ctx.onInvalidated(() => {
      if (browser.runtime?.id == null) frame.close();
    });
  },
});
