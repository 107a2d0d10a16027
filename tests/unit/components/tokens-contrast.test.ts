/**
 * Every colour pair components/tokens.css defines is read against WCAG 2.2 AA, in both themes: 4.5:1 for text on its
 * background, 3:1 for the lines of controls and the focus ring (1.4.11 non-text contrast).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../components/tokens.css', import.meta.url), 'utf8');

function tokensOf(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) out[m[1]!] = m[2]!.toLowerCase();
  return out;
}

const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const light = tokensOf(css.slice(0, darkAt));
const dark = { ...light, ...tokensOf(css.slice(darkAt)) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text read on a background: [text, background]. */
const TEXT: Array<[string, string]> = [
  ...['fg', 'muted', 'accent', 'ok', 'bad', 'warn-fg'].flatMap(
    (fg): Array<[string, string]> => ['bg', 'panel', 'head', 'field', 'hover', 'selected'].map((bg): [string, string] => [fg, bg]),
  ),
  ['accent-fg', 'accent'],
  ['accent-fg', 'accent-hover'],
  ['ok-fg', 'ok'],
  ['fg', 'warn-bg'],
  ['warn-fg', 'warn-bg'],
  ['chip-fg', 'chip-bg'],
  ['chip-open-fg', 'chip-open-bg'],
  ['chip-pending-fg', 'chip-pending-bg'],
  ['chip-bad-fg', 'chip-bad-bg'],
  ['chip-clio-fg', 'chip-clio-bg'],
  ['muted', 'chip-bg'],
];
/** A control's edge or the focus ring against what is around it. */
const EDGES: Array<[string, string]> = [
  ['line-strong', 'bg'],
  ['line-strong', 'field'],
  ['line-strong', 'panel'],
  ['accent', 'bg'],
  ['accent', 'panel'],
  ['accent', 'field'],
  ['bad', 'field'],
  ['warn-line', 'warn-bg'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('design tokens, %s theme', (_theme, tokens) => {
  it('defines every colour the pairs name', () => {
    for (const [a, b] of [...TEXT, ...EDGES]) {
      expect(tokens[a], a).toMatch(/^#/);
      expect(tokens[b], b).toMatch(/^#/);
    }
  });
  it.each(TEXT)('text --%s on --%s is at least 4.5:1', (fg, bg) => {
    expect(contrast(tokens[fg]!, tokens[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(EDGES)('edge --%s against --%s is at least 3:1', (edge, bg) => {
    expect(contrast(tokens[edge]!, tokens[bg]!)).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast', () => {
  it('matches WCAG for black on white and a known grey', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
