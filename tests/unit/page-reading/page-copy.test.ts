// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://firm.example/cases/42/"}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { say } from '@/lib/i18n';
import { describeLeftOut } from '@/lib/page-reading/left-out';
import { COPY_CSP, copyPage } from '@/lib/page-reading/page-copy';

/**
 * The page's network as the page's fetch sees it: files of its own origin and of a CORS-enabled CDN answer,
 * another site's files fail as a CORS refusal does (TypeError), "slow" answers only when aborted.
 */
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
const served: Record<string, { body: BodyInit; type: string }> = {
  'https://firm.example/img/logo.png': { body: PNG, type: 'image/png' },
  'https://firm.example/img/chosen-2x.png': { body: PNG, type: 'image/png' },
  'https://firm.example/css/bg.png': { body: PNG, type: 'image/png' },
  'https://firm.example/theme/dots.png': { body: PNG, type: 'image/png' },
  'https://cdn.example/open/font.woff2': { body: new Uint8Array([119, 79, 70, 50]), type: 'font/woff2' },
  'https://firm.example/img/big.png': { body: new Uint8Array(3000), type: 'image/png' },
};
const asked: string[] = [];
const pageFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input);
  asked.push(url);
  if (url.startsWith('data:')) return fetch(url);
  if (url.includes('slow')) {
    return new Promise((_, fail) => init?.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))));
  }
  const file = served[url];
  if (!file) throw new TypeError('Failed to fetch');
  return new Response(file.body, { headers: { 'content-type': file.type } });
}) as typeof fetch;

const PNG_DATA = `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`;

function page(head: string, body: string): Document {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  return document;
}

/** The copy parsed again, as a browser opening the file would. */
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A style sheet the page cannot read, as the browser gives it: its rules throw. */
function crossOriginSheet(href: string): CSSStyleSheet {
  return {
    href,
    disabled: false,
    media: { mediaText: '' },
    get cssRules(): CSSRuleList {
      throw new DOMException('Cannot access rules', 'SecurityError');
    },
  } as unknown as CSSStyleSheet;
}

/** A style sheet the page can read, as the browser gives it (happy-dom's CSSOM has no media, no imports). */
const readableSheet = (href: string | null, cssRules: object[], mediaText = '') =>
  ({ href, disabled: false, media: { mediaText }, cssRules }) as unknown as CSSStyleSheet;

/** The browser's sheets, with these added after the page's own (happy-dom loads no <link> sheet). */
function withSheets(...more: CSSStyleSheet[]) {
  const own = [...document.styleSheets];
  Object.defineProperty(document, 'styleSheets', { configurable: true, get: () => [...own, ...more] });
}

