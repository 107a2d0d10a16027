/**
 * `npm run bench`: the figures of DESIGN.md's budget table for what exists, printed beside their budgets.
 * Flags: --burst N (default 300) requests for the rate-limiter run; --skip-limiter.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { entrySizes, fileKb } from './bench/sizes';
import { benchRateLimiter } from './bench/rate-limit';

const { values } = parseArgs({ options: { burst: { type: 'string', default: '300' }, 'skip-limiter': { type: 'boolean', default: false } } });
const out = '.output/bench';

console.log('Building the production extension (real Clio) and its zip…');
execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore', env: { ...process.env, WXT_OUT_DIR: out, WXT_CLIO_SERVER: '' } });

const rows: Array<[string, string, string, string]> = [];
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
for (const r of entrySizes(join(out, 'chrome-mv3'), { popup: 20, background: 25, sidepanel: 20, options: 20, 'content-scripts/capture': 15 })) {
  rows.push([r.what + ', gzip', `${r.gzipKb.toFixed(1)} kB`, r.budgetKb ? `≤ ${r.budgetKb} kB` : '', r.budgetKb ? verdict(r.gzipKb <= r.budgetKb) : '']);
}
const zip = readdirSync(out).find((f) => f.endsWith('-chrome.zip'));
if (zip) {
  const kb = fileKb(join(out, zip));
  rows.push(['whole zip', `${kb.toFixed(1)} kB`, '≤ 80 kB', verdict(kb <= 80)]);
}

if (!values['skip-limiter']) {
  const burst = Number(values.burst);
  console.log(`Rate limiter: ${burst} requests at once against the sandbox at 50/min (about ${Math.ceil(burst / 50)} min)…`);
  const f = await benchRateLimiter(burst);
  rows.push([`requests answered 429 in a ${burst}-request burst`, String(f.answered429), '0', verdict(f.answered429 === 0)]);
  rows.push(['allowed rate used while work waits', `${(f.utilisation * 100).toFixed(1)} %`, '≥ 90 %', verdict(f.utilisation >= 0.9)]);
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['what', 'measured', 'budget', ''][i]!.length));
const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
console.log('\n' + line(['what', 'measured', 'budget', '']));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
