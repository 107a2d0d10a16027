/**
 * "Capture as Clio Grow lead": injected on demand by the background after the context-menu click
 * (`scripting.executeScript({ files: ['content-scripts/capture.js'] })`); never declared for all sites.
 * Reads the page (selection first, before the dialog takes focus), asks the background to extract
 * the lead, and shows the form in a shadow root so page CSS and ours never meet.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import css from '@/components/capture/capture.css?inline';
import { CaptureDialog, focusDialog } from '@/components/capture/CaptureDialog';
import { createShadowHost, type ShadowHost } from '@/components/capture/shadow-host';
import { gatherPageFacts, withClickContext } from '@/lib/page-reading/page-facts';
import { send } from '@/lib/messaging/send';

/** This extension's isolated world outlives one injection: the open dialog is remembered here. */
const OPEN = '__clioCaptureLead';
type Global = typeof globalThis & { [OPEN]?: { focus(): void } };

export default defineContentScript({
  registration: 'runtime',
  // No `matches`: WXT would turn them into host permissions. The click grants activeTab.
  // The CSS is inlined into the shadow root (no fetch, no web-accessible resource).
  cssInjectionMode: 'manual',
  main(ctx) {
    const g = globalThis as Global;
    const open = g[OPEN];
    if (open) {
      open.focus();
      return;
    }
    // Read the page before anything moves focus or the selection.
    const domFacts = gatherPageFacts(document, document.getSelection());
    const returnTo = deepActiveElement();
    const facts = send('leads/context', {}).then(
      (click) => withClickContext(domFacts, click),
      () => domFacts,
    );

    let dialog: HTMLDialogElement | null = null;
    let ui: ShadowHost | undefined;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      delete g[OPEN];
      if (ui) render(null, ui.container);
      ui?.remove();
      if (returnTo?.isConnected && returnTo !== document.body) returnTo.focus({ preventScroll: true });
      else (deepActiveElement() as HTMLElement | null)?.blur?.();
    };
    g[OPEN] = { focus: () => focusDialog(dialog) };

    // A second injection starts a new WXT context, which invalidates this one: the dialog stays
    // (the new one re-focuses it); it goes only when the extension itself is gone.
    ctx.onInvalidated(() => {
      if (browser.runtime?.id == null) close();
    });

    const host = createShadowHost('clio-capture-lead', css);
    ui = host;
    render(<CaptureDialog facts={facts} onClose={close} />, host.container);
    dialog = host.container.querySelector('dialog');
  },
});

function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}
