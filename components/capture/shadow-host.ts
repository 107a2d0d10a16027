/**
 * A shadow root for the in-page UI, as WXT's createShadowRootUi builds it (`:host{all:initial}` reset,
 * styles inside the shadow root, keyboard events kept from the page) without its auto-mount and
 * CSS-loading machinery, which cost 3.4 kB gzip of the 15 kB budget.
 */
export interface ShadowHost {
  shadow: ShadowRoot;
  container: HTMLElement;
  remove(): void;
}

/**
 * Closed, so the page's scripts cannot read the dialog (the names "Already in Grow" shows) or type
 * into it. Test builds open it (WXT_OPEN_SHADOW_ROOT=1): Playwright, like assistive-technology
 * tooling, cannot look inside a closed root.
 */
const SHADOW_MODE: ShadowRootMode = import.meta.env.WXT_OPEN_SHADOW_ROOT === '1' ? 'open' : 'closed';

export function createShadowHost(name: string, css: string): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: SHADOW_MODE });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important}\n${css}`;
  const container = document.createElement('div');
  // Keys typed into the form are not the page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (e) => e.stopPropagation());
  shadow.append(style, container);
  // On <html>, not <body>: a page that re-renders its body keeps the dialog.
  document.documentElement.append(host);
  return { shadow, container, remove: () => host.remove() };
}
