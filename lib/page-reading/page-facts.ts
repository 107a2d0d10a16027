/**
 * Reads the facts lead extraction needs from a page's DOM: the selection, the block around it,
 * mailto:/tel: links, JSON-LD blocks and microformat h-cards. The only module of page reading that
 * touches the DOM, and it only reads: never writes to the page, never parses page text as HTML.
 * Bounded work on any page, within the limits the extractor reads (limits.ts).
 */
import type { CaptureContext } from '../leads/lead';
import type { PageFacts } from './extract-lead';
import {
  MAX_CARD_PROPS,
  MAX_CARD_VALUE_CHARS,
  MAX_CONTEXT_CHARS,
  MAX_DESCRIPTION_CHARS,
  MAX_HCARDS,
  MAX_HREF_CHARS,
  MAX_JSONLD_BLOCKS,
  MAX_JSONLD_CHARS,
  MAX_LINK_TEXT_CHARS,
  MAX_LINKS,
  MAX_SCAN_CHARS,
  MAX_TITLE_CHARS,
  NEAR_LEVELS,
  NEAR_MAX_TEXT,
} from './limits';
import { collapse } from './text';

const LINK_SELECTOR = 'a[href^="mailto:" i],a[href^="tel:" i],a[href^="callto:" i]';
const BLOCK_TAG = /^(?:P|DIV|LI|T[DH]|D[DT]|ARTICLE|SECTION|ASIDE|BLOCKQUOTE|PRE|ADDRESS|MAIN|HEADER|FOOTER|FORM|BODY|H\d)$/i;
const CARD = '.h-card,.vcard';
/** The classic hCard (vcard) properties lead extraction reads. */
const MF1_PROP = /^(?:fn|given-name|family-name|email|tel|org)$/;
/** A microformats2 class name: its prefix (p, u, dt, e; h for a microformat's root) and a name ("p-given-name"). */
const MF2_CLASS = /^(p|u|dt|e|h)-(?:[a-z0-9]+-)?[a-z]+(?:-[a-z]+)*$/;

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

function textOf(el: Element): string {
  // innerText keeps line breaks (signatures, addresses); it is textContent for unrendered elements.
  const t = (el as HTMLElement).textContent;
  return typeof t === 'string' ? t : (el.textContent ?? '');
}

