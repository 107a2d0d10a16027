/**
 * What only a real browser can tell: the popup's time to interactive against an extension page
 * holding one paragraph, its JS heap, the side panel at 10,000 and at 100,000 matters (opening it to
 * the first keystroke answered, keystroke to painted results, its heap), exact lookups answered by a
 * stopped background, the time from a menu click to the capture dialog against a frame holding one
 * paragraph, and waking the stopped service worker against a worker of a few lines. Headless
 * Chromium, the built extension, a tiny reference extension (`tinyExtension`) beside it, and a
 * sandbox of its own (10,000 matters, then 100,000 on the same port with a fresh profile).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { buildForSandbox } from '../build-for-sandbox';
import { launch, requestLog, signInAndSync, step, workerOf } from './chromium';
import {
  coldLookups,
  type ColdLookupFigures,
  heapOf,
  type KeystrokeFigures,
  median,
  p95,
  panelKeystrokes,
  panelOpen,
  type PanelOpenFigures,
  stopWorkers,
  suggestionQuery,
  timeReply,
  watchWorkers,
} from './panel';
import { openBenchPage, timeSuggestions } from './suggest';

/** The side panel and the matter index at one firm size. */
export interface ScaleFigures {
  matters: number;
  open: PanelOpenFigures;
  keys: KeystrokeFigures;
  heapMb: number;
  buffersMb: number;
  cold: ColdLookupFigures;
  /** Requests of the first full sync. */
  syncRequests: number;
  /** The extension origin's storage use right after that sync (IndexedDB and storage), MB: LevelDB may still be compacting. */
  storageMb: number;
  /** The same once the browser was restarted on that profile: what stays on disk, MB (10,000 matters only). */
  storedMb?: number;
}

export interface BrowserFigures {
  popupMs: number;
  blankMs: number;
  popupHeapMb: number;
  /** Menu click to the capture dialog shown. */
  captureMs: number;
  /** Menu click to the "Save to Clio" dialog shown. */
  saveMs: number;
  /** Menu click to the "Add deadline" dialog shown (a selection holding a span). */
  deadlineMs: number;
  /** Menu click to a frame holding one paragraph shown over the same page (the tiny extension's). */
  frameMs: number;
  /** "Suggested for this page" on a 1 MB webmail-like page at 10,000 matters: read and matched, p95; and its Clio requests. */
  suggestP95Ms: number;
  suggestRequests: number;
  /** A message to the stopped service worker to its reply. */
  wakeMs: number;
  /** The same for the tiny extension's worker of a few lines. */
  tinyWakeMs: number;
  /** Most Clio requests made for one opening of the popup. */
  popupRequestsMax: number;
  /** Clio requests made while typing in the side panel's search. */
  searchRequests: number;
  contentScriptsDeclared: number;
  /** The side panel and the index at 10,000 matters, and at 100,000. */
  at10k: ScaleFigures;
  at100k: ScaleFigures;
}

/**
 * A reference extension of a few lines: a service worker that answers every message, an extension
 * page holding one paragraph, and a frame holding one paragraph that it can add to a page.
 */
function tinyExtension(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const paragraph = (script = '') =>
    `<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><p>One paragraph.</p>${script}</body></html>`;
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'bench reference',
      version: '1.0',
      background: { service_worker: 'tiny-worker.js' },
      permissions: ['scripting'],
      host_permissions: ['http://127.0.0.1/*'],
      web_accessible_resources: [{ resources: ['frame.html', 'frame.js'], matches: ['<all_urls>'] }],
    }),
  );
  writeFileSync(
    join(dir, 'tiny-worker.js'),
    `chrome.runtime.onMessage.addListener(function (m, s, reply) { reply({ ok: true }); });
self.showFrame = function (tabId) {
  return chrome.scripting.executeScript({ target: { tabId: tabId }, func: function () {
    var f = document.createElement('iframe');
    f.src = chrome.runtime.getURL('frame.html');
    f.style.cssText = 'position:fixed;top:16px;right:16px;width:360px;height:480px;border:0;z-index:2147483647';
    document.documentElement.appendChild(f);
  } });
};
`,
  );
  writeFileSync(join(dir, 'blank.html'), paragraph());
  writeFileSync(join(dir, 'frame.html'), paragraph('<script src="frame.js"></script>'));
  writeFileSync(join(dir, 'frame.js'), `parent.postMessage('bench-frame-shown', '*');\n`);
}

/** performance.now() when `selector` first appears, polled every frame from document start. */
async function timeToSelector(context: BrowserContext, url: string, selector: string): Promise<{ ms: number; page: Page }> {
  const page = await context.newPage();
  // Injected as text: tsx would wrap named functions in a helper the page does not have.
  await page.addInitScript({
    content: `window.__ready = new Promise(function (res) { (function check() { document.querySelector(${JSON.stringify(selector)}) ? res(performance.now()) : requestAnimationFrame(check); })(); });`,
  });
  await page.goto(url);
  const ms = (await page.evaluate('window.__ready')) as number;
  return { ms, page };
}

