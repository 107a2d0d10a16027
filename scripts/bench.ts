/**
 * `npm run bench`: the figures of the budget table in docs/ARCHITECTURE.md ("Budgets"), printed beside
 * their budgets (scripts/bench/budgets.ts holds the table); exits non-zero when a figure is over, owned or not.
 * Flags: --burst N requests for the rate-limiter run (default 300, about 6 minutes at 50/min);
 * --skip-limiter; --skip-browser.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { budgetRows, budgets, table, type Figure } from './bench/budgets';
import { benchBrowser } from './bench/browser';
import { benchMatterSearch } from './bench/matter-search';
import { benchRateLimiter } from './bench/rate-limit';
import { entrySizes, fileKb } from './bench/sizes';

const started = Date.now();
const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '300' },
    'skip-limiter': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
  },
});
const out = '.output/bench';
/** Figures against a budget, by the budget's id. */
const figures = new Map<string, Figure>();
/** Budgets not measured this run, and why. */
const skipped = new Map<string, string>();
/** Figures without a budget of their own, printed below the table for context. */
const context: string[][] = [];
const figure = (id: string, value: number, shown: string) => {
  if (!budgets.some((b) => b.id === id)) throw new Error(`no budget ${id}`);
  figures.set(id, { value, shown });
};
const kb = (n: number) => `${n.toFixed(1)} kB`;
const ms = (n: number, digits = 0) => `${n.toFixed(digits)} ms`;

console.log('Building the production extension (real Clio) and its zip…');
execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore', env: { ...process.env, WXT_OUT_DIR: out, WXT_CLIO_SERVER: '' } });
/** Built entries → the budget of their JS. The dialog's frame page is the capture window today; the script added on a click is the capture content script. */
const sizeBudgets: Record<string, string> = {
  popup: 'popup-js',
  background: 'background-js',
  'content-scripts/capture': 'page-script-js',
  'capture-window': 'dialog-frame-js',
};
for (const r of entrySizes(join(out, 'chrome-mv3'))) {
  const id = sizeBudgets[r.name];
  if (id) figure(id, r.gzipKb, `${kb(r.gzipKb)} (${r.name})`);
  else context.push([`${r.name} JS, gzip`, kb(r.gzipKb)]);
}
for (const id of Object.values(sizeBudgets)) if (!figures.has(id)) throw new Error(`the build has no entry for ${id}`);
const zip = readdirSync(out).find((f) => f.endsWith('-chrome.zip'));
if (!zip) throw new Error('wxt zip wrote no -chrome.zip');
figure('zip', fileKb(join(out, zip)), kb(fileKb(join(out, zip))));

console.log('Matter search in Node, 10,000 matters…');
const search = await benchMatterSearch();
context.push(['matter index build, 10,000 matters (Node)', ms(search.buildMs)]);
context.push(['matter search p95 (Node, 2,000 keystrokes)', ms(search.p95Ms, 2)]);
context.push(['matter index as JSON (Node)', `${search.storedKb.toFixed(0)} kB, ${((search.storedKb * 1024) / search.matters).toFixed(0)} bytes a matter`]);

if (!values['skip-browser']) {
  console.log('Headless Chromium: popup, side panel at 10,000 matters, capture, worker wake…');
  const b = await benchBrowser();
  figure('worker-wake', b.wakeMs / b.tinyWakeMs, `×${(b.wakeMs / b.tinyWakeMs).toFixed(2)} (${ms(b.wakeMs)}; a worker of a few lines: ${ms(b.tinyWakeMs)})`);
  figure('dialog-shown', b.captureMs / b.frameMs, `×${(b.captureMs / b.frameMs).toFixed(2)} (${ms(b.captureMs)}; one-paragraph frame: ${ms(b.frameMs)})`);
  figure('popup-interactive', b.popupMs / b.blankMs, `×${(b.popupMs / b.blankMs).toFixed(2)} (${ms(b.popupMs)}; one paragraph: ${ms(b.blankMs)})`);
  figure('popup-heap', b.popupHeapMb, `${b.popupHeapMb.toFixed(2)} MB`);
  figure('sidepanel-heap-10k', b.sidepanelHeapMb, `${b.sidepanelHeapMb.toFixed(2)} MB`);
  figure('page-js', b.contentScriptsDeclared, `${b.contentScriptsDeclared} content scripts declared`);
  figure('search-10k', b.searchP95Ms, `${ms(b.searchP95Ms, 1)} (${b.searchSamples} keystrokes)`);
  const perMatter = (b.storageMb * 1e6) / 10_000;
  figure('index-bytes', perMatter, `${perMatter.toFixed(0)} bytes (${b.storageMb.toFixed(1)} MB of storage / 10,000)`);
  figure('requests-popup', b.popupRequestsMax, String(b.popupRequestsMax));
  figure('requests-search', b.searchRequests, String(b.searchRequests));
  context.push(['side panel: keystroke to the next frame painted, p95 (incl. waiting for vsync)', ms(b.searchFrameP95Ms, 1)]);
  context.push(['first sync of 10,000 matters: requests (⌈10,000/200⌉ + 1 = 51 expected)', String(b.syncRequests)]);
} else {
  const perMatter = (search.storedKb * 1024) / search.matters;
  figure('index-bytes', perMatter, `${perMatter.toFixed(0)} bytes (Node: the index as JSON; --skip-browser)`);
  for (const id of [
    'worker-wake',
    'dialog-shown',
    'popup-interactive',
    'popup-heap',
    'sidepanel-heap-10k',
    'page-js',
    'search-10k',
    'requests-popup',
    'requests-search',
  ])
    skipped.set(id, '--skip-browser');
}

if (!values['skip-limiter']) {
  const burst = Number(values.burst);
  console.log(`Rate limiter: ${burst} requests at once against the sandbox at 50/min (about ${Math.ceil(burst / 50)} min)…`);
  const f = await benchRateLimiter(burst);
  figure('rate-429', f.answered429, `${f.answered429} of ${burst}${burst === 300 ? '' : ` (burst of ${burst}, not 300)`}`);
  figure('rate-use', f.utilisation * 100, `${(f.utilisation * 100).toFixed(1)} %`);
} else {
  skipped.set('rate-429', '--skip-limiter');
  skipped.set('rate-use', '--skip-limiter');
}

const { rows, over } = budgetRows(figures, skipped);
console.log(`\n${table(['what', 'measured', 'budget', ''], rows)}`);
console.log(`\nOther figures (no budget of their own):\n${table(['what', 'measured'], context)}`);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `\n${over ? `${over} figure${over === 1 ? '' : 's'} over budget.` : 'Every figure measured is within budget.'} The bench took ${Math.floor(seconds / 60)} min ${seconds % 60} s.`,
);
if (over) process.exitCode = 1;
