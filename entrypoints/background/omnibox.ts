/** The omnibox keyword `clio`: `clio smith` suggests matters from the index. */
import type { Browser } from 'wxt/browser';
import { matterSuggestionText } from '@/lib/matters/omnibox-text';
import type { Services } from './services';

export async function omniboxSuggestions(services: Services, text: string): Promise<Browser.omnibox.SuggestResult[]> {
  if (!text.trim()) return [];
  const { hits } = await services.matters.search(text, { limit: 6 });
  return hits.map((m) => ({ content: `matter:${m.id}`, description: matterSuggestionText(m) }));
}