function elementOf(node: Node | null): Element | null {
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

function blockOf(node: Node | null): Element | null {
  let el = elementOf(node);
  while (el && !BLOCK_TAG.test(el.tagName)) el = el.parentElement;
  return el;
}

/** Up to `max` characters of `text` centred on where `selection` sits in it. */
function around(text: string, selection: string, max: number): string {
  if (text.length <= max) return text;
  const probe = selection.trim().slice(0, 80);
  const at = probe ? Math.max(0, text.indexOf(probe)) : 0;
  const start = Math.max(0, Math.min(at - Math.floor((max - Math.min(selection.length, max)) / 2), text.length - max));
  return text.slice(start, start + max);
}

function linkFacts(anchors: Iterable<Element>): PageFacts['links'] {
  const out: PageFacts['links'] = [];
  const seen = new Set<string>();
  for (const a of anchors) {
    if (out.length >= MAX_LINKS) break;
    const href = (a.getAttribute('href') ?? '').trim();
    const text = clip(collapse(a.textContent ?? ''), MAX_LINK_TEXT_CHARS);
    const key = `${href}\u0000${text}`;
    if (!href || seen.has(key)) continue;
    seen.add(key);
    out.push({ href: clip(href, MAX_HREF_CHARS), text });
  }
  return out;
}

function linksNear(range: Range, block: Element | null, doc: Document): Element[] {
  const found: Element[] = [];
  // Links inside the selection itself first.
  const root = elementOf(range.commonAncestorContainer) ?? doc.documentElement;
  for (const a of root.querySelectorAll(LINK_SELECTOR)) {
    if (found.length >= MAX_LINKS) break;
    if (range.intersectsNode(a)) found.push(a);
  }
  const enclosing = root.closest(LINK_SELECTOR);
  if (enclosing) found.push(enclosing);
  // Then the nearest ancestor of the block (a few levels up, not the whole page) that holds any.
  let el: Element | null = block;
  for (let level = 0; el && level <= NEAR_LEVELS; level++, el = el.parentElement) {
    if (el === doc.body || el === doc.documentElement) break;
    if ((el.textContent?.length ?? 0) > NEAR_MAX_TEXT && level > 0) break;
    const links = el.querySelectorAll(LINK_SELECTOR);
    if (links.length) {
      found.push(...Array.from(links).slice(0, MAX_LINKS));
      break;
    }
  }
  return found;
}

/** The attribute a p-* property takes its value from instead of the text (microformats2 parsing). */
const VALUE_ATTR: Record<string, string> = { ABBR: 'title', LINK: 'title', DATA: 'value', INPUT: 'value', IMG: 'alt', AREA: 'alt' };

const plainValue = (el: Element): string => el.getAttribute(VALUE_ATTR[el.tagName] ?? '') ?? textOf(el);

function propValue(el: Element, cls: string): string {
  const url = /^u-|^(?:email|tel)$/.test(cls) && (el.getAttribute('href') ?? el.getAttribute('src'));
  if (url) return url;
  // The value-class pattern: the parts marked "value" (a "value-title"'s title) of this card, joined; a date's with a space.
  const card = el.closest(CARD);
  const parts = Array.from(el.querySelectorAll('.value,.value-title'))
    .filter((v) => v.closest(CARD) === card)
    .map((v) => (v.classList.contains('value-title') ? (v.getAttribute('title') ?? '') : plainValue(v)));
  return parts.length ? parts.join(cls.startsWith('dt-') ? ' ' : '') : plainValue(el);
}

function readCard(card: Element): Record<string, string[]> {
  const props: Record<string, string[]> = {};
  const mf2 = card.classList.contains('h-card');
  let named = false; // a p-* or e-* property, or a nested microformat: no implied name
  let count = 0;
  const elements = Array.from(card.querySelectorAll('[class]')).slice(0, 2_000);
  for (const el of elements) {
    if (count >= MAX_CARD_PROPS) break;
    // A nested card's properties are its own (e.g. "p-org h-card"): only its root counts here.
    if (el.parentElement?.closest(CARD) !== card) continue;
    for (const cls of Array.from(el.classList)) {
      const kind = mf2 ? MF2_CLASS.exec(cls)?.[1] : MF1_PROP.test(cls) && 'p';
      if (kind === 'p' || kind === 'e' || kind === 'h') named = true;
      if (!kind || kind === 'h') continue;
      const value = clip(collapse(propValue(el, cls)), MAX_CARD_VALUE_CHARS);
      if (!value) continue;
      (props[cls] ??= []).push(value);
      count++;
    }
  }
  // microformats2 implied name: the alt of an image or area, or an abbreviation's title (the card itself, its only
  // child or its only grandchild), else the card's text.
  if (mf2 && !named) {
    let name: string | null = null;
    for (let el: Element | undefined = card, i = 0; el && !name && i < 3; i++, el = el.children.length === 1 ? el.children[0] : undefined) {
      if (/^(?:IMG|AREA|ABBR)$/.test(el.tagName)) name = el.getAttribute(VALUE_ATTR[el.tagName] ?? '');
    }
    name = clip(collapse(name || textOf(card)), 200);
    if (name) props['p-name'] = [name];
  }
  return props;
}

export function gatherPageFacts(doc: Document, selection: Selection | null): PageFacts {
  const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
  const selected = range ? clip(selection!.toString(), MAX_SCAN_CHARS) : '';
  const block = range && selected.trim() ? blockOf(range.commonAncestorContainer) : null;

  const facts: PageFacts = {
    url: doc.location?.href ?? doc.URL,
    title: clip(doc.title ?? '', MAX_TITLE_CHARS),
    selection: selected.trim() ? selected : '',
    context: block ? around(textOf(block), selected, MAX_CONTEXT_CHARS) : '',
    links: linkFacts(range && block ? linksNear(range, block, doc) : doc.querySelectorAll(LINK_SELECTOR)),
    jsonLd: [],
    hCards: [],
  };
  const description = doc.querySelector('meta[name="description" i]')?.getAttribute('content')?.trim();
  if (description) facts.description = clip(description, MAX_DESCRIPTION_CHARS);

  let total = 0;
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(0, MAX_JSONLD_BLOCKS)) {
    const text = s.textContent ?? '';
    if (total + text.length > MAX_JSONLD_CHARS) break;
    total += text.length;
    facts.jsonLd.push(text);
  }
  for (const card of Array.from(doc.querySelectorAll(CARD)).slice(0, MAX_HCARDS)) {
    if (card.parentElement?.closest(CARD)) continue; // nested: read with its parent
    const props = readCard(card);
    if (Object.keys(props).length) facts.hCards.push(props);
  }
  return facts;
}

const isContactLink = (href: string) => /^(?:mailto|tel|callto):/i.test(href.trim());

/** Adds what the background saw at the right-click: the selection (e.g. inside an iframe) and a mailto:/tel: link. */
export function withClickContext(facts: PageFacts, click: Partial<CaptureContext>): PageFacts {
  const out = { ...facts, links: [...facts.links] };
  if (!out.selection.trim() && click.selectionText?.trim()) out.selection = clip(click.selectionText, MAX_SCAN_CHARS);
  if (click.linkUrl && isContactLink(click.linkUrl) && !out.links.some((l) => l.href === click.linkUrl)) {
    out.links.unshift({ href: clip(click.linkUrl, MAX_HREF_CHARS), text: '' });
  }
  if (!out.url && click.pageUrl) out.url = click.pageUrl;
  if (!out.title && click.pageTitle) out.title = click.pageTitle;
  return out;
}

/** The facts an extension window can know without the page's DOM: its URL, title and the selection. */
export function factsFromContext(click: CaptureContext): PageFacts {
  return withClickContext({ url: click.pageUrl ?? '', title: click.pageTitle ?? '', selection: '', context: '', links: [], jsonLd: [], hCards: [] }, click);
}
