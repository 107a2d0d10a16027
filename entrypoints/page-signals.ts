/**
 * Reads what the page says about its matter ("Suggested for this page"), on the person's gesture only: the
 * background injects it into the active tab (`scripting.executeScript({ files: ['page-signals.js'] })`) when the
 * popup opens over the tab, or the side panel asks; never declared for sites. It only reads, and hands back the
 * signals as the script's result; nothing is left behind in the page. An unlisted script, not a content script:
 * it needs no browser API, so it goes without WXT's content-script context and the browser polyfill (15 kB
 * parsed on every injection, a page listener added each time), 2 kB in all.
 */
import { defineUnlistedScript } from '#imports';
import { readPageSignals } from '@/lib/page-reading/page-signals';

export default defineUnlistedScript(() => readPageSignals(document));
