/**
 * axe-core over a page and every frame in it, for `screenshot()` (fixtures.ts): a violation of impact "serious" or
 * "critical" fails the test, with the rule, its impact, the elements and axe's help, per theme.
 *
 * Each frame is analysed on its own (`axe.run` with `iframes: false` in that frame) rather than by AxeBuilder's
 * `analyze()`: the dialogs over a page live in a chrome-extension:// frame inside a closed shadow root, which axe's
 * own walk of the DOM cannot see (it would skip the frame and say nothing), while Playwright lists every frame.
 * `analyze()` also opens a blank tab to finish its run, and a new active tab changes what the extension reads
 * ("Suggested for this page", the side panel's buttons act on the active tab). The page and every chrome-extension://
 * frame it shows must be analysed, or the check fails.
 */
import type { Frame, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// axe-core itself is the exact version @axe-core/playwright pins (its dependency).
import type { AxeResults, ImpactValue, Result } from 'axe-core';

/** Which frames to check: all of them, or only the extension's (a hostile test page is meant to be ugly). */
export type AxeScope = 'all' | 'extension';

/** axe-core's minified build (0.6 MB; `axe.source` is the 1.3 MB unminified one), read once, injected in each frame. */
let axeSource: string | undefined;
const source = () => (axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

const FAILING: ImpactValue[] = ['serious', 'critical'];
const isExtension = (frame: Frame) => /^(chrome|moz)-extension:\/\//.test(frame.url());

/**
 * Frames worth analysing: the page itself (even at about:blank with content set by a test), and the frames in it that
 * hold a document of their own (not one still at about:blank); with `scope` 'extension', the extension's only.
 */
const framesToCheck = (page: Page, scope: AxeScope) =>
  page
    .frames()
    .filter((f) => !f.isDetached() && (f === page.mainFrame() || /^(https?|chrome-extension|moz-extension):/.test(f.url())))
    .filter((f) => scope === 'all' || isExtension(f));

/**
 * The rules whose outcome a theme can change. The themes differ in colour tokens only (components/tokens.css: nothing
 * else in the CSS knows the theme), so the light pass runs every rule and the dark pass these, at half the cost.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function runIn(frame: Frame, source: string, theme: 'light' | 'dark'): Promise<AxeResults> {
  if (!(await frame.evaluate('typeof window.axe === "object"'))) await frame.evaluate(source);
  const options = { iframes: false, resultTypes: ['violations'], ...(theme === 'dark' ? { runOnly: { type: 'rule', values: COLOUR_RULES } } : {}) };
  return (await frame.evaluate(
    (opts) => (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe.run(document, opts),
    options,
  )) as AxeResults;
}

const violationLines = (v: Result, theme: string, where: string) =>
  v.nodes
    .filter((n) => FAILING.includes(n.impact ?? v.impact ?? 'minor'))
    .map((n) => {
      const detail = [...n.any, ...n.all, ...n.none].map((c) => c.message).find(Boolean);
      return `[${theme}] ${v.id} (${n.impact ?? v.impact})${where} ${n.target.map(String).join(' ')}\n    ${v.help}${detail ? `: ${detail}` : ''}`;
    });

/**
 * Runs axe in every frame of `page` (or only the extension's, `scope`) and answers one line for each element with a
 * serious or critical violation; none when all is well.
 */
export async function axeViolations(page: Page, theme: 'light' | 'dark', scope: AxeScope): Promise<string[]> {
  const lines: string[] = [];
  const frames = framesToCheck(page, scope);
  // Scoped to the extension's frames, a page showing none would pass without a look.
  if (!frames.length) lines.push(`[${theme}] axe found no ${scope === 'extension' ? 'extension frame' : 'page'} to analyse`);
  for (const frame of frames) {
    const where = frame === page.mainFrame() ? '' : ` in frame ${new URL(frame.url()).pathname}`;
    let results: AxeResults;
    try {
      results = await runIn(frame, source(), theme);
    } catch (error) {
      // The page or an extension frame that cannot be analysed is a failure, not a pass; a page's own frame that went
      // away is not.
      if (frame === page.mainFrame() || isExtension(frame)) lines.push(`[${theme}] axe could not analyse ${frame.url()}: ${(error as Error).message}`);
      continue;
    }
    for (const v of results.violations) lines.push(...violationLines(v, theme, where));
    // What axe could not decide (a colour over an image, a covered element) passes; say it when asked to.
    const undecided = results.incomplete
      .filter((r) => FAILING.includes(r.impact ?? 'minor'))
      .map((r) => `${r.id} ${r.nodes[0]?.target.map(String).join(' ')} (${r.nodes[0]?.any.map((c) => c.message).find(Boolean) ?? ''})`);
    if (process.env.E2E_AXE_LOG && undecided.length) console.log(`axe: [${theme}]${where} could not decide: ${undecided.join('; ')}`);
  }
  return lines;
}

export const frameCount = (page: Page, scope: AxeScope): number => framesToCheck(page, scope).length;

let timed = false;
/** Logs, once per worker (every time with E2E_AXE_LOG=1), what the check cost for one screenshot, both themes. */
export function logAxeTime(name: string, ms: number, frames: number): void {
  if (timed && !process.env.E2E_AXE_LOG) return;
  timed = true;
  console.log(`axe: ${name}, ${frames} frame(s), ${Math.round(ms)} ms for both themes`);
}
