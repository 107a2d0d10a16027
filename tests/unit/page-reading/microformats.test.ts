// @vitest-environment happy-dom
/**
 * Microformats read from the DOM (page-facts.ts) and turned into candidates (structured-data.ts, names.ts):
 * the microformats2 implied name and value-class pattern, and the classic hCard rules. Cases marked "suite"
 * are re-typed from the microformats test suite (github.com/microformats/tests); the rest are our own.
 */
import { describe, expect, it } from 'vitest';
import { extractLead } from '@/lib/page-reading/extract-lead';
import { gatherPageFacts } from '@/lib/page-reading/page-facts';

function cardsOf(html: string): Array<Record<string, string[]>> {
  document.body.innerHTML = html;
  return gatherPageFacts(document, null).hCards;
}

/**
 * The lead read from a page, as the capture page reads it: the page's facts, then the extraction. `selection`
 * is the text a browser gives for a selection (jsdom-like DOMs give a range's text without line breaks).
 */
function leadOf(html: string, selection = '') {
  document.body.innerHTML = html;
  const got = extractLead({ ...gatherPageFacts(document, null), selection });
  return { names: got.names.map((n) => [n.value.first, n.value.last]), emails: got.emails.map((e) => e.value), phones: got.phones.map((p) => p.value) };
}

describe('microformats2 implied name', () => {
  it.each([
    ['an image card’s alt', '<img class="h-card" src="jane.jpg" alt="Jane Doe"/>'],
    ['an area card’s alt', '<map><area class="h-card" href="jane.html" alt="Jane Doe"></map>'],
    ['an abbreviation card’s title', '<abbr class="h-card" title="Jane Doe">JD</abbr>'],
    ['its only child image’s alt', '<div class="h-card"><img src="jane.jpg" alt="Jane Doe"/></div>'],
    ['its only child area’s alt', '<div class="h-card"><area href="jane.html" alt="Jane Doe"></div>'],
    ['its only child abbreviation’s title', '<div class="h-card"><abbr title="Jane Doe">JD</abbr></div>'],
    ['its only grandchild image’s alt', '<div class="h-card"><span><img src="jane.jpg" alt="Jane Doe"/></span></div>'],
    ['its only grandchild area’s alt', '<div class="h-card"><span><area href="jane.html" alt="Jane Doe"></span></div>'],
    ['its only grandchild abbreviation’s title', '<div class="h-card"><span><abbr title="Jane Doe">JD</abbr></span></div>'],
  ])('is %s (suite)', (_case, html) => {
    expect(cardsOf(html)).toEqual([{ 'p-name': ['Jane Doe'] }]);
  });

  it('is a linked author’s photo alt, as blogs mark up a byline', () => {
    const html = '<p>Posted by <a class="h-card" href="https://ines.example/"><img src="/ines.jpg" alt="Inés Castro"></a></p>';
    expect(cardsOf(html)).toEqual([{ 'p-name': ['Inés Castro'] }]);
    expect(leadOf(html).names).toEqual([['Inés', 'Castro']]);
  });

  it('is the card’s text when the image is not its only child, or its alt is empty', () => {
    expect(cardsOf('<div class="h-card"><img src="logo.png" alt="Firm logo"><span>Jane Doe</span></div>')).toEqual([{ 'p-name': ['Jane Doe'] }]);
    expect(cardsOf('<div class="h-card"><img src="jane.jpg" alt=""> Jane Doe</div>')).toEqual([{ 'p-name': ['Jane Doe'] }]);
    // A great-grandchild is too deep.
    expect(cardsOf('<div class="h-card"><span><b><img src="j.jpg" alt="Jane Doe"></b></span></div>')).toEqual([]);
  });

  it('is not taken from a card with a p-* property (suite), but is beside u-* ones', () => {
    expect(cardsOf('<div class="h-card"> John Doe, <span class="p-org">Mozilla</span> </div>')).toEqual([{ 'p-org': ['Mozilla'] }]);
    expect(cardsOf('<div class="h-card"><img src="j.jpg" alt="Jane Doe"> <span class="p-note">Partner</span></div>')).toEqual([{ 'p-note': ['Partner'] }]);
    expect(cardsOf('<div class="h-card"><a class="u-url" href="https://jane.example/">Jane Doe</a></div>')).toEqual([
      { 'u-url': ['https://jane.example/'], 'p-name': ['Jane Doe'] },
    ]);
  });

  it('is not taken from a card holding a nested microformat (suite), nor from an e-* property', () => {
    expect(cardsOf('<div class="h-card"><span class="h-card"><abbr title="John Doe">JD</abbr></span></div>')).toEqual([]);
    expect(cardsOf('<div class="h-card"><a class="u-url" href="/">Jane Doe</a> <span class="h-geo">52.1;4.3</span></div>')).toEqual([{ 'u-url': ['/'] }]);
    expect(cardsOf('<div class="h-card"><div class="e-note">Jane Doe</div></div>')).toEqual([{ 'e-note': ['Jane Doe'] }]);
  });

  it('takes utility classes that are not microformats for what they are (p-4, h-8 are no properties)', () => {
    expect(cardsOf('<div class="h-card p-4"><div class="h-8 w-8"><img src="j.jpg" alt="Jane Doe"></div></div>')).toEqual([{ 'p-name': ['Jane Doe'] }]);
  });
});

