import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchPdf } from '@/lib/filing/fetch-pdf';
import { partiesOf, splitAddresses } from '@/lib/filing/mail-parties';
import { hasPdfMagic, looksLikePdf, pdfFileName } from '@/lib/filing/pdf-source';
import { type SaveDialogDeps, saveDialogService } from '@/lib/filing/save-dialog-service';
import { cleanSaveFacts, defaultDocumentName, fileNameOf, readingOf } from '@/lib/filing/save-reading';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
const matter = { id: 7, displayNumber: '00007-Okafor', description: 'Okafor v. Harlan' };

describe('who an email is from and to', () => {
  it('From: lines are senders, To:/Cc: lines receivers', () => {
    const p = partiesOf('From: Adaeze Okafor <adaeze@okafordental.example>\nTo: counsel@firm.example\nCc: para@firm.example; x@y.example\nHello');
    expect(p).toEqual({ senders: ['adaeze@okafordental.example'], receivers: ['counsel@firm.example', 'para@firm.example', 'x@y.example'] });
  });
  it('without header lines, the first address shown is the sender, and a sender is never also a receiver', () => {
    expect(partiesOf('Reply from sam@rivera.example about the case; cc jo@firm.example')).toEqual({ senders: ['sam@rivera.example'], receivers: [] });
    expect(partiesOf('From: a@b.example\nTo: a@b.example, c@d.example')).toEqual({ senders: ['a@b.example'], receivers: ['c@d.example'] });
  });
  it('no addresses, no parties', () => expect(partiesOf('Nothing here')).toEqual({ senders: [], receivers: [] }));
});

describe('the reading and the names', () => {
  it('cleans what the page sent: strings only, cut, title collapsed', () => {
    const f = cleanSaveFacts({
      pageUrl: 'https://court.example/d',
      pageTitle: '  Docket \n 142 ',
      selection: 42,
      excerpt: 'x'.repeat(30_000),
      headerText: null,
    });
    expect(f).toEqual({ pageUrl: 'https://court.example/d', pageTitle: 'Docket 142', selection: '', excerpt: 'x'.repeat(20_000), headerText: '' });
  });
  it('a page copy by default; a link to a PDF makes the PDF the document', () => {
    const facts = cleanSaveFacts({ pageUrl: 'https://court.example/d', pageTitle: 'Docket', selection: '', excerpt: 'Text', headerText: 'From: a@b.example' });
    const reading = readingOf(facts, { windowId: 3 });
    expect(reading).toMatchObject({ source: { kind: 'page-copy' }, windowId: 3, partyText: '\nFrom: a@b.example' });
    expect(partiesOf(reading.partyText)).toEqual({ senders: ['a@b.example'], receivers: [] });
    const r = readingOf(facts, { pdfUrl: 'https://court.example/files/Order%20on%20motion.pdf', matter });
    expect(r.source).toEqual({ kind: 'pdf', url: 'https://court.example/files/Order%20on%20motion.pdf', fileName: 'Order on motion.pdf' });
    expect(r.matter).toEqual(matter);
    expect(defaultDocumentName(r, '2026-12-02')).toBe('Order on motion (2026-12-02)');
    expect(defaultDocumentName(readingOf(facts), '2026-12-02')).toBe('Docket (2026-12-02)');
  });
  it('file names lose what file systems refuse, and carry the right extension', () => {
    expect(fileNameOf('Docket: 2026/CV "142"', 'page-copy')).toBe('Docket 2026 CV 142.html');
    expect(fileNameOf('Order', 'pdf')).toBe('Order.pdf');
    expect(fileNameOf('Order.PDF', 'pdf')).toBe('Order.PDF');
    expect(fileNameOf('   ', 'pdf')).toBe('document.pdf');
  });
  it('typed addresses: separated by commas, semicolons or spaces, with what is not an address said', () => {
    expect(splitAddresses('A@B.example, <c@d.example>; nope a@b.example')).toEqual({ ok: ['a@b.example', 'c@d.example'], bad: ['nope'] });
    expect(splitAddresses('')).toEqual({ ok: [], bad: [] });
  });
  it('PDFs by address and by their first bytes', () => {
    expect(looksLikePdf('https://x.example/a/b.PDF?download=1')).toBe(true);
    expect(looksLikePdf('https://x.example/a/b.html')).toBe(false);
    expect(looksLikePdf('javascript:alert(1)//.pdf')).toBe(false);
    expect(pdfFileName('https://x.example/')).toBe('document.pdf');
    expect(hasPdfMagic(PDF)).toBe(true);
    expect(hasPdfMagic(new TextEncoder().encode('<html>'))).toBe(false);
  });
});

