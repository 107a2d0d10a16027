/** Amounts as people type them, by the decimal mark of their locale. */
import { describe, expect, it } from 'vitest';
import { decimalMarkOf, formatMoney, parseAmount, parseQuantity, readFigures, totalOf } from '@/lib/expenses/amount';

const amount = (s: string, mark: '.' | ',' = '.') => {
  const r = parseAmount(s, mark);
  return r.ok ? r.amount : r.error.key;
};

describe('parseAmount', () => {
  it.each([
    ['12.50', '.', 12.5],
    ['$12.50', '.', 12.5],
    ['12.50 $', '.', 12.5],
    ['USD 12.50', '.', 12.5],
    ['CA$12.50', '.', 12.5],
    ['12,50', ',', 12.5],
    ['12,50 €', ',', 12.5],
    ['1,234.56', '.', 1234.56],
    ['1,234.56', ',', 1234.56],
    ['1.234,56', ',', 1234.56],
    ['1.234,56', '.', 1234.56],
    ['1 234,56', ',', 1234.56],
    ['1\u202f234,56', ',', 1234.56],
    ["1'234.56", '.', 1234.56],
    ['1,234', '.', 1234],
    ['1,234,567', '.', 1234567],
    ['1.234', ',', 1234],
    ['12', '.', 12],
    ['.5', '.', 0.5],
    ['0.75', '.', 0.75],
    ['12,5', '.', 12.5],
    ['12.5', ',', 12.5],
  ] as const)('%s with %s as the decimal mark is %s', (input, mark, expected) => {
    expect(amount(input, mark)).toBe(expected);
  });

  it.each([
    ['', 'amountEmpty'],
    ['   ', 'amountEmpty'],
    ['$', 'amountEmpty'],
    ['-5', 'amountPositive'],
    ['0', 'amountPositive'],
    ['0.00', 'amountPositive'],
    ['12.345', 'amountTwoDecimals'],
    ['abc', 'amountUnreadable'],
    ['12..5', 'amountUnreadable'],
    ['1,23,456', 'amountUnreadable'],
    ['1.234.56', 'amountUnreadable'],
    ['12.5.0', 'amountUnreadable'],
    ['1e5', 'amountUnreadable'],
    ['12 apples', 'amountUnreadable'],
    ['20000000', 'amountTooLarge'],
  ])('%j is refused (%s)', (input, key) => {
    expect(amount(input)).toBe(key);
  });

  it('a comma with three digits groups thousands in a dot locale and is decimal in a comma locale (then too precise)', () => {
    expect(amount('1,234', '.')).toBe(1234);
    expect(amount('1,234', ',')).toBe('amountTwoDecimals');
  });

  it('says the input it could not read', () => {
    const r = parseAmount(' 12..5 ');
    expect(r).toEqual({ ok: false, error: { key: 'amountUnreadable', subs: ['12..5'] } });
  });
});

describe('decimalMarkOf', () => {
  it('knows comma-decimal locales', () => {
    expect(decimalMarkOf('en-US')).toBe('.');
    expect(decimalMarkOf('fr-FR')).toBe(',');
    expect(decimalMarkOf('de-DE')).toBe(',');
    expect(decimalMarkOf('not a locale!')).toBe('.');
  });
});

describe('quantity and total', () => {
  it('reads a quantity above zero', () => {
    expect(parseQuantity('1')).toBe(1);
    expect(parseQuantity('2,5')).toBe(2.5);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
    expect(parseQuantity('x')).toBeNull();
    expect(parseQuantity('20000')).toBeNull();
  });
  it('multiplies in cents', () => {
    expect(totalOf(12.5, 3)).toBe(37.5);
    expect(totalOf(0.1, 3)).toBe(0.3);
    expect(totalOf(19.99, 1.5)).toBe(29.99);
  });
  it('shows the currency', () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toMatch(/^1\.234,50\s€$/);
    expect(formatMoney(12, null, 'en-US')).toBe('12.00');
    expect(formatMoney(12, 'nope', 'en-US')).toBe('12.00');
  });
});

describe('readFigures', () => {
  it('reads amount and quantity together: empty amount is no error yet, empty quantity is one', () => {
    expect(readFigures('', '', '.')).toEqual({ amount: null, quantity: 1, total: null });
    expect(readFigures('$12.50', '', '.')).toEqual({ amount: { ok: true, amount: 12.5 }, quantity: 1, total: 12.5 });
    expect(readFigures('12,50', '2,5', ',')).toEqual({ amount: { ok: true, amount: 12.5 }, quantity: 2.5, total: 31.25 });
    expect(readFigures('12', 'two', '.')).toMatchObject({ quantity: null, total: null });
    expect(readFigures('12..5', '1', '.')).toMatchObject({ amount: { ok: false }, total: null });
  });
});