/**
 * The extension origin's storage once at rest: the browser started again on the profile, the matter store opened
 * (LevelDB replays its log) and left a few seconds, MB. Right after a sync the estimate also counts files LevelDB is
 * compacting (inputs and outputs both on disk), which varies by ±30 % from run to run.
 */
async function storedAtRest(profile: string, ext: string): Promise<number> {
  const context = await launch(profile, [ext]);
  try {
    const sw = await workerOf(context, 'background.js');
    const page = await context.newPage();
    await page.goto(`chrome-extension://${sw.url().split('/')[2]}/blank.html`);
    await page.evaluate(
      `new Promise(function (res, rej) { var r = indexedDB.open('clio-companion-matters'); r.onsuccess = function () { r.result.close(); res(); }; r.onerror = rej; })`,
    );
    await new Promise((r) => setTimeout(r, 3_000));
    return ((await page.evaluate('navigator.storage.estimate().then(function (e) { return e.usage; })')) as number) / 1e6;
  } finally {
    await context.close();
  }
}

/** The side panel and the index at this firm size, in a signed-in, synced profile; `options` is an extension page. */
async function atScale(context: BrowserContext, base: string, sandbox: Sandbox, options: Page, matters: number) {
  const requests = requestLog(sandbox);
  const n = matters.toLocaleString('en');
  step(`side panel opening, ${n} matters`);
  const open = await panelOpen(context, base, 's');
  step(`side panel keystrokes, ${n} matters`);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`${base}/sidepanel.html`);
  await panel.getByText(/Synced/).waitFor();
  await requests.clear();
  const keys = await panelKeystrokes(panel);
  const searchRequests = await requests.apiRequests();
  const { heapMb, buffersMb } = await heapOf(context, panel);
  await panel.close();
  const picked = (await (await fetch(`${sandbox.origin}/__admin/matters?status=Open&with_reference=true`)).json()) as Parameters<typeof suggestionQuery>[0];
  step(`exact lookups from a stopped background, ${n} matters`);
  const cold = await coldLookups(context, options, suggestionQuery(picked.slice(0, 5)));
  return { matters, open, keys, heapMb, buffersMb, cold, searchRequests };
}