describe('fetching a PDF', () => {
  const answer = (body: BodyInit, init: ResponseInit = {}) => (async () => new Response(body, init)) as typeof fetch;
  it('gives the bytes of a PDF', async () => {
    const blob = await fetchPdf('https://x.example/o.pdf', 1000, answer(PDF));
    expect(blob.type).toBe('application/pdf');
    expect(blob.size).toBe(PDF.length);
  });
  it('refuses an error status, bytes that are not a PDF, and a file over the cap before reading it', async () => {
    await expect(fetchPdf('https://x.example/o.pdf', 1000, answer('gone', { status: 404 }))).rejects.toThrow(/404/);
    await expect(fetchPdf('https://x.example/o.pdf', 1000, answer('<html>'))).rejects.toThrow(/not a PDF/);
    await expect(fetchPdf('https://x.example/o.pdf', 4, answer(PDF))).rejects.toThrow(/documents up to/);
    await expect(fetchPdf('https://x.example/o.pdf', 4, answer(PDF, { headers: { 'content-length': '999999' } }))).rejects.toThrow(/documents up to/);
    await expect(fetchPdf('https://x.example/o.pdf', 1000, (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).rejects.toThrow(
      /x\.example/,
    );
  });
});

describe('the save dialog service', () => {
  beforeEach(() => fakeBrowser.reset());

  function world(opts: { injectable?: boolean; pdf?: Blob | Error } = {}) {
    const kept = new Map<string, { bytes: Blob; meta: { contentType: string; filename: string } }>();
    const windows: string[] = [];
    const injected: number[] = [];
    const deps: SaveDialogDeps = {
      keepBytes: async (id, bytes, meta) => void kept.set(id, { bytes, meta }),
      fetchPdf: async () => {
        if (opts.pdf instanceof Error) throw opts.pdf;
        return opts.pdf ?? new Blob([PDF], { type: 'application/pdf' });
      },
      inject: async (tabId) => {
        injected.push(tabId);
        return opts.injectable ?? true;
      },
      openWindow: async (path) => void windows.push(path),
      activeTab: async () => ({ id: 4, windowId: 2, url: 'https://court.example/d', title: 'Docket' }),
      sleep: async () => undefined,
    };
    return { service: saveDialogService(deps), kept, windows, injected };
  }
  const tab = { id: 4, windowId: 2, url: 'https://court.example/d', title: 'Docket' };
  const facts = { pageUrl: tab.url, pageTitle: 'Docket', selection: '', excerpt: 'Order entered.', headerText: '' };

  it('a click injects the script; its hand-off gets an id, the reading once, and the copy only from that tab', async () => {
    const w = world();
    await w.service.open({ pageUrl: tab.url, pageTitle: tab.title, selectionText: 'Response due in 21 days' }, tab);
    expect(w.injected).toEqual([4]);
    const { id, copy } = await w.service.handOff(facts, tab);
    expect(copy).toBe(true);
    const reading = await w.service.reading(id);
    expect(reading).toMatchObject({ pageTitle: 'Docket', selection: 'Response due in 21 days', windowId: 2, source: { kind: 'page-copy' } });
    expect(await w.service.reading(id)).toBeNull();
    await expect(w.service.pageCopy({ id, html: '<p>x</p>' }, { id: 5 })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await w.service.copy(id)).toEqual({ state: 'pending' });
  });

  it('the copy from its own tab is kept as bytes, once; a second copy for the id is refused', async () => {
    const w = world();
    const { id } = await w.service.handOff(facts, tab);
    await w.service.pageCopy({ id, html: '<!doctype html><p>Order</p>', leftOut: ['1 image from another site', 3] }, tab);
    expect(await w.service.copy(id)).toEqual({ state: 'ready', bytes: 27, leftOut: ['1 image from another site'] });
    expect(w.kept.get(id)?.meta.contentType).toBe('text/html');
    expect(await w.kept.get(id)?.bytes.text()).toBe('<!doctype html><p>Order</p>');
    await expect(w.service.pageCopy({ id, html: '<p>other</p>' }, tab)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('a copy the page could not make is said, and the dialog can still log the rest', async () => {
    const w = world();
    const { id } = await w.service.handOff(facts, tab);
    await w.service.pageCopy({ id, failed: true }, tab);
    expect(await w.service.copy(id)).toMatchObject({ state: 'failed', message: expect.stringMatching(/Couldn’t copy/) });
  });

  it('a right-click on a link to a PDF: the page gets the dialog, the background fetches the PDF', async () => {
    const w = world();
    await w.service.open({ pageUrl: tab.url, pageTitle: tab.title, selectionText: '', linkUrl: 'https://court.example/o.pdf' }, tab);
    const { id, copy } = await w.service.handOff(facts, tab);
    expect(copy).toBe(false);
    await expect.poll(() => w.service.copy(id)).toEqual({ state: 'ready', bytes: PDF.length, leftOut: [] });
    expect(w.kept.get(id)?.meta).toEqual({ contentType: 'application/pdf', filename: 'o.pdf' });
  });

  it('a PDF open in the tab opens the window at once; a PDF that fails says why', async () => {
    const w = world({ pdf: new Error('That link is not a PDF.') });
    await w.service.open(
      { pageUrl: 'https://court.example/o.pdf', pageTitle: '', selectionText: '' },
      { ...tab, url: 'https://court.example/o.pdf', title: '' },
    );
    expect(w.injected).toEqual([]);
    expect(w.windows).toHaveLength(1);
    const id = decodeURIComponent(w.windows[0]!.split('id=')[1]!);
    expect(await w.service.reading(id)).toMatchObject({ pageTitle: 'o.pdf', source: { kind: 'pdf' } });
    await expect.poll(() => w.service.copy(id)).toEqual({ state: 'failed', message: 'That link is not a PDF.' });
  });

  it('where nothing can be injected (or from the side panel without a grant), the window says there is nothing to copy', async () => {
    const w = world({ injectable: false });
    await w.service.openOnActiveTab(2, matter);
    expect(w.windows).toHaveLength(1);
    const id = decodeURIComponent(w.windows[0]!.split('id=')[1]!);
    expect(await w.service.reading(id)).toMatchObject({ pageUrl: tab.url, pageTitle: 'Docket', matter, source: { kind: 'none' } });
    expect(await w.service.copy(id)).toEqual({ state: 'none' });
    // The click's context was not left behind for a later injection.
    expect((await w.service.handOff(facts, tab)).copy).toBe(true);
  });

  it('a hand-off from no tab is refused', async () => {
    await expect(world().service.handOff(facts, undefined)).rejects.toMatchObject({ kind: 'bad-request' });
  });
});
