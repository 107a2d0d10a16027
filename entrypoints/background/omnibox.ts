/** The omnibox keyword `clio`: `clio smith` suggests matters from the index; Enter opens one in Clio. */
import { type Browser, browser } from 'wxt/browser';
import { matterUrl } from '@/lib/clio/links';
import { t } from '@/lib/i18n';
import { matterSuggestionText, type SuggestionMarkup } from '@/lib/matters/omnibox-text';
import type { Services } from './services';

/** The one place that knows how this browser reads a suggestion: Chrome and Edge as XML, Firefox as plain text. */
const SUGGESTION_MARKUP: SuggestionMarkup = import.meta.env.FIREFOX ? 'plain' : 'xml';

export async function omniboxSuggestions(services: Services, text: string): Promise<Browser.omnibox.SuggestResult[]> {
  if (!text.trim()) return [];
  const { hits } = await services.matters.search(text, { limit: 6 });
  return hits.map((m) => ({ content: `matter:${m.id}`, description: matterSuggestionText(m, SUGGESTION_MARKUP) }));
}

export async function openFromOmnibox(services: Services, text: string): Promise<void> {
  const matterId = await services.matters.resolve(text);
  if (matterId) await browser.tabs.create({ url: matterUrl(await services.hosts(), matterId) });
}

/**
 * Answers wait for `ready` (stored shapes migrated). The default suggestion belongs to the extension, not to its
 * worker: set when a session starts (`ready` resolves true), not on every wake.
 */
export function watchOmnibox(services: Services, ready: Promise<boolean>): void {
  void ready.then((start) => (start ? browser.omnibox.setDefaultSuggestion({ description: t('omniboxDefault') }) : undefined));
  browser.omnibox.onInputChanged.addListener((text, suggest) => void ready.then(() => omniboxSuggestions(services, text)).then(suggest, () => suggest([])));
  browser.omnibox.onInputEntered.addListener((text) => void ready.then(() => openFromOmnibox(services, text)));
}
