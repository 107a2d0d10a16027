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
/** Records a figure; one budget measured on several entries (both dialogs' frames) keeps the largest. */
const figure = (id: string, value: number, shown: string) => {
  if (!budgets.some((b) => b.id === id)) throw new Error(`no budget ${id}`);
  const had = figures.get(id);
  figures.set(id, had && had.value >= value ? { ...had, shown: `${had.shown}; ${shown}` } : { value, shown: had ? `${shown}; ${had.shown}` : shown });
};
const kb = (n: number) => `${n.toFixed(1)} kB`;
const ms = (n: number, digits = 0) => `${n.toFixed(digits)} ms`;

console.log('Building the production extension (real Clio) and its zip…');
execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore', env: { ...process.env, WXT_OUT_DIR: out, WXT_CLIO_SERVER: '' } });
/** Built entries → the budget of their JS: each dialog's frame page, and each script added to a page on a click (the largest is the figure). */
const sizeBudgets: Record<string, string> = {
  popup: 'popup-js',
  background: 'background-js',
  'content-scripts/capture': 'page-script-js',
  'content-scripts/save': 'page-script-js',
  'content-scripts/deadline': 'page-script-js',
  'capture-window': 'dialog-frame-js',
  'save-window': 'dialog-frame-js',
  'deadline-window': 'dialog-frame-js',
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

console.log('Matter search in Node, 10,000 and 100,000 matters…');
const nodeSearch = [await benchMatterSearch({ matters: 10_000 }), await benchMatterSearch({ matters: 100_000 })];
for (const f of nodeSearch) {
  const n = f.matters.toLocaleString('en');
  context.push([`matter index, ${n} matters (Node): built from scratch / packed / packed opened`, `${ms(f.buildMs)} / ${ms(f.packMs)} / ${ms(f.openMs, 1)}`]);
  context.push([`matter search, ${n} matters (Node, ${f.searches} keystrokes on the opened index): p95 / max`, `${ms(f.p95Ms, 2)} / ${ms(f.maxMs, 1)}`]);
  context.push([
    `matter store, ${n} matters (Node): records and key pairs / packed index gzipped (no IndexedDB overhead)`,
    `${((f.storedKb * 1024) / f.matters).toFixed(0)} / ${((f.packedKb * 1024) / f.matters).toFixed(0)} bytes a matter`,
  ]);
}
const [node10k, node100k] = nodeSearch as [(typeof nodeSearch)[0], (typeof nodeSearch)[0]];

if (!values['skip-browser']) {
  console.log('Headless Chromium: popup, side panel at 10,000 and 100,000 matters, capture, worker wake…');
  const b = await benchBrowser();
  figure('worker-wake', b.wakeMs / b.tinyWakeMs, `×${(b.wakeMs / b.tinyWakeMs).toFixed(2)} (${ms(b.wakeMs)}; a worker of a few lines: ${ms(b.tinyWakeMs)})`);
  const slowest = Math.max(b.captureMs, b.saveMs, b.deadlineMs);
  figure(
    'dialog-shown',
    slowest / b.frameMs,
    `×${(slowest / b.frameMs).toFixed(2)} (capture ${ms(b.captureMs)}, save to Clio ${ms(b.saveMs)}, add deadline ${ms(b.deadlineMs)}; one-paragraph frame: ${ms(b.frameMs)})`,
  );
  figure('popup-interactive', b.popupMs / b.blankMs, `×${(b.popupMs / b.blankMs).toFixed(2)} (${ms(b.popupMs)}; one paragraph: ${ms(b.blankMs)})`);
  figure('popup-heap', b.popupHeapMb, `${b.popupHeapMb.toFixed(2)} MB`);
  figure('suggest', b.suggestRequests ? Number.POSITIVE_INFINITY : b.suggestP95Ms, `${ms(b.suggestP95Ms)} (20 asks; ${b.suggestRequests} Clio requests)`);
  figure('page-js', b.contentScriptsDeclared, `${b.contentScriptsDeclared} content scripts declared`);
  figure('requests-popup', b.popupRequestsMax, String(b.popupRequestsMax));
  figure('requests-search', b.searchRequests, String(b.searchRequests));
  for (const [at, k] of [
    [b.at10k, '10k'],
    [b.at100k, '100k'],
  ] as const) {
    const n = at.matters.toLocaleString('en');
    figure(`sidepanel-heap-${k}`, at.heapMb, `${at.heapMb.toFixed(2)} MB (+ ${at.buffersMb.toFixed(1)} MB of array buffers)`);
    figure(`search-${k}`, at.keys.workP95Ms, `${ms(at.keys.workP95Ms, 1)} (${at.keys.samples} keystrokes)`);
    figure(`panel-first-${k}`, at.open.firstAnsweredMs, `${ms(at.open.firstAnsweredMs)} (median of ${at.open.runs} openings)`);
    figure(`panel-tasks-${k}`, at.open.longestTaskMs, `${ms(at.open.longestTaskMs)} (longest of ${at.open.runs} openings; 0: none over 50 ms)`);
    context.push([`side panel, ${n} matters: keystroke to the next frame painted, p95 (incl. waiting for vsync)`, ms(at.keys.frameP95Ms, 1)]);
    context.push([`first sync of ${n} matters: requests (⌈N/200⌉ + 1 expected)`, String(at.syncRequests)]);
    context.push([
      `exact lookups from a stopped background, ${n} matters: median / slowest of ${at.cold.runs}; the background running: median`,
      `${ms(at.cold.medianMs)} / ${ms(at.cold.maxMs)}; ${ms(at.cold.warmMs, 1)}`,
    ]);
    context.push([
      `storage right after the first sync, ${n} matters (IndexedDB and storage; LevelDB may be compacting)`,
      `${at.storageMb.toFixed(1)} MB, ${((at.storageMb * 1e6) / at.matters).toFixed(0)} bytes a matter`,
    ]);
  }
  figure('suggest-cold-100k', b.at100k.cold.medianMs, `${ms(b.at100k.cold.medianMs)} (median of ${b.at100k.cold.runs}; slowest ${ms(b.at100k.cold.maxMs)})`);
  // At rest (the browser restarted): right after the sync, the estimate also counts what LevelDB is compacting.
  const storedMb = b.at10k.storedMb ?? b.at10k.storageMb;
  const perMatter = (storedMb * 1e6) / 10_000;
  figure('index-bytes', perMatter, `${perMatter.toFixed(0)} bytes (${storedMb.toFixed(2)} MB of storage at rest / 10,000)`);
} else {
  const perMatter = ((node10k.storedKb + node10k.packedKb) * 1024) / node10k.matters;
  figure(
    'index-bytes',
    perMatter,
    `${perMatter.toFixed(0)} bytes (Node: the records, key pairs and gzipped packed index, without IndexedDB's overhead; --skip-browser)`,
  );
  for (const f of [node10k, node100k])
    figure(`search-${f.matters === 10_000 ? '10k' : '100k'}`, f.p95Ms, `${ms(f.p95Ms, 2)} (Node: the search alone, nothing painted; --skip-browser)`);
  for (const id of [
    'worker-wake',
    'dialog-shown',
    'popup-interactive',
    'popup-heap',
    'sidepanel-heap-10k',
    'sidepanel-heap-100k',
    'page-js',
    'panel-first-10k',
    'panel-tasks-10k',
    'panel-first-100k',
    'panel-tasks-100k',
    'suggest-cold-100k',
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
