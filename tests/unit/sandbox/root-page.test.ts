import { describe, expect, it } from 'vitest';
import { rootPage, TRY_PAGES } from '../../../sandbox/root-page';
import type { User } from '../../../sandbox/model';

const user = (firstName: string, lastName: string, email: string) => ({ id: 1001, firstName, lastName, email }) as User;

describe('the sandbox root page', () => {
  it('names the demo user and links every page to try', () => {
    const page = rootPage([user('Margaret', 'Whitfield', 'margaret@whitfieldlaw.example')]);
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    const body = String(page.body);
    expect(body).toContain('Margaret Whitfield (margaret@whitfieldlaw.example)');
    expect(TRY_PAGES.map((p) => p.name)).toEqual(['contact', 'webmail', 'directory']);
    for (const p of TRY_PAGES) expect(body).toContain(`<a href="/pages/${p.name}">${p.name}</a>`);
  });

  it('writes a name as text', () => {
    const body = String(rootPage([user('<b>x</b>', 'O’Neil & Co', 'a@b.example')]).body);
    expect(body).toContain('&lt;b&gt;x&lt;/b&gt; O’Neil &amp; Co');
    expect(body).not.toContain('<b>x</b>');
  });
});
