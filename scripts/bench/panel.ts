/**
 * What the side panel and the matter index cost in a real browser, at a given firm size: opening the
 * panel to the first keystroke answered from the local index (and the longest main-thread task on the
 * way), keystroke to results, the panel's heap, and exact lookups answered by a stopped background.
 * Used by browser.ts on a signed-in, synced profile.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { normalisePhoneDigits } from '../../lib/matters/lookup-keys';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

/** Polls until the background has stored a packed index (it packs after the first full sync). */
export async function waitForPackedIndex(page: Page, timeoutMs = 300_000): Promise<void> {
  for (let waited = 0; ; waited += 500) {
    const packed = await page.evaluate(`new Promise(function (res) {
      var r = indexedDB.open('clio-companion-matters');
      r.onsuccess = function () {
        var db = r.result;
        if (!db.objectStoreNames.contains('meta')) { db.close(); return res(false); }
        var g = db.transaction('meta').objectStore('meta').get('log');
        g.onsuccess = function () { db.close(); res(!!g.result && g.result.packedSeq !== null); };
      };
      r.onerror = function () { res(false); };
    })`);
    if (packed) return;
    if (waited > timeoutMs) throw new Error('the background stored no packed index');
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface PanelOpenFigures {
  /** Navigation start to the results of the first keystroke painted, median of the runs. */
  firstAnsweredMs: number;
  /** The longest main-thread task from navigation to that answer, over every run. */
  longestTaskMs: number;
  runs: number;
}

/**
 * Opens the side panel `runs` times; each time a keystroke is typed the moment the search box exists,
 * and the time from navigation start to its results painted is taken, with the long tasks before it.
 */
export async function panelOpen(context: BrowserContext, base: string, query: string, runs = 5): Promise<PanelOpenFigures> {
  const answered: number[] = [];
  let longest = 0;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 900 });
    // Injected as text: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript({
      content: `(function () {
        var open = window.__open = { tasks: [], answeredAt: 0, paintedAt: 0 };
        try { new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { open.tasks.push([e.startTime, e.duration]); }); }).observe({ type: 'longtask', buffered: true }); } catch (e) { open.noLongTasks = true; }
        (function typeWhenReady() {
          var box = document.querySelector('input[type="search"]');
          var list = document.getElementById('matter-results');
          if (!box || !list) return requestAnimationFrame(typeWhenReady);
          new MutationObserver(function () {
            if (open.answeredAt || !list.children.length) return;
            open.answeredAt = performance.now();
            requestAnimationFrame(function () { setTimeout(function () { open.paintedAt = performance.now(); }); });
          }).observe(list, { childList: true, subtree: true });
          box.value = ${JSON.stringify(query)};
          box.dispatchEvent(new Event('input', { bubbles: true }));
        })();
      })();`,
    });
    await page.goto(`${base}/sidepanel.html`);
    // (Polled: waitForFunction evaluates a string, which an extension page's CSP refuses.)
    for (let waited = 0; !(await page.evaluate('!!(window.__open && window.__open.paintedAt > 0)')); waited += 50) {
      if (waited > 30_000) throw new Error('the side panel did not answer the first keystroke in 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = (await page.evaluate('window.__open')) as { tasks: Array<[number, number]>; answeredAt: number; paintedAt: number; noLongTasks?: boolean };
    if (r.noLongTasks) throw new Error('this browser reports no long tasks');
    answered.push(r.paintedAt);
    for (const [start, duration] of r.tasks) if (start < r.answeredAt) longest = Math.max(longest, duration);
    await page.close();
  }
  return { firstAnsweredMs: median(answered), longestTaskMs: longest, runs };
}

export interface KeystrokeFigures {
  /** Keystroke to results rendered and laid out, p95. */
  workP95Ms: number;
  /** Keystroke to the next frame painted after that, p95 (includes waiting for the display's refresh). */
  frameP95Ms: number;
  samples: number;
}

/**
 * Types names, numbers and typos into an open panel, keystroke by keystroke, and times each one's results;
 * from when its index answers (keystrokes while it opens are the opening's to measure).
 */
