/**
 * Reads what the page says about its matter ("Suggested for this page"), on the person's gesture only: the
 * background injects it into the active tab (`scripting.executeScript({ files: ['content-scripts/page-signals.js'] })`)
 * when the popup opens over the tab, or the side panel asks; never declared for sites. It only reads, and hands
 * back the signals as the script's result; nothing is left behind in the page.
 */
import { defineContentScript } from '#imports';
import { readPageSignals } from '@/lib/page-reading/page-signals';

export default defineContentScript({
  registration: 'runtime',
  main: () => readPageSignals(document),
});
