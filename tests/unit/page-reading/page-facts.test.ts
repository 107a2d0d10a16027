// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { factsFromContext, gatherPageFacts, withClickContext } from '@/lib/page-reading/page-facts';

function page(html: string, title = 'Intake — Smith & Partners'): Document {
  document.head.innerHTML = `<title>${title}</title><meta name="description" content="  Contact our intake team.  ">`;
  document.body.innerHTML = html;
  return document;
}

/** Selects the whole text of the element with this id, as a person dragging over it would. */
function select(id: string): Selection {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id)!);
  sel.addRange(range);
  return sel;
}

describe('gatherPageFacts', () => {
  beforeEach(() => {
    document.getSelection()?.removeAllRanges();
  });

  it('without a selection: title, description and every contact link of the page, each once', () => {
    const doc = page(`
      <p>Call <a href="tel:+1-305-555-0100">305 555 0100</a> or <a href="MAILTO:intake@smith.example">write</a>.</p>
      <footer><a href="tel:+1-305-555-0100">305 555 0100</a> <a href="https://smith.example">site</a></footer>`);
    const facts = gatherPageFacts(doc, document.getSelection());
    expect(facts.title).toBe('Intake — Smith & Partners');
    expect(facts.description).toBe('Contact our intake team.');
    expect(facts.selection).toBe('');
    expect(facts.context).toBe('');
    expect(facts.links).toEqual([
      { href: 'tel:+1-305-555-0100', text: '305 555 0100' },
      { href: 'MAILTO:intake@smith.example', text: 'write' },
    ]);
  });

  it('with a selection: its text, its block as context, and the contact links near it rather than the whole page’s', () => {
    const doc = page(`
      <section><div id="sig"><p id="who">Dana Whitfield, Harlan Logistics</p><p><a href="mailto:dana@harlan.example">dana@harlan.example</a></p></div></section>
      <aside><a href="mailto:someone-else@elsewhere.example">elsewhere</a></aside>`);
    const facts = gatherPageFacts(doc, select('who'));
    expect(facts.selection).toBe('Dana Whitfield, Harlan Logistics');
    expect(facts.context).toContain('Dana Whitfield, Harlan Logistics');
    expect(facts.links).toEqual([{ href: 'mailto:dana@harlan.example', text: 'dana@harlan.example' }]);
  });

  it('reads JSON-LD as text and microformat cards (h-card and vCard), nested cards with their parent', () => {
    const doc = page(`
      <script type="application/ld+json">{"@type":"Person","name":"Ada Lee","email":"ada@lee.example"}</script>
      <div class="h-card"><span class="p-name">Omar Jones</span> <a class="u-email" href="mailto:omar@jones.example">mail</a>
        <div class="p-org h-card"><span class="p-name">Jones Realty</span></div></div>
      <div class="vcard"><span class="fn">Sofía Reyes</span> <span class="tel">+44 20 7946 0000</span></div>
      <div class="h-card">Implied Name</div>`);
    const facts = gatherPageFacts(doc, null);
    expect(facts.jsonLd).toEqual(['{"@type":"Person","name":"Ada Lee","email":"ada@lee.example"}']);
    expect(facts.hCards).toEqual([
      { 'p-name': ['Omar Jones'], 'u-email': ['mailto:omar@jones.example'], 'p-org': ['Jones Realty'] },
      { fn: ['Sofía Reyes'], tel: ['+44 20 7946 0000'] },
      { 'p-name': ['Implied Name'] },
    ]);
  });

  it('keeps its work bounded on a huge page: at most 200 links, a clipped selection', () => {
    const links = Array.from({ length: 500 }, (_, i) => `<a href="tel:+1305555${String(i).padStart(4, '0')}">n${i}</a>`).join(' ');
    const doc = page(`<p id="big">${'x'.repeat(30_000)}</p><div>${links}</div>`);
    expect(gatherPageFacts(doc, null).links).toHaveLength(200);
    expect(gatherPageFacts(doc, select('big')).selection).toHaveLength(20_000);
  });

  it('reads page text only as text: markup in it stays characters and nothing runs', () => {
    const doc = page(`<p id="x">&lt;img src=x onerror="window.__ran=1"&gt; Eve Example</p>`);
    const facts = gatherPageFacts(doc, select('x'));
    expect(facts.selection).toBe('<img src=x onerror="window.__ran=1"> Eve Example');
    expect((window as unknown as { __ran?: number }).__ran).toBeUndefined();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });
});

describe('click context', () => {
  const empty = { url: '', title: '', selection: '', context: '', links: [], jsonLd: [], hCards: [] };

  it('adds the right-clicked selection (e.g. inside an iframe) and a contact link, without doubling one', () => {
    const facts = withClickContext(
      { ...empty, url: 'https://a.example/', links: [{ href: 'tel:+13055550100', text: 'call' }] },
      { selectionText: 'Ada Lee', linkUrl: 'mailto:ada@lee.example', pageUrl: 'https://ignored.example/' },
    );
    expect(facts.selection).toBe('Ada Lee');
    expect(facts.url).toBe('https://a.example/');
    expect(facts.links.map((l) => l.href)).toEqual(['mailto:ada@lee.example', 'tel:+13055550100']);
    expect(withClickContext(facts, { linkUrl: 'mailto:ada@lee.example' }).links).toHaveLength(2);
    expect(withClickContext(empty, { linkUrl: 'https://not-a-contact.example/' }).links).toEqual([]);
  });

  it('an extension window knows only URL, title and selection', () => {
    expect(factsFromContext({ clickId: 'c1', pageUrl: 'https://a.example/p', pageTitle: 'P', selectionText: 'Omar Jones' } as never)).toEqual({
      ...empty,
      url: 'https://a.example/p',
      title: 'P',
      selection: 'Omar Jones',
    });
  });
});
