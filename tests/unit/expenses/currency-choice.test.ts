import { describe, expect, it } from 'vitest';
import { currencyFor } from '@/lib/expenses/currency-choice';

describe('currency choice', () => {
  it('the matter’s own currency first', () => {
    expect(currencyFor('EUR', 'USD')).toBe('EUR');
  });

  it('the firm’s billing currency when the matter has none, or its code is not one', () => {
    expect(currencyFor(null, 'USD')).toBe('USD');
    expect(currencyFor(undefined, 'CAD')).toBe('CAD');
    expect(currencyFor('', 'USD')).toBe('USD');
    expect(currencyFor('euro', 'USD')).toBe('USD');
  });

  it('none when neither is known', () => {
    expect(currencyFor(null, null)).toBeNull();
    expect(currencyFor('', 'dollars')).toBeNull();
  });
});
