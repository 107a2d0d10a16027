/**
 * A copy of the page as one self-contained HTML file, for "Save to Clio" (run in the page, by the save content
 * script). It opens offline and holds the text, the styles and the images the page can read, and no script.
 *
 * How: the page's elements are imported into an inert document (no browsing context: nothing loads or runs there)
 * and walked beside the originals, so what the person sees (form values, the image `<picture>` chose, a canvas)
 * is read from the page and written into the copy as attributes. The copy is serialised by the browser
 * (`outerHTML`), never assembled from page text; comments and processing instructions go, as their data is
 * serialised as it is. What stays inert, and a second lock: a CSP `<meta>` first in `<head>` (no script, no
 * request: images and fonts are data: URLs; no form submission; no `<base>`).
 * - Gone: `<script>`, `<noscript>` (the person saw what scripts made, not its fallback, and it is a classic
 *   mutation-XSS place), `<template>`, `<link>`, `<base>`, `<style>` (re-made from the style sheets, below),
 *   other raw-text elements, `<meta http-equiv>` and `<meta charset>` (ours comes first), SVG animations (they can
 *   set an `href`), every `on*` and `srcdoc` attribute, every attribute whose value is a `javascript:` or
 *   `vbscript:` URL, every URL attribute but a link's (an image's source is set again from what was read).
 * - Left out and counted (left-out.ts): frames, objects and embeds; video and audio; images and style sheets the
 *   page cannot read; what is over the size caps or not read in time.
 * - Links (`<a>`, `<area>`) resolved against the page's base to absolute http(s)/mailto/tel URLs (`#…` kept).
 * - Form fields: the values the person sees are written into the markup (value, checked, selected, a textarea's
 *   text), except a password field's (and a hidden field's), which is never copied. Forms cannot submit (CSP).
 * - Styles: every style sheet whose rules the page can read (`document.styleSheets`, adopted sheets, and their
 *   `@import`s), rule by rule, as `<style>` elements; `url(…)` in them resolved against the sheet's own URL.
 * - Images (`<img>`'s `currentSrc`, CSS `url(…)`, style attributes) are read with the page's own fetch (a Chrome
 *   MV3 content script fetches with the page's origin, so CORS decides as for the page), at most `concurrency` at
 *   once, each under `maxBytes`, all under `maxTotalBytes`, all within `timeoutMs`; each becomes a data: URL.
 *   An image it cannot read keeps its alt text and its box (width and height as shown).
 *
 * Not kept: shadow DOM content (web components render empty), canvases the page cannot read (tainted), lazy
 * images not yet loaded, `image-set()` sources written without `url(…)`, an `@import`'s layer.
 *
 * Why no library: SingleFile's single-file-core (1.5.84) does this thoroughly but bundles to ~245 kB gzip and is
 * AGPL-3.0; DOMPurify (3.5.0) sanitises but is 12.3 kB gzip alone and inlines nothing. The script this runs in has
 * 8 kB gzip in all; this builder is 2.5 kB (docs/ARCHITECTURE.md, "Page copies").
 */
import type { LeftOut, LeftOutReason } from './left-out';

export interface PageCopy {
  /** The whole file, `<!DOCTYPE html>` first; save it as text/html, UTF-8. */
  html: string;
  title: string;
  /** What was left out, counted by reason; only reasons that left something out. */
  leftOut: LeftOut[];
}

export interface CopyOptions {
  /** How images, fonts and style sheets' files are read: the page's fetch (the content script's). */
  fetch?: typeof fetch;
  /** The whole reading of files stops after this (default 5 s); what was not read is left out. */
  timeoutMs?: number;
  /** A file over this is left out (default 5 MB). */
  maxBytes?: number;
  /** Files are kept until their bytes reach this (default 25 MB). */
  maxTotalBytes?: number;
  /** Files read at once (default 6). */
  concurrency?: number;
  /**
   * When the copy is made: the header says the day (not the time, so the same page copied twice that day has the
   * same bytes, and is recognised as already filed by its hash).
   */
  now?: Date;
}

export const COPY_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'";

