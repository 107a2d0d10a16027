// @vitest-environment happy-dom
/** What a page says about its matter (page-signals.ts), read from realistic webmail, docket and letter snippets. */
import { describe, expect, it } from 'vitest';
import { MAX_SIGNAL_EMAILS, MAX_SIGNAL_IDS, MAX_SIGNAL_PHONES, readPageSignals } from '@/lib/page-reading/page-signals';

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
    expect(s.emails.length).toBe(MAX_SIGNAL_EMAILS);
  });

  it('a number written across inline elements is one phone', () => {
    const s = readPageSignals(doc(`<p>Call <span class="cc">+1 (312)</span> <span>555-1000</span> today</p>`));
    expect(s.phones).toEqual(['+1 (312)\n555-1000']);
  });

  it('read a chunk at a time, it finds what reading the whole text at once finds, in page order', () => {
    // A long webmail-like thread: addresses, phones split across elements, numbers, and stretches without any.
    const html = Array.from(
      { length: 600 },
      (_, i) =>
        `<div><p>From: Person ${i} &lt;p${i}@mail${i % 7}.example&gt;${i % 3 ? '' : ` · <b>+44</b> <i>20 7946 ${String(1000 + i).slice(-4)}</i>`}</p>` +
        `<p>${i % 5 ? 'Lorem ipsum dolor sit amet. '.repeat(i % 11) : `Re: file 2024-CV-${String(i).padStart(4, '0')}`}</p><script>var x${i} = "z${i}@no.example";</script></div>`,
    ).join('');
    const page = doc(html);
    // The whole text at once (how the page was read before), each list cut at its cap.
    const lines: string[] = [];
    const walker = page.createTreeWalker(page.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.tagName !== 'SCRIPT' && n.nodeValue?.trim()) lines.push(n.nodeValue);
    const text = lines.join('\n');
    const first = (re: RegExp, max: number, keep: (s: string) => boolean = () => true) =>
      [...new Set((text.match(re) ?? []).map((m) => m.trim()).filter(keep))].slice(0, max);
    const digits = (s: string) => s.replace(/\D/g, '').length;
    const s = readPageSignals(page);
    expect(s.emails).toEqual(first(/[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, MAX_SIGNAL_EMAILS));
    expect(s.phones).toEqual(first(/(?:\+|\b00)?\(?\d[\d\s().\u2010-\u2013-]{5,20}\d/g, MAX_SIGNAL_PHONES, (p) => digits(p) >= 7 && digits(p) <= 15));
    expect(s.ids).toEqual(first(/[A-Za-z0-9]+(?:[-./_][A-Za-z0-9]+)*/g, MAX_SIGNAL_IDS, (w) => w.length >= 3 && w.length <= 40 && /\d/.test(w)));
    expect(s.phones.length).toBe(MAX_SIGNAL_PHONES);
    expect(s.emails).not.toContain('z0@no.example');
  });
});
