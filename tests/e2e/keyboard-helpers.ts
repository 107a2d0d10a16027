/**
 * Driving a surface with the keyboard alone, and checking at every Tab stop that a person can see where focus is.
 *
 * `focused(page)` finds the focused element through the page's frames (a dialog over a web page is an extension
 * frame inside a closed shadow root: the page's own document only sees the shadow host, so each frame is asked
 * whether focus is in it). `expectFocusVisible` asserts that element draws a focus indicator: a computed outline
 * that is not `none` with a width above 0, or a box-shadow, and a box of its own inside its frame's viewport.
 * `tab`/`tabTo` press Tab (or Shift+Tab) and check each stop on the way.
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';

interface FocusFacts {
  /** A short description for messages: tag, id, role, name. */
  what: string;
  /** `body` or `html`: focus is nowhere in particular (lost). */
  lost: boolean;
  outline: string;
  outlineWidth: number;
  boxShadow: string;
  width: number;
  height: number;
  inViewport: boolean;
}

/** Runs in a frame: whether focus is in this document, and the facts of its focused element (through open shadow roots). */
function focusFactsInFrame(): { here: boolean; facts: FocusFacts } {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const node = (el ?? document.body) as HTMLElement;
  const style = getComputedStyle(node);
  const box = node.getBoundingClientRect();
  const tag = node.tagName.toLowerCase();
  const name = node.getAttribute('aria-label') ?? node.getAttribute('title') ?? (node.textContent ?? '').trim().slice(0, 40);
  return {
    here: document.hasFocus(),
    facts: {
      what: `<${tag}${node.id ? `#${node.id}` : ''}${node.getAttribute('role') ? ` role=${node.getAttribute('role')}` : ''}> "${name}"`,
      lost: tag === 'body' || tag === 'html',
      outline: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      width: box.width,
      height: box.height,
      inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    },
  };
}

/** The frame focus is in (the deepest frame whose document has focus) and the facts of its focused element. */
export async function focused(page: Page): Promise<{ frame: Frame; facts: FocusFacts }> {
  const found: Array<{ frame: Frame; depth: number; facts: FocusFacts }> = [];
  for (const frame of page.frames()) {
    const got = await frame.evaluate(focusFactsInFrame).catch(() => null);
    if (!got?.here) continue;
    let depth = 0;
    for (let f = frame.parentFrame(); f; f = f.parentFrame()) depth++;
    found.push({ frame, depth, facts: got.facts });
  }
  // A frame's document has focus while focus is in one of its child frames too: the deepest one holds it.
  found.sort((a, b) => b.depth - a.depth);
  const deepest = found[0];
  if (!deepest) throw new Error('focus left the page (none of its frames has it): the Tab order ran out, or the page lost focus');
  return deepest;
}

/** Asserts the focused element (in whichever frame) shows a focus indicator and is on screen. */
export async function expectFocusVisible(page: Page, after = 'Tab'): Promise<FocusFacts> {
  const { facts } = await focused(page);
  const where = `after ${after}, focus on ${facts.what}`;
  expect(facts.lost, `${where}: focus was lost to the page`).toBe(false);
  expect(facts.width > 0 && facts.height > 0, `${where}: the focused element has no size`).toBe(true);
  expect(facts.inViewport, `${where}: the focused element is outside the viewport`).toBe(true);
  const outline = facts.outline !== 'none' && facts.outlineWidth > 0;
  const shadow = facts.boxShadow !== 'none' && facts.boxShadow !== '';
  expect(outline || shadow, `${where}: no visible focus indicator (outline ${facts.outline} ${facts.outlineWidth}px, box-shadow ${facts.boxShadow})`).toBe(
    true,
  );
  return facts;
}

/** Presses Tab (Shift+Tab with `back`) `times` times, checking the focus indicator at each stop; returns the stops. */
export async function tab(page: Page, { back = false, times = 1 } = {}): Promise<string[]> {
  const key = back ? 'Shift+Tab' : 'Tab';
  const stops: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    stops.push((await expectFocusVisible(page, `${key} (stops before: ${stops.join(', ') || 'none'})`)).what);
  }
  return stops;
}

/** Whether `target` (in any frame of the page) is its frame's focused element and that frame has focus. */
const isFocused = (target: Locator) =>
  target.evaluate((el) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return document.hasFocus() && active === el;
  });

/**
 * Tabs (Shift+Tab with `back`) until `target` has focus, checking the focus indicator at each stop; fails after
 * `max` presses. Returns how many it took.
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 25 } = {}): Promise<number> {
  await expect(target).toBeVisible();
  const key = back ? 'Shift+Tab' : 'Tab';
  const stops: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    try {
      stops.push((await expectFocusVisible(page, key)).what);
    } catch (e) {
      throw new Error(`Tabbing to ${target}, after the stops ${stops.join(', ') || '(none)'}: ${(e as Error).message}`);
    }
    if (await isFocused(target)) return i;
  }
  throw new Error(`${target} not reached within ${max} ${key} presses; stops: ${stops.join(', ')}`);
}

/** Presses `key` on whatever has focus (the page's keyboard, as a person would), then checks focus is still visible. */
export async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await expectFocusVisible(page, key);
}
