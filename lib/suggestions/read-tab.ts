/**
 * Reads a tab's page signals by injecting the page-signals script: allowed only where the extension holds
 * the tab (activeTab after the person's gesture there, or a host permission). Null where it cannot read:
 * no grant, a browser page, the web store, a PDF viewer.
 */
import { browser } from 'wxt/browser';
import type { PageSignals } from '../page-reading/page-signals';

export async function readTabSignals(tabId: number): Promise<PageSignals | null> {
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-signals.js'] });
    return (first?.result as PageSignals | undefined) ?? null;
  } catch {
    return null;
  }
}
