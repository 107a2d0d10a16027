import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../../lib/page-reading/phone-format';
import { phoneToE164 } from '../../../lib/page-reading/phones';

describe('formatPhone', () => {
  it.each([
    ['a US number for a US firm', '+16175550142', 'US', '(617) 555-0142'],
    ['a Canadian number for a US firm (same plan, dialled alike)', '+14165550199', 'US', '(416) 555-0199'],
    ['a US number for a Canadian firm', '+16175550142', 'CA', '(617) 555-0142'],
    ['a UK number for a UK firm', '+442079460958', 'GB', '020 7946 0958'],
    ['a UK number for a US firm', '+442079460958', 'US', '+44 20 7946 0958'],
    ['a US number for a UK firm', '+16175550142', 'GB', '+1 617 555 0142'],
    ['an Australian mobile for an Australian firm', '+61412345678', 'AU', '0412 345 678'],
    ['a French number for a Canadian firm', '+33142685300', 'CA', '+33 1 42 68 53 00'],
    ['a German number for a German firm', '+4930901820', 'DE', '030 901820'],
  ] as const)('%s', (_case, e164, home, shown) => {
    expect(formatPhone(e164, home)).toBe(shown);
  });

  it('reads back to the same number', () => {
    for (const [e164, home] of [
      ['+16175550142', 'US'],
      ['+442079460958', 'GB'],
      ['+442079460958', 'US'],
      ['+61412345678', 'AU'],
    ] as const)
      expect(phoneToE164(formatPhone(e164, home), home)).toBe(e164);
  });

  it('keeps a number of a country it has no formats for, or not a number, as given', () => {
    expect(formatPhone('+81312345678', 'US')).toBe('+81312345678');
    expect(formatPhone('+1555', 'US')).toBe('+1555');
    expect(formatPhone('not a phone', 'US')).toBe('not a phone');
  });

  it('without a firm country, writes every number internationally', () => {
    expect(formatPhone('+16175550142', undefined)).toBe('+1 617 555 0142');
  });
});
