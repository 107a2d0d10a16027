// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractLead } from '@/lib/page-reading/extract-lead';
import { MAX_LINKS } from '@/lib/page-reading/limits';
import { gatherPageFacts } from '@/lib/page-reading/page-facts';

describe('limits shared by page-facts and the extractor', () => {
  it('both stop at the same link: the last one the page reader keeps is read, the first one it drops is not', () => {
    // MAX_LINKS - 1 links to one address, then the last link within the limit, then one past it.
    const links = [
      ...Array.from({ length: MAX_LINKS - 1 }, (_, i) => ({ href: 'mailto:same@firm.example', text: `link ${i}` })),
      { href: 'mailto:last@firm.example', text: 'last' },
      { href: 'mailto:beyond@firm.example', text: 'beyond' },
    ];
    document.body.innerHTML = links.map((l) => `<a href="${l.href}">${l.text}</a>`).join(' ');
    const gathered = gatherPageFacts(document, null).links;
    expect(gathered).toHaveLength(MAX_LINKS);
    expect(gathered.at(-1)?.href).toBe('mailto:last@firm.example');

    const page = { url: 'https://firm.example/', title: 'Firm', selection: '', context: '', jsonLd: [], hCards: [] };
    expect(extractLead({ ...page, links }).emails.map((e) => e.value)).toEqual(['same@firm.example', 'last@firm.example']);
    expect(extractLead({ ...page, links: gathered }).emails.map((e) => e.value)).toEqual(['same@firm.example', 'last@firm.example']);
  });
});
