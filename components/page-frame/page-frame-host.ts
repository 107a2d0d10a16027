/**
 * Hosts a dialog's extension page over a web page, for a content script: a modal <dialog> (top layer, above any
 * page z-index, the page inert behind it) in a closed shadow root, holding an <iframe> of the extension page.
 * What a person types lives in that frame, an extension origin the page cannot script or listen to; the page
 * only ever holds this empty box. Escape, the frame's close button and "Done" close it; focus then returns to
 * where it was on the page.
 *
 * Plain DOM (no Preact): it ships in the script added to the page, whose budget is 8 kB gzip.
 */
import { isFrameMessage } from './frame-messages';

export interface PageFrameOptions {
  /** The host element's tag name (a custom-element name: it names the dialog in the page's DOM). */
  tag: string;
  /** The extension page, from `runtime.getURL` (the dynamic URL in Chrome). */
  url: string;
  /** The dialog's accessible name (also the frame's title). */
  label: string;
  /** Called once the frame is gone. */
  onClosed(): void;
}

export interface PageFrame {
  /** Whether the frame is still on the page (a page may remove it). */
  readonly open: boolean;
  /** Puts focus back in the frame (a second click on the menu item). */
  focus(): void;
  close(): void;
}

// In the page, where components/tokens.css cannot reach: its --line-strong and --bg, light and dark. The frame's
// `color-scheme` is what its page's `prefers-color-scheme` answers, so it follows the browser's, not the web page's.
const CSS = `:host{all:initial !important}
dialog{position:fixed;inset:12px 12px auto auto;margin:0;padding:0;border:1px solid #6f7987;border-radius:10px;
box-shadow:0 12px 40px #0000004d;width:min(440px,calc(100vw - 24px));max-width:none;height:var(--clio-frame-height,560px);
max-height:calc(100vh - 24px);overflow:hidden;background:#fff;color-scheme:light dark}
dialog::backdrop{background:#0f172a40}
iframe{display:block;border:0;width:100%;height:100%;background:#fff;color-scheme:light dark}
@media (prefers-color-scheme:dark){dialog,iframe{background:#16191d}dialog{border-color:#7d8896}}`;

export function mountPageFrame({ tag, url, label, onClosed }: PageFrameOptions): PageFrame {
  const returnTo = deepActiveElement();
  const host = document.createElement(tag);
  // Closed: the page's scripts cannot reach the frame element through the host (they could remove the host,
  // which closes nothing a person typed: that lives in the frame's own document).
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-label', label);
  const frame = document.createElement('iframe');
  frame.title = label;
  frame.src = url;
  dialog.append(frame);
  shadow.append(style, dialog);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    removeEventListener('message', onMessage);
    host.remove();
    if (returnTo?.isConnected && returnTo !== document.body) returnTo.focus({ preventScroll: true });
    onClosed();
  };
  const onMessage = (e: MessageEvent) => {
    // Only the frame's own window speaks for it: the page can post messages, but never as that window.
    if (e.source !== frame.contentWindow || !isFrameMessage(e.data)) return;
    const m = e.data;
    if (m.clioFrame === 'close') close();
    else if (m.clioFrame === 'size' && Number.isFinite(m.height)) dialog.style.setProperty('--clio-frame-height', `${Math.ceil(m.height) + 2}px`);
    else if (m.clioFrame === 'shown') frame.focus();
  };
  addEventListener('message', onMessage);
  // Escape while focus is on the box itself (not in the frame, which handles its own keys).
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  frame.addEventListener('load', () => frame.focus());

  // On <html>, not <body>: a page that re-renders its body keeps the dialog.
  document.documentElement.append(host);
  dialog.showModal();
  return {
    get open() {
      return !closed && host.isConnected;
    },
    focus() {
      if (!dialog.open) dialog.showModal();
      frame.focus();
    },
    close,
  };
}

function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}