export async function benchBrowser(opts: { runs?: number } = {}): Promise<BrowserFigures> {
  // Each figure is a median of alternating runs: single loads vary by ±15 ms on a busy machine.
  const runs = opts.runs ?? 25;
  // The sync of 10,000 matters is 50 pages: the bench's sandbox allows them at once.
  let sandbox = await startSandbox({ port: 0, matters: 10_000, rateLimit: 5000 });
  const out = '.output/bench-browser';
  const profiles = [mkdtempSync(join(tmpdir(), 'clio-bench-')), mkdtempSync(join(tmpdir(), 'clio-bench-100k-'))];
  const tiny = mkdtempSync(join(tmpdir(), 'clio-bench-tiny-'));
  tinyExtension(tiny);
  let context: BrowserContext | undefined;
  try {
    buildForSandbox(sandbox.port, out, 'chrome', true);
    const ext = resolve(out, 'chrome-mv3');
    writeFileSync(join(ext, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><p>One paragraph.</p></body></html>');
    const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8')) as { content_scripts?: unknown[] };
    context = await launch(profiles[0]!, [ext, tiny]);
    const sw = await workerOf(context, 'background.js');
    const tinyWorker = await workerOf(context, 'tiny-worker.js');
    const base = `chrome-extension://${sw.url().split('/')[2]}`;
    const tinyBase = `chrome-extension://${tinyWorker.url().split('/')[2]}`;
    const requests = requestLog(sandbox);
    const first = await signInAndSync(context, base, sandbox, 120_000);

    step('popup');
    // Popup: navigation to the timer state shown, against one paragraph; and the Clio requests of each opening.
    const popup: number[] = [];
    const blank: number[] = [];
    const popupRequests: number[] = [];
    let heap = 0;
    for (let i = 0; i < runs; i++) {
      const b = await timeToSelector(context, `${base}/blank.html`, 'p');
      blank.push(b.ms);
      await b.page.close();
      if (i > 0) popupRequests.push(await requests.apiRequests()); // the previous opening's, given a blank page's time to finish
      await requests.clear();
      const p = await timeToSelector(context, `${base}/popup.html`, '[role="timer"], #timer-matter');
      popup.push(p.ms);
      if (i === runs - 1) heap = (await heapOf(context, p.page)).heapMb;
      await p.page.close();
    }
    await new Promise((r) => setTimeout(r, 500));
    popupRequests.push(await requests.apiRequests());

    step('capture, save and deadline dialogs');
    // Capture, Save to Clio and Add deadline: from the menu click to the dialog shown, against the tiny extension adding a frame
    // holding one paragraph to the same page. Both seen from the page, polled every frame.
    const site = await context.newPage();
    await site.goto(`${sandbox.origin}/pages/contact`);
    const tab = (await sw.evaluate(`chrome.tabs.query({ url: ${JSON.stringify(`${sandbox.origin}/pages/*`)} }).then(function (t) { return t[0]; })`)) as {
      id: number;
    };
    const captures: number[] = [];
    const saves: number[] = [];
    const deadlines: number[] = [];
    const frameShown: number[] = [];
    for (let i = 0; i < 5; i++) {
      await site.reload();
      await site.evaluate(
        `window.__frameShown = 0; addEventListener('message', function (e) { if (e.data === 'bench-frame-shown') window.__frameShown = performance.now(); })`,
      );
      const f0 = (await site.evaluate('performance.now()')) as number;
      await tinyWorker.evaluate(`showFrame(${tab.id})`);
      const framed = await site.waitForFunction('window.__frameShown ? performance.now() : 0', undefined, { polling: 'raf', timeout: 10_000 });
      frameShown.push(((await framed.jsonValue()) as number) - f0);

      for (const [menuItemId, times] of [
        ['capture-lead', captures],
        ['file-to-matter', saves],
        ['add-deadline', deadlines],
      ] as const) {
        await site.reload();
        // The dialog's frame tells its host it is shown (components/page-frame/frame-messages.ts); the page hears it too.
        await site.evaluate(
          `window.__dialogShown = 0; addEventListener('message', function (e) { if (e.data && e.data.clioFrame === 'shown') window.__dialogShown = performance.now(); })`,
        );
        const t0 = (await site.evaluate('performance.now()')) as number;
        await sw.evaluate(
          `chrome.contextMenus.onClicked.dispatch({ menuItemId: ${JSON.stringify(menuItemId)}, pageUrl: ${JSON.stringify(`${sandbox.origin}/pages/contact`)}, ${menuItemId === 'add-deadline' ? "selectionText: 'Response due within 21 days of service.', " : ''}editable: false }, ${JSON.stringify(tab)})`,
        );
        const shown = await site.waitForFunction('window.__dialogShown ? performance.now() : 0', undefined, { polling: 'raf', timeout: 10_000 });
        times.push(((await shown.jsonValue()) as number) - t0);
      }
    }

    step('suggested for this page');
    // "Suggested for this page" asked as the popup asks it, timed from the extension page: the page-signals script
    // injected and run, the signals matched against the index's keys, the ranking (suggest.ts).
    await openBenchPage(site, sw, sandbox);
    await requests.clear();
    const suggestMs = await timeSuggestions(first.options);
    const suggestRequests = await requests.apiRequests();

    // The side panel and the index at 10,000 matters (its exact lookups stop the workers: after the capture, which uses them).
    const small = await atScale(context, base, sandbox, first.options, 10_000);

    step('worker wake');
    // Waking a stopped worker: a message from an extension page to the reply, for the extension's
    // worker ('timer/get', signed in) and the tiny one's, alternately. Stopping stops every worker;
    // Playwright's handles on them are stale afterwards, so this comes last.
    const page = await context.newPage();
    await page.goto(`${base}/blank.html`);
    const tinyPage = await context.newPage();
    await tinyPage.goto(`${tinyBase}/blank.html`);
    const { cdp, status } = await watchWorkers(context, page);
    const both = ['background.js', 'tiny-worker.js'];
    const wake: number[] = [];
    const tinyWake: number[] = [];
    for (let i = 0; i < 10; i++) {
      await stopWorkers(cdp, status, both);
      wake.push(await timeReply(page, { channel: 'clio-companion', type: 'timer/get' }));
      await stopWorkers(cdp, status, both);
      tinyWake.push(await timeReply(tinyPage, 'ping'));
    }
    await context.close();
    const storedMb = await storedAtRest(profiles[0]!, ext);
    await sandbox.close();

    // 100,000 matters: a sandbox of that size on the same port (the build points at it), a fresh profile.
    sandbox = await startSandbox({ port: sandbox.port, matters: 100_000, contacts: 60_000, rateLimit: 50_000 });
    context = await launch(profiles[1]!, [ext]);
    const bigWorker = await workerOf(context, 'background.js');
    const bigBase = `chrome-extension://${bigWorker.url().split('/')[2]}`;
    const second = await signInAndSync(context, bigBase, sandbox, 15 * 60_000);
    const big = await atScale(context, bigBase, sandbox, second.options, 100_000);

    return {
      popupMs: median(popup),
      blankMs: median(blank),
      popupHeapMb: heap,
      captureMs: median(captures),
      saveMs: median(saves),
      deadlineMs: median(deadlines),
      suggestP95Ms: p95(suggestMs),
      suggestRequests,
      frameMs: median(frameShown),
      wakeMs: median(wake),
      tinyWakeMs: median(tinyWake),
      popupRequestsMax: Math.max(...popupRequests),
      searchRequests: small.searchRequests + big.searchRequests,
      contentScriptsDeclared: manifest.content_scripts?.length ?? 0,
      at10k: { ...small, syncRequests: first.syncRequests, storageMb: first.storageMb, storedMb },
      at100k: { ...big, syncRequests: second.syncRequests, storageMb: second.storageMb },
    };
  } finally {
    await context?.close();
    await sandbox.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
    rmSync(tiny, { recursive: true, force: true });
  }
}
