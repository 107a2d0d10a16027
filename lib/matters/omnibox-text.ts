/** Omnibox suggestions are XML in Chrome: matter text from Clio is escaped, never markup. Pure. */
import type { IndexedMatter } from './matter';

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function matterSuggestionText(m: Pick<IndexedMatter, 'displayNumber' | 'description' | 'clientName'>): string {
  return `<match>${escapeXml(m.displayNumber)}</match> ${escapeXml(m.description)}${m.clientName ? ` <dim>— ${escapeXml(m.clientName)}</dim>` : ''}`;
}
