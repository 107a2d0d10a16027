/**
 * The readable text of a page, for a communication's body when nothing is selected: the main content (the first
 * `<article>`, `<main>` or `role=main`, else the body) as the person sees it (`innerText`: hidden text left out,
 * line breaks kept), blank lines collapsed, cut at a word to at most `maxChars`. Only reads the page.
 */
export function readableExcerpt(doc: Document, maxChars: number): string {
  const root = doc.querySelector<HTMLElement>('article, main, [role="main"]') ?? doc.body;
  if (!root) return '';
  // biome-ignore lint/performance/useDomNodeTextContent: innerText on purpose, the text as shown (no hidden text, line breaks kept)
  const text = (root.innerText ?? root.textContent ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*\n\s*/g, '\n\n')
    .replace(/ *\n */g, '\n')
    .trim();
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const at = cut.search(/\s\S*$/);
  return `${at > maxChars / 2 ? cut.slice(0, at) : cut}…`;
}
