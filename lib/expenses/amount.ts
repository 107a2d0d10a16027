/**
 * Money as people type it into an expense (`12.50`, `$12.50`, `12,50` where a comma is the decimal mark,
 * `1,234.56`, `1.234,56`, `1 234,56`), and how an amount is shown with its currency. Pure: the caller
 * passes the decimal mark of the user's locale (`decimalMarkOf`). What is wrong is a phrase, said at the field.
 */
import { type Phrase, phrase } from '../phrase';

export type AmountResult = { ok: true; amount: number } | { ok: false; error: Phrase };

/** The largest amount one expense line may carry (a typo guard, not a Clio limit). */
export const MAX_AMOUNT = 10_000_000;

/** The decimal mark of a locale: ',' for fr or de, '.' for en. */
export function decimalMarkOf(locale: string | undefined): '.' | ',' {
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

/** Groups of three after the first 1–3 digits, with this separator: 1,234,567. */
const grouped = (s: string, sep: string) => new RegExp(`^\\d{1,3}(?:\\${sep}\\d{3})+$`).test(s);

/** The plain number (dot decimal) a person meant, or null when it cannot be read. */
function plain(s: string, mark: '.' | ','): string | null {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) {
    // Both: the last one is the decimal mark, the other groups thousands (1,234.56 or 1.234,56).
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, frac, ...rest] = s.split(decimal);
    if (rest.length || !grouped(whole!, group) || !/^\d+$/.test(frac!)) return null;
    return `${whole!.split(group).join('')}.${frac}`;
  }
  const sep = dots ? '.' : commas ? ',' : null;
  if (!sep) return /^\d+$/.test(s) ? s : null;
  if (dots + commas > 1) return grouped(s, sep) ? s.split(sep).join('') : null;
  const [whole, frac] = s.split(sep) as [string, string];
  if (!/^\d*$/.test(whole) || !/^\d+$/.test(frac)) return null;
  // One separator followed by exactly three digits groups thousands unless it is the locale's decimal mark.
  if (sep !== mark && frac.length === 3 && whole.length >= 1 && whole.length <= 3) return whole + frac;
  return `${whole || '0'}.${frac}`;
}

/** Reads an amount: a currency sign or code and spaces around or inside it are allowed; two decimals at most. */
export function parseAmount(input: string, mark: '.' | ',' = '.'): AmountResult {
  const s = input
    .trim()
    .replace(/^[A-Za-z]{3}\s*(?=[\d.,$€£¥₹])|(?<=[\d.,])\s*[A-Za-z]{3}$/g, '') // USD 12, 12 EUR
    .replace(/[\s\u00a0\u202f'’]/g, '') // 1 234,56 and 1'234.56
    .replace(/^[$€£¥₹]|[$€£¥₹]$/g, '')
    .replace(/^(?:CA|US|A|C|NZ|HK|S)\$/i, '');
  if (!s) return { ok: false, error: phrase('amountEmpty') };
  if (/^-/.test(s)) return { ok: false, error: phrase('amountPositive') };
  const text = plain(s, mark);
  if (text === null) return { ok: false, error: phrase('amountUnreadable', input.trim()) };
  if (/\.\d{3,}$/.test(text)) return { ok: false, error: phrase('amountTwoDecimals') };
  const amount = Number(text);
  if (!Number.isFinite(amount)) return { ok: false, error: phrase('amountUnreadable', input.trim()) };
  if (amount <= 0) return { ok: false, error: phrase('amountPositive') };
  if (amount > MAX_AMOUNT) return { ok: false, error: phrase('amountTooLarge') };
  return { ok: true, amount: Math.round(amount * 100) / 100 };
}

/** A quantity of units (1, 2.5, 2,5): above zero, up to 10,000. */
export function parseQuantity(input: string): number | null {
  const s = input.trim().replace(',', '.');
  if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(s)) return null;
  const q = Number(s);
  return q > 0 && q <= 10_000 ? q : null;
}

/** Amount × quantity, in cents rounded as a bill would round them. */
export const totalOf = (amount: number, quantity: number): number => Math.round(amount * quantity * 100) / 100;

/** Amount and quantity as typed in a form (the new expense, an edit in Today), read together. */
export interface Figures {
  /** The amount read, or null while the field is empty. */
  amount: AmountResult | null;
  /** The quantity (1 when empty), or null when it cannot be read. */
  quantity: number | null;
  /** Amount × quantity once both read. */
  total: number | null;
}

export function readFigures(amount: string, quantity: string, mark: '.' | ','): Figures {
  const a = amount.trim() ? parseAmount(amount, mark) : null;
  const q = quantity.trim() ? parseQuantity(quantity) : 1;
  return { amount: a, quantity: q, total: a?.ok && q !== null ? totalOf(a.amount, q) : null };
}

/** An amount with its currency in the user's locale ("$1,234.56", "1 234,56 €"); a bare number when the code is unknown. */
export function formatMoney(amount: number, currency: string | null | undefined, locale?: string): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      // an unknown code: fall through
    }
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}
