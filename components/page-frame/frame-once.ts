/**
 * A content script's dialog over its page, one at a time: this extension's isolated world outlives one injection, so
 * the open dialog is remembered there (under its host element's tag) and a second click on the menu item focuses it
 * instead of adding another. The one-time id comes from the script's hand-off to the background. Plain DOM, and
 * positional arguments (no property names to ship): it goes into the scripts added to pages, each within 8 kB gzip.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPageFrame, type PageFrame } from './page-frame-host';

/**
 * Mounts the dialog `page` (`save-window`) in a frame whose host element is a `tag`, named `label`, with the id that
 * `handOff` answers, and answers what it answered; or focuses the one already open, and answers null without handing off.
 */
export async function mountFrameOnce<A extends { id: string }>(
  ctx: ContentScriptContext,
  tag: string,
  page: string,
  label: string,
  handOff: () => Promise<A>,
): Promise<A | null> {
  const g = globalThis as unknown as Record<string, PageFrame | undefined>;
  if (g[tag]?.open) {
    g[tag].focus();
    return null;
  }
  const answer = await handOff();
  const frame = mountPageFrame({
    tag,
    url: browser.runtime.getURL(`/${page}.html?id=${answer.id}` as '/save-window.html'),
    label,
    onClosed: () => {
      if (g[tag] === frame) delete g[tag];
    },
  });
  g[tag] = frame;
  // A second injection starts a new WXT context, which invalidates this one: the frame stays (the new one focuses
  // it); it goes only when the extension itself is gone.
  ctx.onInvalidated(() => {
    if (browser.runtime?.id == null) frame.close();
  });
  return answer;
}
