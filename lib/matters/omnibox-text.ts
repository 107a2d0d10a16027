/**
 * The text of an omnibox suggestion. Pure.
 * - Chrome (and Edge) read the description as XML: `<match>` and `<dim>` style it, and matter text from Clio is
 *   escaped, never markup.
 * - Firefox shows the description as it is, plain text: markup or entities would show literally.
 */
import type { IndexedMatter } from './matter';

/** How the browser reads a suggestion's description. */
export type SuggestionMarkup = 'xml' | 'plain';

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function matterSuggestionText(m: Pick<IndexedMatter, 'displayNumber' | 'description' | 'clientName'>, markup: SuggestionMarkup): string {
  if (markup === 'plain') return `${m.displayNumber} ${m.description}${m.clientName ? ` — ${m.clientName}` : ''}`;
  return `<match>${escapeXml(m.displayNumber)}</match> ${escapeXml(m.description)}${m.clientName ? ` <dim>— ${escapeXml(m.clientName)}</dim>` : ''}`;
}