export async function panelKeystrokes(panel: Page): Promise<KeystrokeFigures> {
  const first = panel.getByRole('searchbox', { name: 'Search matters' });
  await first.fill('a');
  await panel.getByRole('list', { name: 'Matters' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
  await first.fill('');
  // Keydown → the results list changes → style and layout done (our work), and → the next frame
  // painted (which adds the wait for the display's next refresh, up to 16.7 ms at 60 Hz).
  await panel.evaluate(`(function () {
    window.__work = []; window.__frame = [];
    var t0 = 0;
    document.addEventListener('keydown', function (e) { t0 = e.timeStamp; }, true);
    new MutationObserver(function () {
      if (!t0) return;
      var start = t0; t0 = 0;
      void document.body.offsetHeight;
      window.__work.push(performance.now() - start);
      requestAnimationFrame(function () { setTimeout(function () { window.__frame.push(performance.now() - start); }); });
    }).observe(document.getElementById('matter-results'), { childList: true, subtree: true, characterData: true });
  })()`);
  const box = panel.getByRole('searchbox', { name: 'Search matters' });
  const names = ['okafor', 'smtih', 'garcia', 'zoe', 'muller', '0004', 'estate', 'harlan logistics', 'patel', 'wrongful term', 'jnoes', 'lee v'];
  for (let round = 0; round < 3; round++) {
    for (const q of names) {
      await box.fill('');
      await box.pressSequentially(q, { delay: 25 });
    }
  }
  const work = (await panel.evaluate('window.__work')) as number[];
  const frames = (await panel.evaluate('window.__frame')) as number[];
  return { workP95Ms: work.length ? p95(work) : NaN, frameP95Ms: frames.length ? p95(frames) : NaN, samples: work.length };
}

/** The page's JS heap after a full collection, MB; and what array buffers hold beside it. */
export async function heapOf(context: BrowserContext, page: Page): Promise<{ heapMb: number; buffersMb: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { heapMb: usage.usedSize / 1e6, buffersMb: (usage.backingStorageSize ?? 0) / 1e6 };
}

/** Stops every service worker and waits until the extension's has stopped. */
export async function stopWorkers(cdp: CDPSession, status: Map<string, string>, scripts: string[]): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  for (let waited = 0; scripts.some((s) => status.get(s) !== 'stopped'); waited += 20) {
    if (waited > 5_000) throw new Error(`the service workers did not stop: ${JSON.stringify([...status])}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 200));
}

/** Follows the running status of every service worker, by script file name. */
export async function watchWorkers(context: BrowserContext, page: Page): Promise<{ cdp: CDPSession; status: Map<string, string> }> {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) status.set(v.scriptURL.split('/').pop()!, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, status };
}

/** A message from an extension page to the background, timed to its reply. */
export function timeReply(page: Page, message: unknown): Promise<number> {
  return page.evaluate(
    `(function () { var t0 = performance.now(); return chrome.runtime.sendMessage(${JSON.stringify(message)}).then(function (r) { if (!r || !r.ok) throw new Error(JSON.stringify(r)); return performance.now() - t0; }); })()`,
  ) as Promise<number>;
}

/** What a page's suggestion asks for: emails, phones, display numbers, references and names read off a page. */
export function suggestionQuery(
  picked: Array<{
    display_number: string;
    client_reference: string | null;
    client: { name: string; primary_email_address: string | null; primary_phone_number: string | null } | null;
  }>,
) {
  return {
    emails: [...picked.map((m) => m.client?.primary_email_address ?? ''), 'someone@nowhere.example'].filter(Boolean).slice(0, 6),
    phones: picked
      .map((m) => normalisePhoneDigits(m.client?.primary_phone_number ?? '') ?? '')
      .filter(Boolean)
      .slice(0, 3),
    displayNumbers: picked.map((m) => m.display_number).slice(0, 2),
    clientReferences: picked.map((m) => m.client_reference ?? '').filter(Boolean),
    clientNames: picked.map((m) => m.client?.name ?? '').slice(0, 2),
  };
}

export interface ColdLookupFigures {
  /** A stopped background woken by an exact-lookup message, to its reply: median and slowest. */
  medianMs: number;
  maxMs: number;
  runs: number;
  /** The same lookup, the background running: median. */
  warmMs: number;
}

/** Times `matters/by-keys` from an extension page, the background stopped before each. */
export async function coldLookups(context: BrowserContext, page: Page, query: unknown, runs = 10): Promise<ColdLookupFigures> {
  const { cdp, status } = await watchWorkers(context, page);
  const message = { channel: 'clio-companion', type: 'matters/by-keys', data: query };
  const times: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    await stopWorkers(cdp, status, ['background.js']);
    times.push(await timeReply(page, message));
    warm.push(await timeReply(page, message));
  }
  await cdp.detach();
  return { medianMs: median(times), maxMs: Math.max(...times), runs, warmMs: median(warm) };
}
