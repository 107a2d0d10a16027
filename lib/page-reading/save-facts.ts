/**
 * What the "Save to Clio" dialog needs to read from a page, in the content script: its title and address, the
 * selection, a readable excerpt (the main text, for a communication's body when nothing is selected) and the
 * top of its visible text (where a webmail shows "From:" and "To:"). Reads only; bounded on any page.
 */
import type { SavePageFacts } from '../filing/save-reading';
import { MAX_BODY_CHARS, MAX_PARTY_TEXT } from './limits';

const MAIN = 'main,[role="main"],article';

export function gatherSaveFacts(doc: Document, selection: Selection | null): SavePageFacts {
  const body = doc.body as HTMLElement | null;
  const main = (doc.querySelector(MAIN) as HTMLElement | null) ?? body;
  const text = (el: HTMLElement | null, max: number) => (el ? (el.innerText ?? el.textContent ?? '').slice(0, max) : '');
  return {
    pageUrl: doc.location?.href ?? '',
    pageTitle: doc.title,
    selection: (selection?.toString() ?? '').slice(0, MAX_BODY_CHARS),
    excerpt: text(main, 2_000)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    headerText: text(body, MAX_PARTY_TEXT),
  };
}