describe('value-class pattern', () => {
  it('takes the value parts of a tel, not its type (suite)', () => {
    const html = `<div class="vcard"><span class="fn">John Doe</span><ul>
      <li class="tel"><span class="type">Work</span> (<span class="type">pref</span>erred): <span class="value">+1 415 555 100</span></li>
      <li class="tel"><span class="type">Home</span>: <span class="value">+1 415 555 200</span></li></ul></div>`;
    expect(cardsOf(html)).toEqual([{ fn: ['John Doe'], tel: ['+1 415 555 100', '+1 415 555 200'] }]);
  });

  it('joins several value parts without a space, leaving out what lies between', () => {
    const html =
      '<div class="h-card"><span class="p-name">Ann Lee</span> <span class="p-tel"><span class="value">+44</span> (0) <span class="value">1223 123 123</span></span></div>';
    expect(cardsOf(html)).toEqual([{ 'p-name': ['Ann Lee'], 'p-tel': ['+441223 123 123'] }]);
    expect(leadOf(html).phones).toEqual(['+441223123123']);
  });

  it('lets the marked value beat hidden or alternative text around it', () => {
    const html = `<div class="h-card">
      <a class="p-name u-url" href="/people/rosa"><span class="value">Rosa Martínez</span><span class="sr-only"> (opens profile)</span></a>
      <span class="p-job-title"><span class="value-title" title="Senior Associate"></span>Sr. Assoc.</span>
      <span class="p-given-name"><img class="value" src="sig.png" alt="Rosa"> (signature)</span></div>`;
    expect(cardsOf(html)).toEqual([{ 'p-name': ['Rosa Martínez'], 'u-url': ['/people/rosa'], 'p-job-title': ['Senior Associate'], 'p-given-name': ['Rosa'] }]);
    expect(leadOf(html).names).toEqual([['Rosa', 'Martínez']]);
  });

  it('joins a date’s parts with a space', () => {
    expect(
      cardsOf(
        '<div class="h-card"><span class="p-name">Ann Lee</span> born <span class="dt-bday"><span class="value">1980-05-01</span>, <span class="value">09:00</span></span></div>',
      ),
    ).toEqual([{ 'p-name': ['Ann Lee'], 'dt-bday': ['1980-05-01 09:00'] }]);
  });

  it('does not take a value inside a nested card for the outer property', () => {
    const html =
      '<div class="h-card"><span class="p-name">Ann Lee</span> <p class="p-note">Assistant: <span class="h-card"><span class="p-name"><span class="value">Bo Kim</span> (temp)</span></span></p></div>';
    expect(cardsOf(html)[0]?.['p-note']).toEqual(['Assistant: Bo Kim (temp)']);
  });

  it('without value parts, takes an abbreviation’s title, a data element’s value and an image’s alt, else the text', () => {
    const html = `<div class="h-card"><abbr class="p-given-name" title="Jonathan">Jon</abbr> <data class="p-family-name" value="Doe">DOE</data>
      <img class="p-honorific-suffix" src="phd.png" alt="PhD"> <li class="p-nickname" value="3">Johnny</li></div>`;
    expect(cardsOf(html)).toEqual([{ 'p-given-name': ['Jonathan'], 'p-family-name': ['Doe'], 'p-honorific-suffix': ['PhD'], 'p-nickname': ['Johnny'] }]);
  });
});

