/** What "Suggested for this page" keeps: the matter last used on each site, the sites never to read, the last page read in each window. */
import { defineItem } from '../storage/item';
import type { RememberedMatter } from './site-memory';
import type { PageSuggestions } from './suggestion-service';

/** The matter last used on each site, by site (site-memory.ts `siteOf`). The signed-in user's. */
export const siteMattersItem = defineItem<Record<string, RememberedMatter>>('local:site-matters', { fallback: {}, perUser: 'keep' });

/** Sites (as `siteOf` names them, or whole origins) the person asked never to read. The signed-in user's. */
export const neverReadItem = defineItem<string[]>('local:never-read-sites', { fallback: [], perUser: 'keep' });

/**
 * The suggestions for the page last read on a gesture in each window, by window id: what a surface without a
 * gesture of its own (the side panel, a popup opened as a tab) shows. Session only; extension pages only.
 */
export const pageSuggestionsItem = defineItem<Record<string, PageSuggestions>>('session:page-suggestions', { fallback: {} });
