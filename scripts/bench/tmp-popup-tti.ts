import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startSandbox } from '../../sandbox/server';
import { buildForSandbox } from '../build-for-sandbox';
import { launch, signInAndSync, workerOf } from './chromium';
import { median } from './panel';

async function timeToSelector(context: BrowserContext, url: string, selector: string): Promise<{ ms: number; page: Page }> {
  const page = await context.newPage();
  await page.addInitScript({
    content: `window.__ready = new Promise(function (res) { (function check() { document.querySelector(${JSON.stringify(selector)}) ? res(performance.now()) : requestAnimationFrame(check); })(); });`,
  });
  await page.goto(url);
  return { ms: (await page.evaluate('window.__ready')) as number, page };
}

const sandbox = await startSandbox({ port: 0, matters: 1000, rateLimit: 5000 });
const out = '.output/bench-tti';
buildForSandbox(sandbox.port, out, 'chrome', true);
const ext = resolve(out, 'chrome-mv3');
writeFileSync(join(ext, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><p>One paragraph.</p></body></html>');
const context = await launch(mkdtempSync(join(tmpdir(), 'tti-')), [ext]);
const sw = await workerOf(context, 'background.js');
const base = `chrome-extension://${sw.url().split('/')[2]}`;
await signInAndSync(context, base, sandbox, 120_000);
const popup: number[] = [];
const blank: number[] = [];
for (let i = 0; i < 25; i++) {
  const b = await timeToSelector(context, `${base}/blank.html`, 'p');
  blank.push(b.ms);
  await b.page.close();
  const p = await timeToSelector(context, `${base}/popup.html`, '[role="timer"], #timer-matter');
  popup.push(p.ms);
  await p.page.close();
}
console.log(`popup ${median(popup).toFixed(1)} ms, blank ${median(blank).toFixed(1)} ms, ratio ×${(median(popup) / median(blank)).toFixed(2)}`);
await context.close();
await sandbox.close?.();
process.exit(0);