/** Elements removed with what they hold, saying nothing. */
const GONE = new Set(
  'script noscript template link base style xmp noembed noframes plaintext source track animate set animatemotion animatetransform discard'.split(' '),
);
const FRAME = new Set('iframe frame frameset object embed portal fencedframe'.split(' '));
const MEDIA = new Set(['video', 'audio']);
/** Attributes holding a URL; only a link's href (resolved) and `#fragment` references stay. */
const URL_ATTR = /^(?:xlink:)?(?:href|src|srcset|imagesrcset|action|formaction|data|poster|background|ping|cite|longdesc|manifest)$/;
const SCRIPT_URL = /^(?:java|vb)script:/;
const LINK = /^(?:https?|mailto|tel):/;
/** A name the serialiser writes as it is and a parser reads back as one name. */
const PLAIN_NAME = /^[a-z_][\w:.-]*$/i;
const CSS_URL = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)'"\s]*))\s*\)/gi;
/** An empty data: URL: no request, nothing the CSP refuses, nothing shown. */
const NOWHERE = 'url("data:,")';

export async function copyPage(doc: Document, options: CopyOptions = {}): Promise<PageCopy> {
  const { timeoutMs = 5000, maxBytes = 5e6, maxTotalBytes = 25e6, concurrency = 6, now = new Date() } = options;
  const read = options.fetch ?? fetch;
  const base = doc.baseURI;
  const counts = new Map<LeftOutReason, number>();
  const note = (r: LeftOutReason) => counts.set(r, (counts.get(r) ?? 0) + 1);
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), timeoutMs);
  const jobs: Promise<unknown>[] = [];
  const later = (job: () => Promise<unknown>) => jobs.push(job().catch(() => {}));

  // ---- files, read once each (a failure is counted once per file) ----
  const files = new Map<string, Promise<string | null>>();
  let running = 0;
  let total = 0;
  const queue: (() => void)[] = [];
  const load = async (url: string): Promise<string | null> => {
    while (running >= concurrency) await new Promise<void>((go) => queue.push(go));
    running++;
    try {
      if (stop.signal.aborted) throw 0;
      const res = await read(url, { signal: stop.signal, cache: 'force-cache' });
      if (!res.ok) throw 0;
      const blob = await res.blob();
      if (blob.size > maxBytes || total + blob.size > maxTotalBytes) return (note('too-large'), null);
      total += blob.size;
      return await new Promise<string>((done, fail) => {
        const reader = new FileReader();
        reader.onload = () => done(reader.result as string);
        reader.onerror = fail;
        reader.readAsDataURL(blob);
      });
    } catch {
      return (note(stop.signal.aborted ? 'time' : 'unreadable'), null);
    } finally {
      running--;
      queue.shift()?.();
    }
  };
  const file = (url: string) => {
    let got = files.get(url);
    if (!got) files.set(url, (got = load(url)));
    return got;
  };

  /** CSS with every url(…) a data: URL, a `#fragment`, or nowhere. */
  const inlineCss = async (css: string, from: string): Promise<string> => {
    const found = [...css.matchAll(CSS_URL)];
    const urls = await Promise.all(
      found.map(async (m) => {
        const raw = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
        if (raw.startsWith('#')) return m[0];
        const url = absolute(raw, from);
        const data = url?.startsWith('data:') ? url : url && (await file(url));
        return data ? `url(${JSON.stringify(data)})` : NOWHERE;
      }),
    );
    let i = 0;
    return css.replace(CSS_URL, () => urls[i++]!);
  };

  // ---- the elements ----
  const inert = doc.implementation.createHTMLDocument('');
  // Imported, not attached: an element of a document without a browsing context neither loads nor runs anything.
  const root = inert.importNode(doc.documentElement, true) as Element;
  const originals = [doc.documentElement, ...doc.documentElement.querySelectorAll('*')];
  const copies = [root, ...root.querySelectorAll('*')];
  let removed: Element | null = null;
  const drop = (el: Element, reason?: LeftOutReason) => {
    if (reason) note(reason);
    el.remove();
    removed = el;
  };

  for (const [i, el] of copies.entries()) {
    if (removed?.contains(el)) continue;
    const page = originals[i] as HTMLElement;
    const name = el.localName.toLowerCase();
    const gone = !PLAIN_NAME.test(name) || GONE.has(name) || (name === 'meta' && (el.hasAttribute('http-equiv') || el.hasAttribute('charset')));
    if (gone || FRAME.has(name) || MEDIA.has(name)) {
      drop(el, gone ? undefined : FRAME.has(name) ? 'frame' : 'media');
      continue;
    }
    for (const { name: attr, value } of [...el.attributes]) {
      const n = attr.toLowerCase();
      if (!PLAIN_NAME.test(n) || n.startsWith('on') || n === 'srcdoc' || SCRIPT_URL.test(value.replace(/[\s\p{Cc}]+/gu, '').toLowerCase())) {
        el.removeAttribute(attr);
      } else if (URL_ATTR.test(n)) {
        const link = n.endsWith('href') && (name === 'a' || name === 'area') && (value.startsWith('#') ? value : absolute(value, base));
        if (link && (link.startsWith('#') || LINK.test(link))) el.setAttribute(attr, link);
        else if (!value.startsWith('#')) el.removeAttribute(attr);
      } else if (n === 'style' && /url\(/i.test(value)) {
        later(async () => el.setAttribute(attr, await inlineCss(value, base)));
      }
    }
    if (!page || page.localName !== el.localName) continue;
    if (name === 'input') {
      const input = page as HTMLInputElement;
      if (input.type === 'password' || input.type === 'hidden' || /password/i.test(input.autocomplete)) el.removeAttribute('value');
      else if (input.type === 'checkbox' || input.type === 'radio') el.toggleAttribute('checked', input.checked);
      else if (input.type !== 'file') el.setAttribute('value', input.value);
    } else if (name === 'textarea') {
      el.textContent = (page as HTMLTextAreaElement).value;
    } else if (name === 'option') {
      el.toggleAttribute('selected', (page as HTMLOptionElement).selected);
    } else if (name === 'img') {
      const img = page as HTMLImageElement;
      const src = img.currentSrc || img.src;
      el.removeAttribute('sizes');
      const { width, height } = img;
      if (src)
        later(async () => {
          const data = await file(src);
          if (data) el.setAttribute('src', data);
          else if (width && height) el.setAttribute('width', `${width}`), el.setAttribute('height', `${height}`);
        });
    } else if (name === 'canvas') {
      try {
        const data = (page as HTMLCanvasElement).toDataURL();
        if (data.length > maxBytes) throw 0;
        const img = inert.createElement('img');
        img.setAttribute('src', data);
        for (const a of ['id', 'class', 'style', 'width', 'height']) if (el.hasAttribute(a)) img.setAttribute(a, el.getAttribute(a)!);
        el.replaceWith(img);
        removed = el;
      } catch {
        note('unreadable');
      }
    }
  }

  // Comments and processing instructions are serialised as they are: a page's `-->` in one would end it.
  const walker = inert.createTreeWalker(root, 0xc0);
  const strays: Node[] = [];
  while (walker.nextNode()) strays.push(walker.currentNode);
  for (const n of strays) n.parentNode?.removeChild(n);

  // ---- the style sheets, in the page's order ----
  const parts: Promise<string>[] = [];
  const sheet = (s: CSSStyleSheet, media: string, depth: number) => {
    let rules: CSSRuleList;
    try {
      rules = s.cssRules;
    } catch {
      return note('style-sheet');
    }
    const from = s.href ?? base;
    let own = '';
    for (const r of rules) {
      const imported = (r as CSSImportRule).styleSheet;
      if ('styleSheet' in r) {
        if (imported && depth < 8) sheet(imported, (r as CSSImportRule).media.mediaText, depth + 1);
      } else own += `${r.cssText}\n`;
    }
    if (!own) return;
    const css = inlineCss(own, from);
    parts.push(media && media !== 'all' ? css.then((c) => `@media ${media}{\n${c}}`) : css);
  };
  for (const s of [...doc.styleSheets, ...(doc.adoptedStyleSheets ?? [])]) if (!s.disabled) sheet(s, s.media.mediaText, 0);

  let head = root.querySelector('head');
  if (!head) root.prepend((head = inert.createElement('head')));
  const charset = inert.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const csp = inert.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', COPY_CSP);
  head.prepend(charset, csp);

  const styles = await Promise.all(parts);
  await Promise.all(jobs);
  clearTimeout(timer);
  for (const css of styles) {
    const style = inert.createElement('style');
    // `</` only in a string or a comment, where `<\/` means the same: the style element cannot be ended early.
    style.textContent = css.replace(/<\//g, '<\\/');
    head.append(style);
  }

  const source = doc.URL.replace(/[<>]|(?<=-)-/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return {
    html: `<!DOCTYPE html>\n<!-- Saved by Clio Companion from ${source} on ${now.toISOString().slice(0, 10)} -->\n${root.outerHTML}`,
    title: doc.title,
    leftOut: [...counts].map(([reason, count]) => ({ reason, count })),
  };
}

/** `url` resolved against `base`; null when it is not a URL. */
function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}