describe('classic hCard (vcard)', () => {
  it('reads given and family names inside n (suite)', () => {
    const html = `<div class="vcard"><div class="n"><span class="honorific-prefix">Dr</span> <span class="given-name">John</span>
      <abbr class="additional-name" title="Peter">P</abbr> <span class="family-name">Doe</span> <data class="honorific-suffix" value="MSc"></data></div></div>`;
    expect(cardsOf(html)).toEqual([{ 'given-name': ['John'], 'family-name': ['Doe'] }]);
    expect(leadOf(html).names).toEqual([['John', 'Doe']]);
  });

  it('implies n from a two-word fn, family name first after a comma or before an initial', () => {
    expect(leadOf('<div class="vcard"><span class="fn">Chris Messina</span></div>').names).toEqual([['Chris', 'Messina']]);
    expect(leadOf('<div class="vcard"><span class="fn">Çelik, Tantek</span></div>').names).toEqual([['Tantek', 'Çelik']]);
    expect(leadOf('<div class="vcard"><span class="fn">Suda B.</span></div>').names).toEqual([['B', 'Suda']]);
    // Only in a classic hCard: a microformats2 name is read as written.
    expect(leadOf('<div class="h-card"><span class="p-name">Suda B.</span></div>').names).toEqual([['Suda', 'B.']]);
  });

  it('reads a card whose fn is its org as an organisation: no person, but its phone and email (suite)', () => {
    const html = `<div class="hreview-aggregate"><div class="item vcard"><h3 class="fn org">Mediterranean Wraps</h3>
      <p><span class="adr"><span class="street-address">433 S California Ave</span>, <span class="locality">Palo Alto</span></span> -
      <span class="tel">(650) 321-8189</span> <a class="email" href="mailto:hello@medwraps.example">write to us</a></p></div>
      <p class="rating"><span class="average value">9.2</span> out of <span class="best">10</span></p></div>`;
    expect(cardsOf(html)).toEqual([
      { fn: ['Mediterranean Wraps'], org: ['Mediterranean Wraps'], tel: ['(650) 321-8189'], email: ['mailto:hello@medwraps.example'] },
    ]);
    // Selected, its heading above its phone line reads like a person heading a contact block: the card says otherwise.
    const selected = 'Mediterranean Wraps\n433 S California Ave, Palo Alto - (650) 321-8189';
    expect(leadOf(html, selected)).toEqual({ names: [], emails: ['hello@medwraps.example'], phones: ['+16503218189'] });
  });

  it('still reads a person’s card whose org differs from the fn', () => {
    const html =
      '<div class="vcard"><a class="fn url" href="/dana">Dana Whitfield</a>, <span class="org">Harlan Logistics</span> <span class="tel">305-555-0100</span></div>';
    expect(leadOf(html)).toEqual({ names: [['Dana', 'Whitfield']], emails: [], phones: ['+13055550100'] });
  });
});

describe('organisation names across the page', () => {
  // Selected, a business's heading above its phone line reads like a name heading a contact block.
  const selected = 'Mediterranean Wraps\n433 S California Ave, Palo Alto · (650) 321-8189';
  const card = `<div class="h-card"><p class="p-name p-org">Mediterranean Wraps</p>
    <p>433 S California Ave, Palo Alto · <a class="p-tel" href="tel:+16503218189">(650) 321-8189</a></p></div>`;

  it('a business named by an h-card is no person in the selected text either', () => {
    expect(leadOf(card, selected)).toEqual({ names: [], emails: [], phones: ['+16503218189'] });
  });

  it('without the card, the same text gives a person (the card is what refuses it)', () => {
    expect(leadOf('<p>Mediterranean Wraps</p>', selected).names).toEqual([['Mediterranean', 'Wraps']]);
  });

  it('a person card’s org is no person either, while the card’s person is', () => {
    const html = '<div class="h-card"><span class="p-name">Omar Jones</span>, <span class="p-org">Jones Realty</span></div>';
    expect(leadOf(html, 'Jones Realty\nomar@jonesrealty.example').names).toEqual([['Omar', 'Jones']]);
  });
});
