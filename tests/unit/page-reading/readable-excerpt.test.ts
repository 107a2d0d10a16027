// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readableExcerpt } from '@/lib/page-reading/readable-excerpt';

function page(body: string): Document {
  document.body.innerHTML = body;
  return document;
}

describe('readableExcerpt', () => {
  it('reads the article (or main) rather than the page around it, its paragraphs kept apart', () => {
    const doc = page(`<nav>Home · Cases · Log out</nav>
      <article><h1>Order   on motion</h1>
        <p>The motion is granted.</p>


        <p>So ordered.</p></article><footer>© Court</footer>`);
    const text = readableExcerpt(doc, 1000);
    expect(text).not.toContain('Log out');
    expect(text).not.toContain('Court');
    expect(text).toMatch(/^Order on motion\n+The motion is granted\.\n\nSo ordered\.$/);
  });

  it('falls back to role=main, then the body', () => {
    expect(readableExcerpt(page('<div>menu</div><div role="main">Main text</div>'), 100)).toBe('Main text');
    expect(readableExcerpt(page('<div>Just a body</div>'), 100)).toBe('Just a body');
  });

  it('cuts at a word, within the limit', () => {
    const text = readableExcerpt(page('<main>Alpha beta gamma delta epsilon</main>'), 20);
    expect(text).toBe('Alpha beta gamma…');
    expect(text.length).toBeLessThanOrEqual(20);
    expect(readableExcerpt(page('<main>Supercalifragilistic</main>'), 10)).toBe('Supercali…');
  });
});
