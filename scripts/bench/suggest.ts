/**
 * "Suggested for this page" in a real browser: a 1 MB webmail-like page in front, and `suggestions/for-page` asked
 * as the popup asks it, from an extension page (browser.ts's `suggest` row). `suggestParts` takes the time apart:
 * the page-signals script injected and run (and an empty injection, for the injection alone), the script's own run
 * in the page, the size of what it hands back, and the background's lookup of the page's keys (and a message's
 * round trip alone). Run alone: `npx tsx scripts/bench/suggest.ts [--port 4131] [--ext DIR …] [--rounds 5]`: each
 * `--ext` (a build against the sandbox on that port; default: this tree built) in a profile of its own, signed in
 * and synced at 10,000 matters, measured in alternate rounds so that machine load falls on each alike.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { queryOf } from '../../lib/suggestions/page-match';
import type { PageSignals } from '../../lib/page-reading/page-signals';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { buildForSandbox } from '../build-for-sandbox';
import { launch, requestLog, signInAndSync, workerOf } from './chromium';
import { median, p95, timeReply } from './panel';

/** The injected script, as the build names it (lib/suggestions/read-tab.ts; a content script in builds before #12's). */
const scriptIn = (ext: string) => ['page-signals.js', 'content-scripts/page-signals.js'].find((f) => existsSync(join(ext, f)))!;

/**
 * Puts a 1 MB webmail-like page (a thread of messages, signatures, addresses, numbers) that mentions one client's
 * email in front, in `site`; answers the tab's id.
 */
export async function openBenchPage(site: Page, sw: Worker, sandbox: Sandbox): Promise<number> {
  const [client] = (await (await fetch(`${sandbox.origin}/__admin/matters?query=`)).json()) as Array<{
    client: { primary_email_address: string | null } | null;
  }>;
  await site.goto(`${sandbox.origin}/pages/webmail`);
  await site.evaluate(`(function (email) {
    var parts = [];
    for (var i = 0; parts.join('').length < 1000000; i++) {
      parts.push('<div class="msg"><p>From: Person ' + i + ' &lt;person' + i + '@mail' + (i % 50) + '.example&gt; · +1 (312) 555-' + String(1000 + (i % 9000)) +
        '</p><p>Re: file 2024-CV-' + String(i).padStart(4, '0') + '. ' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. '.repeat(6) + '</p></div>');
    }
    document.body.innerHTML = '<h2>Inbox</h2><div class="msg"><p>From: Client &lt;' + email + '&gt;</p></div>' + parts.join('');
  })(${JSON.stringify(client?.client?.primary_email_address ?? 'nobody@example.org')})`);
  await site.bringToFront();
  const tab = (await sw.evaluate(`chrome.tabs.query({ url: ${JSON.stringify(`${sandbox.origin}/pages/webmail`)} }).then(function (t) { return t[0]; })`)) as {
    id: number;
  };
  return tab.id;
}

/**
 * `asks` times "Suggested for this page" from the extension page `from`, each timed from the ask to the answer; one
 * ask first, not counted: the worker's first read of the index and the script's first injection are what a cold
 * start costs (measured by the worker-wake and cold-lookup rows).
 */
export async function timeSuggestions(from: Page, asks = 20): Promise<number[]> {
  return (await from.evaluate(`(async function () {
    var w = await chrome.windows.getCurrent();
    var out = [];
    await chrome.runtime.sendMessage({ channel: 'clio-companion', type: 'suggestions/for-page', data: { windowId: w.id } });
    for (var i = 0; i < ${asks}; i++) {
      var t0 = performance.now();
      var r = await chrome.runtime.sendMessage({ channel: 'clio-companion', type: 'suggestions/for-page', data: { windowId: w.id } });
      out.push(performance.now() - t0);
      if (!r || !r.ok || r.value.state !== 'ok' || !r.value.suggestions.length) throw new Error('no suggestion for the bench page: ' + JSON.stringify(r).slice(0, 300));
    }
    return out;
  })()`)) as number[];
}

/** The parts of one suggestion, medians of `runs` each (ms), and the size of what the page hands back. */
export interface SuggestParts {
  /** `scripting.executeScript` of the page-signals script, from the worker: injected, run, its result back. */
  injectMs: number;
  /** The same for an empty function: what injecting costs by itself. */
  emptyInjectMs: number;
  /** The script's own run in the page (its built file evaluated in the page's main world; NaN for a content-script build). */
  runMs: number;
  /** What the script hands back, JSON, kB. */
  resultKb: number;
  /** Keys the background looks up for it. */
  keys: number;
  /** `matters/by-keys` for the page's query, from an extension page. */
  byKeysMs: number;
  /** A message's round trip alone (`matters/by-keys` asking nothing: no Clio request, unlike `timer/get`). */
  roundTripMs: number;
}

