/**
 * `npm run bench`: the figures of DESIGN.md's budget table, printed beside their budgets.
 * Flags: --burst N requests for the rate-limiter run (default 300, about 6 minutes at 50/min);
 * --skip-limiter; --skip-browser.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrowser } from './bench/browser';
import { benchMatterSearch } from './bench/matter-search';
import { benchRateLimiter } from './bench/rate-limit';
import { entrySizes, fileKb } from './bench/sizes';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '300' },
    'skip-limiter': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
  },
});
const out = '.output/bench';
const rows: Array<[string, string, string, string]> = [];
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
const row = (what: string, measured: string, budget = '', ok?: boolean) => rows.push([what, measured, budget, ok === undefined ? '' : verdict(ok)]);

console.log('Building the production extension (real Clio) and its zip…');
execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore', env: { ...process.env, WXT_OUT_DIR: out, WXT_CLIO_SERVER: '' } });
const budgets: Record<string, number> = { popup: 20, background: 25, 'content-scripts/capture': 15 };
for (const r of entrySizes(join(out, 'chrome-mv3'), budgets)) {
  row(`${r.what}, gzip`, `${r.gzipKb.toFixed(1)} kB`, r.budgetKb ? `≤ ${r.budgetKb} kB` : '', r.budgetKb ? r.gzipKb <= r.budgetKb : undefined);
}
const zip = readdirSync(out).find((f) => f.endsWith('-chrome.zip'));
if (zip) {
  const kb = fileKb(join(out, zip));
  row('whole zip', `${kb.toFixed(1)} kB`, '≤ 80 kB', kb <= 80);
}

console.log('Matter search in Node, 10,000 matters…');
const search = await benchMatterSearch();
row('matter index build, 10,000 matters (Node)', `${search.buildMs.toFixed(0)} ms`);
row('matter search p95 (Node, 2,000 keystrokes)', `${search.p95Ms.toFixed(2)} ms`);
row('matter index size in storage', `${search.storedKb.toFixed(0)} kB`);

if (!values['skip-browser']) {
  console.log('Headless Chromium: popup, side panel at 10,000 matters, capture…');
  const b = await benchBrowser();
  const ratio = b.popupMs / b.blankMs;
  row(
    'popup: navigation to interactive (timer state shown)',
    `${b.popupMs.toFixed(0)} ms (one paragraph: ${b.blankMs.toFixed(0)} ms, ×${ratio.toFixed(2)})`,
    '≤ 1.5 × one paragraph',
    ratio <= 1.5,
  );
  row('popup JS heap', `${b.popupHeapMb.toFixed(2)} MB`, '≤ 5 MB', b.popupHeapMb <= 5);
  row(
    'side panel: keystroke to results rendered and laid out, p95',
    `${b.searchP95Ms.toFixed(1)} ms (${b.searchSamples} keystrokes)`,
    '≤ 16 ms',
    b.searchP95Ms <= 16,
  );
  row('  … and to the next frame painted, p95 (incl. waiting for vsync)', `${b.searchFrameP95Ms.toFixed(1)} ms`);
  row('first sync of 10,000 matters: requests', String(b.syncRequests), '≤ ⌈10,000/200⌉ + 1 = 51', b.syncRequests <= 51);
  row('extension storage after that sync (IndexedDB)', `${b.storageMb.toFixed(1)} MB`);
  row('capture: menu click to dialog shown', `${b.captureMs.toFixed(0)} ms`);
  row('content scripts declared (JS on pages never invoked)', String(b.contentScriptsDeclared), '0', b.contentScriptsDeclared === 0);
}

if (!values['skip-limiter']) {
  const burst = Number(values.burst);
  console.log(`Rate limiter: ${burst} requests at once against the sandbox at 50/min (about ${Math.ceil(burst / 50)} min)…`);
  const f = await benchRateLimiter(burst);
  row(`requests answered 429 in a ${burst}-request burst`, String(f.answered429), '0', f.answered429 === 0);
  row('allowed rate used while work waits', `${(f.utilisation * 100).toFixed(1)} %`, '≥ 90 %', f.utilisation >= 0.9);
}

const head: [string, string, string, string] = ['what', 'measured', 'budget', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\n${line(head)}`);
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
