/**
 * What the "Save to Clio" dialog needs to read from a page, in the content script: its title and address, the
 * selection, a readable excerpt (the main text, for a communication's body when nothing is selected) and the
 * top of its visible text (where a webmail shows "From:" and "To:"). Reads only; bounded on any page.
 */
import type { SavePageFacts } from '../filing/save-reading';
import { MAX_BODY_CHARS, MAX_PARTY_TEXT } from './limits';
import { readableExcerpt } from './readable-excerpt';

/** How much of the page's main text the communication's body takes when nothing is selected. */
const EXCERPT_CHARS = 2_000;

export function gatherSaveFacts(doc: Document, selection: Selection | null): SavePageFacts {
  const body = doc.body as HTMLElement | null;
  return {
    pageUrl: doc.location?.href ?? '',
    pageTitle: doc.title,
    selection: (selection?.toString() ?? '').slice(0, MAX_BODY_CHARS),
    excerpt: readableExcerpt(doc, EXCERPT_CHARS),
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, line by line ("From: …" lines)
    headerText: body ? (body.innerText ?? body.textContent ?? '').slice(0, MAX_PARTY_TEXT) : '',
  };
}