export async function suggestParts(ext: string, sw: Worker, site: Page, tabId: number, from: Page, runs = 10): Promise<SuggestParts> {
  const inject = [];
  const empty = [];
  let signals: PageSignals | null = null;
  for (let i = 0; i < runs; i++) {
    const [a, b] = (await sw.evaluate(`(async function () {
      var t0 = performance.now();
      var r = await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, files: [${JSON.stringify(`/${scriptIn(ext)}`)}] });
      var t1 = performance.now();
      await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: function () { return 1; } });
      self.__signals = r[0].result;
      return [t1 - t0, performance.now() - t1];
    })()`)) as [number, number];
    inject.push(a);
    empty.push(b);
  }
  signals = (await sw.evaluate('self.__signals')) as PageSignals;
  const code = readFileSync(join(ext, scriptIn(ext)), 'utf8');
  const run: number[] = [];
  for (let i = 0; i < runs; i++) {
    // In the page's own world, timed there; NaN where the script does not read at once (a content-script build's
    // wrapper reads after a promise, and wants a `chrome.runtime.id` the page's world lacks).
    run.push(
      (await site.evaluate(`(function () {
        var t0 = performance.now();
        try { var r = (0, eval)(${JSON.stringify(code)}); } catch (e) { return NaN; }
        return r && Array.isArray(r.emails) ? performance.now() - t0 : NaN;
      })()`)) as number,
    );
  }
  const query = queryOf(signals);
  const keys = new Set(Object.values(query).flat()).size;
  const byKeys: number[] = [];
  const trip: number[] = [];
  for (let i = 0; i < runs; i++) {
    byKeys.push(await timeReply(from, { channel: 'clio-companion', type: 'matters/by-keys', data: query }));
    trip.push(await timeReply(from, { channel: 'clio-companion', type: 'matters/by-keys', data: {} }));
  }
  return {
    injectMs: median(inject),
    emptyInjectMs: median(empty),
    runMs: median(run),
    resultKb: JSON.stringify(signals).length / 1024,
    keys,
    byKeysMs: median(byKeys),
    roundTripMs: median(trip),
  };
}

/** Runs alone: each build signed in and synced in a profile of its own, measured in alternate rounds. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4131' },
      ext: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '5' },
      asks: { type: 'string', default: '20' },
    },
  });
  const port = Number(values.port);
  const sandbox = await startSandbox({ port, matters: 10_000, rateLimit: 5000 });
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  try {
    let exts = values.ext?.map((e) => resolve(e));
    if (!exts?.length) {
      buildForSandbox(port, '.output/bench-suggest', 'chrome', true);
      exts = [resolve('.output/bench-suggest/chrome-mv3')];
    }
    const each = [];
    for (const ext of exts) {
      const profile = mkdtempSync(join(tmpdir(), 'clio-bench-suggest-'));
      profiles.push(profile);
      const context = await launch(profile, [ext]);
      contexts.push(context);
      const sw = await workerOf(context, 'background.js');
      const base = `chrome-extension://${sw.url().split('/')[2]}`;
      const { options } = await signInAndSync(context, base, sandbox, 300_000);
      const site = await context.newPage();
      const tabId = await openBenchPage(site, sw, sandbox);
      each.push({ ext, sw, options, site, tabId, asks: [] as number[], parts: [] as SuggestParts[] });
    }
    const requests = requestLog(sandbox);
    const asked: string[] = [];
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const e of each) {
        await e.site.bringToFront();
        await requests.clear();
        e.asks.push(...(await timeSuggestions(e.options, Number(values.asks))));
        asked.push(...(await requests.log()).filter((r) => r.path.startsWith('/api/v4')).map((r) => r.path));
        e.parts.push(await suggestParts(e.ext, e.sw, e.site, e.tabId, e.options));
      }
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`load average at the end: ${load}; Clio requests while suggesting: ${asked.length} ${asked.join(' ')}`);
    for (const e of each) {
      const m = (f: (p: SuggestParts) => number) => median(e.parts.map(f)).toFixed(1);
      console.log(`\n${e.ext}`);
      console.log(`  suggestions/for-page: p95 ${p95(e.asks).toFixed(1)} ms, median ${median(e.asks).toFixed(1)} ms (${e.asks.length} asks)`);
      console.log(`  per round p95: ${e.parts.map((_, i) => p95(e.asks.slice(i * Number(values.asks), (i + 1) * Number(values.asks))).toFixed(1)).join(', ')}`);
      console.log(`  executeScript of the script ${m((p) => p.injectMs)} ms; of an empty function ${m((p) => p.emptyInjectMs)} ms`);
      console.log(`  the script's run in the page ${m((p) => p.runMs)} ms; its result ${m((p) => p.resultKb)} kB`);
      console.log(`  matters/by-keys (${m((p) => p.keys)} keys) ${m((p) => p.byKeysMs)} ms; a round trip alone ${m((p) => p.roundTripMs)} ms`);
    }
  } finally {
    for (const c of contexts) await c.close();
    await sandbox.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
