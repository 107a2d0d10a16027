// @vitest-environment happy-dom
/** What a page says about its matter (page-signals.ts), read from realistic webmail, docket and letter snippets. */
import { describe, expect, it } from 'vitest';
import { MAX_SIGNAL_IDS, readPageSignals } from '@/lib/page-reading/page-signals';

function doc(html: string, title = ''): Document {
  const d = document.implementation.createHTMLDocument('');
  d.title = title;
  d.body.innerHTML = html;
  return d;
}

describe('page signals', () => {
  it('webmail: the sender in a mailto link and as `Name <address>`, a signature phone, the subject as a heading', () => {
    const s = readPageSignals(
      doc(
        `<h2>Re: Okafor v. Harlan Logistics – deposition dates</h2>
         <div class="from">From: <a href="mailto:Adaeze%20Okafor%20%3Cadaeze@okafordental.example%3E">Adaeze Okafor</a></div>
         <div>Cc: Jane Smith &lt;jane.smith@brightwater-logistics.example&gt;</div>
         <p>Regards,<br>Adaeze<br>Tel. +1 (617) 555-0142 · <a href="tel:+16175550143">call</a></p>`,
        'Inbox (3) – Mail',
      ),
    );
    expect(s.emails).toEqual(['adaeze@okafordental.example', 'jane.smith@brightwater-logistics.example']);
    expect(s.phones).toEqual(['+16175550143', '+1 (617) 555-0142']);
    expect(s.headings).toEqual(['Re: Okafor v. Harlan Logistics – deposition dates']);
    expect(s.title).toBe('Inbox (3) – Mail');
  });

  it('docket: the case number and the matter number as identifiers, the title’s first', () => {
    const s = readPageSignals(
      doc(`<h1>Case 2024-CV-0113</h1><p>Our file 00042-Okafor. Hearing on 3 March at 10:30.</p>`, 'Docket 2024-CV-0113 | Superior Court'),
    );
    expect(s.ids.slice(0, 2)).toEqual(['2024-CV-0113', '00042-Okafor']);
    expect(s.ids).not.toContain('3'); // one or two digits alone are no identifier
  });

  it('a letter: a reference line and a phone with an extension', () => {
    const s = readPageSignals(doc(`<p>Your ref: REF-2291</p><p>Call 020 7946 0958 ext. 12</p>`));
    expect(s.ids).toContain('REF-2291');
    expect(s.phones).toEqual(['020 7946 0958']);
  });

  it('page text is read, never parsed as HTML: markup in the text stays text', () => {
    const s = readPageSignals(doc(`<pre>&lt;img src=x onerror=alert(1)&gt; ann@example.org</pre>`));
    expect(s.emails).toEqual(['ann@example.org']);
  });

  it('bounded on a huge page: the lists stop at their caps', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => `<p>Ref R-${i} person${i}@example.org</p>`).join('');
    const s = readPageSignals(doc(many));
    expect(s.ids.length).toBe(MAX_SIGNAL_IDS);
    expect(s.emails.length).toBe(200);
  });
});
