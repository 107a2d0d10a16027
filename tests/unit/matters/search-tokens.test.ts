import { describe, expect, it } from 'vitest';
import { Q_EXACT, Q_PREFIX, Q_TYPO } from '@/lib/matters/search-rank';
import { matterTokens, TokenIndex, typoTolerant } from '@/lib/matters/search-tokens';
import { matter } from './fixtures';

/** An index of slot i under tokens[i]. */
function indexOf(tokens: string[][]): TokenIndex {
  const ti = new TokenIndex();
  for (const [slot, t] of tokens.entries()) ti.index(slot, t);
  return ti;
}

/** Slot → best quality of the word's matches; each slot must be reported touched exactly once. */
function qualities(ti: TokenIndex, w: string): Record<number, number> {
  ti.sort();
  const best = new Uint8Array(32);
  const touched: number[] = [];
  ti.markWord(w, best, touched);
  const out: Record<number, number> = {};
  best.forEach((q, slot) => {
    if (q) out[slot] = q;
  });
  expect([...touched].sort((a, b) => a - b)).toEqual(Object.keys(out).map(Number));
  return out;
}

describe('matterTokens', () => {
  it('indexes the display number, number, description and client name, folded', () => {
    const tokens = matterTokens(matter({ displayNumber: '00011-OConnor', number: 11, description: "O'Connor — H-1B", clientName: 'Siobhán' }));
    expect(tokens).toEqual(['00011', 'oconnor', '11', 'o', 'connor', 'oconnor', 'h', '1b', 'h1b', 'siobhan']);
    expect(matterTokens(matter({ displayNumber: 'A', number: null, description: '' }))).toEqual(['a']);
  });
});

describe('typoTolerant', () => {
  it.each([
    ['smt', false],
    ['smth', true],
    ['1234', false],
    ['12a4', true],
  ])('%s → %s', (w, out) => expect(typoTolerant(w)).toBe(out));
});

describe('TokenIndex.markWord', () => {
  const ti = indexOf([['smith'], ['smithson'], ['smyth'], ['okafor'], ['williams', 'smith'], ['sm']]);

  it('grades exact over prefix, and keeps a slot’s best match', () => {
    expect(qualities(ti, 'smith')).toEqual({ 0: Q_EXACT, 1: Q_PREFIX, 2: Q_TYPO, 4: Q_EXACT });
    expect(qualities(ti, 'smi')).toEqual({ 0: Q_PREFIX, 1: Q_PREFIX, 4: Q_PREFIX });
  });

  it('allows one edit to words of four letters or more, against whole tokens and long prefixes', () => {
    expect(qualities(ti, 'smtih')).toEqual({ 0: Q_TYPO, 1: Q_TYPO, 4: Q_TYPO }); // transposition
    expect(qualities(ti, 'okafr')).toEqual({ 3: Q_TYPO }); // deletion
    expect(qualities(ti, 'okaffor')).toEqual({ 3: Q_TYPO }); // insertion
    expect(qualities(ti, 'okafer')).toEqual({ 3: Q_TYPO }); // substitution
    expect(qualities(ti, 'wiliam')).toEqual({ 4: Q_TYPO }); // insertion, against the prefix "william"
    expect(qualities(ti, 'smithsn')).toEqual({ 1: Q_TYPO }); // against the prefix "smithson"
  });

  it('allows no edit to short words, to numbers, or of two', () => {
    expect(qualities(ti, 'smt')).toEqual({});
    expect(qualities(ti, 'okfr')).toEqual({});
    expect(qualities(indexOf([['12345']]), '12354')).toEqual({});
    expect(qualities(indexOf([['12345']]), '1234')).toEqual({ 0: Q_PREFIX });
  });
});

describe('TokenIndex updates', () => {
  it('replaces a slot’s tokens, changing only those that came or went', () => {
    const ti = new TokenIndex();
    const before = ti.index(0, ['alpha', 'beta', 'alpha']);
    expect(before).toHaveLength(2);
    ti.index(1, ['beta']);
    ti.index(0, ['beta', 'gamma'], before);
    expect(qualities(ti, 'alpha')).toEqual({});
    expect(qualities(ti, 'beta')).toEqual({ 0: Q_EXACT, 1: Q_EXACT });
    expect(qualities(ti, 'gamma')).toEqual({ 0: Q_EXACT });
  });

  it('unindexes a slot', () => {
    const ti = new TokenIndex();
    const ids = ti.index(0, ['delta']);
    ti.index(1, ['delta']);
    ti.unindex(0, ids);
    expect(qualities(ti, 'delt')).toEqual({ 1: Q_PREFIX });
  });

  it('finds tokens added after a search, merged into the sorted tokens', () => {
    const ti = indexOf(Array.from({ length: 16 }, (_, i) => [`token${String(i).padStart(2, '0')}`]));
    expect(Object.keys(qualities(ti, 'tok'))).toHaveLength(16);
    ti.index(16, ['zebra']); // two pending tokens among 16: merged, not re-sorted
    ti.index(15, ['aardvark']);
    expect(qualities(ti, 'zebra')).toEqual({ 16: Q_EXACT });
    expect(qualities(ti, 'aard')).toEqual({ 15: Q_PREFIX });
    expect(qualities(ti, 'token15')[15]).toBe(Q_EXACT); // still there beside the merged ones
  });
});