const SCRIPT_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'portal', 'applet', 'base', 'noscript', 'template', 'link']);
/** Every element and attribute of the parsed copy that could run script, load something or navigate by itself. */
function scriptCapable(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    if (SCRIPT_TAGS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('meta refresh');
    for (const { name, value } of el.attributes) {
      const v = value.replace(/[\s\p{Cc}]+/gu, '').toLowerCase();
      if (name.toLowerCase().startsWith('on') || name === 'srcdoc') found.push(`${tag}[${name}]`);
      if (/(?:java|vb)script:/.test(v)) found.push(`${tag}[${name}=${value}]`);
      if (/^(?:src|href|xlink:href|action|formaction|data|poster|background)$/.test(name) && !/^(?:data:image\/|#|https?:|mailto:|tel:)/.test(v)) {
        found.push(`${tag}[${name}=${value}]`);
      }
      if (/^(?:src|action|formaction|data|poster)$/.test(name) && /^https?:/.test(v)) found.push(`${tag}[${name}] loads ${value}`);
    }
  }
  for (const style of doc.querySelectorAll('style')) {
    for (const [, url] of style.textContent!.matchAll(/url\("?([^")]*)/g)) if (!/^(?:data:|#)/.test(url!)) found.push(`css url(${url})`);
    if (/@import/i.test(style.textContent!)) found.push('css @import');
  }
  return found;
}

beforeEach(() => {
  asked.length = 0;
});
afterEach(() => {
  delete (document as { styleSheets?: unknown }).styleSheets;
});

describe('copyPage', () => {
  it('keeps the text, drops every script, and puts the charset and the CSP first in <head>', async () => {
    const doc = page(
      '<title>Order — Okafor v. Harlan</title><script>alert(1)</script><script src="/app.js"></script>',
      '<h1 class="t">Order</h1><p>Granted &amp; so ordered &lt;b&gt;.</p><script>document.write("x")</script><noscript><p>Enable JS</p></noscript>',
    );
    const copy = await copyPage(doc, { fetch: pageFetch, now: new Date('2025-03-04T05:06:07Z') });
    const out = parse(copy.html);
    expect(copy.title).toBe('Order — Okafor v. Harlan');
    expect(copy.html.startsWith('<!DOCTYPE html>\n<!-- Saved by Clio Companion from https://firm.example/cases/42/ on 2025-03-04 -->\n<html')).toBe(true);
    expect(out.querySelector('h1.t')!.textContent).toBe('Order');
    expect(out.querySelector('p')!.textContent).toBe('Granted & so ordered <b>.');
    expect(out.querySelectorAll('script, noscript')).toHaveLength(0);
    expect(out.body.textContent).not.toContain('Enable JS');
    const [charset, csp] = [...out.head.children];
    expect(charset!.outerHTML).toBe('<meta charset="utf-8">');
    expect(csp!.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(csp!.getAttribute('content')).toBe(COPY_CSP);
    expect(COPY_CSP).toContain("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:");
    expect(copy.leftOut).toEqual([]);
    expect(scriptCapable(out)).toEqual([]);
  });

  it('keeps the styles of readable sheets with their url(…) inlined, and counts a sheet it cannot read', async () => {
    const doc = page(
      '<style>p { color: rgb(1, 2, 3); background: url("../../css/bg.png"); } .gone { background: url(https://other.example/x.png) }</style>' + '',
      '<p style="background-image: url(/css/bg.png); margin: 1px">Styled</p><h1>T</h1><svg><rect fill="url(#grad)"/></svg>',
    );
    const imported = readableSheet('https://firm.example/theme/site.css', [{ cssText: '.dots { background: url("dots.png"); }' }]);
    const main = readableSheet('https://firm.example/theme/main.css', [
      { styleSheet: imported, media: { mediaText: 'screen' } },
      { cssText: 'body { margin: 0px; }' },
    ]);
    const print = readableSheet(null, [{ cssText: 'h1 { color: red; }' }], 'print');
    withSheets(print, main, crossOriginSheet('https://fonts.other.example/f.css'));
    const copy = await copyPage(doc, { fetch: pageFetch });
    const out = parse(copy.html);
    const css = [...out.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).toContain('color: rgb(1, 2, 3)');
    expect(css).toContain(`url("${PNG_DATA}")`);
    expect(css).toContain('.gone { background: url("data:,"); }');
    expect(css).not.toContain('other.example');
    expect(css).toContain('@media print{\nh1 { color: red; }\n}');
    // An @import's rules before its sheet's own, under its media, its url(…) against the imported sheet's URL.
    expect(css).toMatch(/@media screen\{\n\.dots \{ background: url\("data:image\/png;base64,[^"]+"\); \}\n\}[\s\S]*body \{ margin: 0px; \}/);
    expect(asked).toContain('https://firm.example/theme/dots.png');
    expect(out.querySelector('p')!.getAttribute('style')).toBe(`background-image: url("${PNG_DATA}"); margin: 1px`);
    expect(out.querySelector('rect')!.getAttribute('fill')).toBe('url(#grad)');
    expect(copy.leftOut).toEqual(
      expect.arrayContaining([
        { reason: 'unreadable', count: 1 },
        { reason: 'style-sheet', count: 1 },
      ]),
    );
    expect(copy.leftOut).toHaveLength(2);
    expect(scriptCapable(out)).toEqual([]);
  });

  it('resolves links against the page (and its <base>), keeps them working, and drops the <base>', async () => {
    const doc = page(
      '<base href="https://firm.example/docs/">',
      '<a href="order.pdf">rel</a><a href="/x?y=1#z">root</a><a href="#sec">frag</a><a href="mailto:a@b.example">m</a>' +
        '<a href="ftp://files.example/x">ftp</a><map><area href="../map"></map><svg><a xlink:href="page2">s</a><use href="#icon"/></svg>',
    );
    const out = parse((await copyPage(doc, { fetch: pageFetch })).html);
    expect([...out.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))).toEqual([
      'https://firm.example/docs/order.pdf',
      'https://firm.example/x?y=1#z',
      '#sec',
      'mailto:a@b.example',
      null,
      'https://firm.example/docs/page2',
    ]);
    expect(out.querySelector('area')!.getAttribute('href')).toBe('https://firm.example/map');
    expect(out.querySelector('use')!.getAttribute('href')).toBe('#icon');
    expect(out.querySelector('base')).toBeNull();
  });

  it('inlines the images it can read, and leaves out the ones it cannot, keeping their alt text and box', async () => {
    const doc = page(
      '',
      '<img id="a" src="/img/logo.png" srcset="/img/logo.png 1x" sizes="10vw" alt="Logo">' +
        '<picture><source srcset="/img/chosen-2x.png"><img id="b" src="/img/logo.png" alt="Chosen"></picture>' +
        '<img id="c" src="https://tracker.other.example/px.png" alt="Seal of the court" width="120" height="80">' +
        `<img id="d" src="${PNG_DATA}" alt="inline">` +
        '<img id="e" src="https://tracker.other.example/px.png" alt="again">',
    );
    // The image <picture> chose, as the browser reports it.
    Object.defineProperty(doc.getElementById('b')!, 'currentSrc', { value: 'https://firm.example/img/chosen-2x.png' });
    const copy = await copyPage(doc, { fetch: pageFetch });
    const out = parse(copy.html);
    expect(out.getElementById('a')!.getAttribute('src')).toBe(PNG_DATA);
    expect(out.getElementById('a')!.hasAttribute('srcset')).toBe(false);
    expect(out.getElementById('a')!.hasAttribute('sizes')).toBe(false);
    expect(out.getElementById('b')!.getAttribute('src')).toBe(PNG_DATA);
    expect(asked).toContain('https://firm.example/img/chosen-2x.png');
    expect(out.querySelector('source')).toBeNull();
    const c = out.getElementById('c')!;
    expect(c.hasAttribute('src')).toBe(false);
    expect([c.getAttribute('alt'), c.getAttribute('width'), c.getAttribute('height')]).toEqual(['Seal of the court', '120', '80']);
    expect(out.getElementById('d')!.getAttribute('src')).toBe(PNG_DATA);
    // One file the page cannot read, used twice: one left out.
    expect(copy.leftOut).toEqual([{ reason: 'unreadable', count: 1 }]);
    expect(asked.filter((u) => u.includes('tracker'))).toHaveLength(1);
  });

  it('leaves out frames, objects, embeds, video and audio, counted', async () => {
    const doc = page(
      '',
      '<iframe src="https://maps.example/"></iframe><iframe srcdoc="<script>parent.x()</script>"></iframe><object data="/doc.swf"></object>' +
        '<embed src="/x.pdf"><video src="/v.mp4" poster="/p.png"><track src="/t.vtt"></video><audio src="/a.mp3"></audio><p>kept</p>',
    );
    const copy = await copyPage(doc, { fetch: pageFetch });
    const out = parse(copy.html);
    expect(out.body.innerHTML).toBe('<p>kept</p>');
    expect(copy.leftOut).toEqual([
      { reason: 'frame', count: 4 },
      { reason: 'media', count: 1 + 1 },
    ]);
  });

  it('writes the values the person sees into the form, never a password, and the form cannot submit', async () => {
    const doc = page(
      '',
      '<form action="/login" method="post"><input id="n" value="old"><input id="p" type="password" value="in-markup">' +
        '<input id="h" type="hidden" value="csrf-token"><input id="k" type="checkbox" checked><input id="r" type="radio">' +
        '<textarea id="t">old</textarea><select id="s"><option selected>A</option><option>B</option></select>' +
        '<button formaction="/elsewhere">Go</button></form>',
    );
    (doc.getElementById('n') as HTMLInputElement).value = 'Dana Whitfield';
    (doc.getElementById('p') as HTMLInputElement).value = 'hunter2';
    (doc.getElementById('k') as HTMLInputElement).checked = false;
    (doc.getElementById('r') as HTMLInputElement).checked = true;
    (doc.getElementById('t') as HTMLTextAreaElement).value = 'Typed <b>note</b>';
    (doc.getElementById('s') as HTMLSelectElement).selectedIndex = 1;
    const copy = await copyPage(doc, { fetch: pageFetch });
    expect(copy.html).not.toContain('hunter2');
    expect(copy.html).not.toContain('in-markup');
    expect(copy.html).not.toContain('csrf-token');
    const out = parse(copy.html);
    expect(out.getElementById('n')!.getAttribute('value')).toBe('Dana Whitfield');
    expect(out.getElementById('p')!.hasAttribute('value')).toBe(false);
    expect(out.getElementById('k')!.hasAttribute('checked')).toBe(false);
    expect(out.getElementById('r')!.hasAttribute('checked')).toBe(true);
    expect(out.getElementById('t')!.textContent).toBe('Typed <b>note</b>');
    expect([...out.querySelectorAll('option')].map((o) => o.hasAttribute('selected'))).toEqual([false, true]);
    expect(out.querySelector('form')!.hasAttribute('action')).toBe(false);
    expect(out.querySelector('button')!.hasAttribute('formaction')).toBe(false);
  });

  /** Each alone, so that one's parse cannot hide another's; each followed by a paragraph that must survive. */
  const HOSTILE: [string, string, string, ((doc: Document) => void)?][] = [
    ['img onerror', '', '<img src=x onerror="alert(1)" alt="x">'],
    [
      'svg script and onload',
      '',
      '<svg onload="alert(2)"><circle r="1"></circle></svg>',
      // happy-dom's parser loses what follows an SVG <script>: made as a page's script would make it.
      (doc) => doc.querySelector('svg')!.prepend(Object.assign(doc.createElementNS('http://www.w3.org/2000/svg', 'script'), { textContent: 'alert(3)' })),
    ],
    ['foreignObject', '', '<svg><foreignObject><iframe src="javascript:alert(4)"></iframe><div onclick="alert(5)">fo</div></foreignObject></svg>'],
    [
      'svg link and animation',
      '',
      '<svg><a href="javascript:alert(6)"><text>t</text></a><animate attributeName="href" to="javascript:alert(7)"></animate></svg>',
    ],
    ['javascript: link with a tab and a space', '', '<a href=" jav&#x09;ascript:alert(8)">tabbed</a><a href="VBScript:x">vb</a>'],
    ['javascript: in any attribute', '', '<p data-go="javascript:alert(24)" itemid="javascript:alert(25)">p</p>'],
    ['data: link', '', '<a href="data:text/html,<script>alert(9)</script>">data</a>'],
    ['iframe srcdoc', '', '<iframe srcdoc="<script>parent.alert(10)</script>"></iframe>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', ''],
    ['@import javascript:', '<style>@import url(javascript:alert(11)); p { color: red; }</style>', ''],
    ['style ended in a string', '<style>.q::after { content: "</style><script>alert(12)</script>"; }</style>', ''],
    ['form and formaction', '', '<form action="javascript:alert(13)"><button formaction="JaVaScRiPt:alert(14)">b</button></form>'],
    ['object data', '', '<object data="javascript:alert(15)"></object><embed src="x.swf">'],
    ['base href', '<base href="https://evil.example/">', '<a href="x">x</a>'],
    [
      'attributes holding markup',
      '',
      '<p title="&lt;/p&gt;&lt;img src=x onerror=alert(16)&gt;" data-x="&quot;&gt;&lt;script&gt;alert(17)&lt;/script&gt;">attr</p>',
    ],
    ['text holding markup', '', '<p>&lt;img src=x onerror=alert(18)&gt; &lt;/textarea&gt;&lt;script&gt;alert(19)&lt;/script&gt;</p>'],
    ['textarea text', '', '<textarea>&lt;/textarea&gt;&lt;img src=x onerror=alert(20)&gt;</textarea>'],
    ['math namespace confusion', '', '<math><mtext><table><mglyph><style><img src=x onerror=alert(21)></style></mglyph></table></mtext></math>'],
    ['noscript', '', '<noscript><p title="</noscript><img src=x onerror=alert(22)>"></p></noscript>'],
    ['xmp', '', '<xmp><img src=x onerror=alert(23)></xmp>'],
  ];

  it.each(HOSTILE)('keeps hostile markup inert (%s): the copy parsed again holds nothing that can run', async (_what, head, body, build) => {
    const doc = page(`<meta name="description" content="kept">${head}`, `${body}<p id="end">end</p>`);
    build?.(doc);
    expect(doc.querySelector('svg script') !== null).toBe(!!build);
    const copy = await copyPage(doc, { fetch: pageFetch });
    const out = parse(copy.html);
    expect(scriptCapable(out)).toEqual([]);
    expect(out.querySelectorAll('img[src]')).toHaveLength(0);
    expect(out.getElementById('end')?.textContent).toBe('end');
    expect(out.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('kept');
  });

  it('keeps markup in attributes and text as the page showed it', async () => {
    const doc = page('', '<p title="&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(2)&lt;/script&gt;</p>');
    const out = parse((await copyPage(doc, { fetch: pageFetch })).html);
    expect(out.querySelector('p')!.getAttribute('title')).toBe('</p><img src=x onerror=alert(1)>');
    expect(out.querySelector('p')!.textContent).toBe('<script>alert(2)</script>');
  });

  it('a rule whose string holds "</style>" cannot end the copy’s <style>', async () => {
    // As Chrome serialises `.q::after { content: "</style><script>…" }` from a page's sheet (happy-dom drops the declaration).
    withSheets(readableSheet(null, [{ cssText: '.q::after { content: "</STYLE><script>alert(1)</script>"; }' }]));
    const copy = await copyPage(page('', '<p id="end">end</p>'), { fetch: pageFetch });
    const out = parse(copy.html);
    expect(scriptCapable(out)).toEqual([]);
    expect(out.querySelectorAll('script')).toHaveLength(0);
    expect(out.querySelector('style')!.textContent).toBe('.q::after { content: "<\\/STYLE><script>alert(1)<\\/script>"; }\n');
    expect(out.getElementById('end')!.textContent).toBe('end');
  });

  it('drops comments, which a page script can make hold "-->"', async () => {
    const doc = page('', '<p id="end">end</p>');
    doc.body.prepend(doc.createComment('--><img src=x onerror=alert(1)>'));
    const copy = await copyPage(doc, { fetch: pageFetch });
    expect(copy.html).not.toContain('onerror');
    expect(parse(copy.html).querySelectorAll('img')).toHaveLength(0);
  });

  it('a page URL cannot end the header comment', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://firm.example/a--b?q=--><script>alert(1)</script>#-->');
    try {
      const copy = await copyPage(page('', '<p>x</p>'), { fetch: pageFetch });
      expect(copy.html.split('\n')[1]).toMatch(/^<!-- Saved by Clio Companion from [^>]*\S -->$/);
      expect(scriptCapable(parse(copy.html))).toEqual([]);
      expect(parse(copy.html).querySelectorAll('script')).toHaveLength(0);
    } finally {
      (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://firm.example/cases/42/');
    }
  });

  it('keeps files under the caps and within the time, and says what it dropped for each', async () => {
    const doc = page(
      '',
      '<img src="/img/big.png"><img src="/img/logo.png"><img src="/img/slow-1.png"><img src="/img/slow-2.png"><p style="background: url(/img/slow-3.png)">x</p>',
    );
    const started = Date.now();
    const copy = await copyPage(doc, { fetch: pageFetch, maxBytes: 1000, timeoutMs: 50, concurrency: 2 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(copy.leftOut).toEqual(
      expect.arrayContaining([
        { reason: 'too-large', count: 1 },
        { reason: 'time', count: 3 },
      ]),
    );
    expect(parse(copy.html).querySelectorAll('img[src]')).toHaveLength(1);
  });

  it('stops keeping files at the total cap', async () => {
    const doc = page('', '<img src="/img/big.png"><img src="/img/logo.png">');
    const copy = await copyPage(doc, { fetch: pageFetch, maxTotalBytes: 3004, concurrency: 1 });
    expect(copy.leftOut).toEqual([{ reason: 'too-large', count: 1 }]);
    expect(parse(copy.html).querySelectorAll('img[src]')).toHaveLength(1);
  });
});

describe('describeLeftOut', () => {
  it('says each reason with its count, one or many', () => {
    expect(
      describeLeftOut([
        { reason: 'unreadable', count: 3 },
        { reason: 'frame', count: 1 },
        { reason: 'style-sheet', count: 1 },
        { reason: 'media', count: 2 },
        { reason: 'time', count: 0 },
      ]).map(say),
    ).toEqual([
      '3 images or files from other sites that the page cannot read',
      '1 frame (a page or object inside the page)',
      '1 style sheet from another site',
      '2 videos or audio',
    ]);
    expect(
      describeLeftOut([
        { reason: 'too-large', count: 2 },
        { reason: 'time', count: 1 },
      ]).map(say),
    ).toEqual(['2 images or fonts too large to keep', '1 image or font not read in time']);
  });
});
