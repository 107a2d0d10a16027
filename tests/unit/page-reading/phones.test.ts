import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findPhonesInText, parseStructuredPhone, phoneToE164 } from '../../../lib/page-reading/phones';
import { PHONE_COUNTRIES, PHONE_METADATA } from '../../../lib/page-reading/phone-metadata';

describe('phones', () => {
  it.each([
    ['(555) 123-4567', 'US', '+15551234567'],
    ['555.123.4567', 'US', '+15551234567'],
    ['+1-555-123-4567', 'US', '+15551234567'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['+33 1 42 68 53 00', 'US', '+33142685300'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['(02) 9876 5432', 'AU', '+61298765432'],
    ['+81 3-1234-5678', 'US', '+81312345678'],
    ['+1 123 456 7890', 'US', null], // NANP area codes can't start with 1
    ['555-1234', 'US', null], // local-only
    ['+44 20 7946', 'US', null],
  ] as const)('phoneToE164(%s, %s) = %s', (input, country, expected) => {
    expect(phoneToE164(input, country)).toBe(expected);
  });

  it.each([
    ['reads the extension of a tel: URI', 'tel:+1-555-123-4567;ext=89', parseStructuredPhone, [{ e164: '+15551234567', ext: '89' }]],
    ['reads the extension of a structured value', '+1 555 123 4567 x 12', parseStructuredPhone, [{ e164: '+15551234567', ext: '12' }]],
    ['reads the extension in text', 'Office: 555-123-4567, ext. 200', findPhonesInText, [{ e164: '+15551234567', ext: '200' }]],
    ['skips fax numbers', 'Tel: +1 555 123 4567 | Fax: +1 555 123 4568', findPhonesInText, [{ e164: '+15551234567' }]],
  ] as const)('%s: %s', (_case, input, read, expected) => {
    expect(read(input, 'US')).toEqual(expected);
  });

  it('bundled metadata is an exact subset of the installed libphonenumber-js min metadata', () => {
    const require = createRequire(import.meta.url);
    const full = require('libphonenumber-js/metadata.min.json') as {
      version: number;
      countries: Record<string, unknown[]>;
    };
    const ours = PHONE_METADATA as unknown as { version: number; countries: Record<string, unknown[]> };
    expect(ours.version).toBe(full.version);
    for (const c of PHONE_COUNTRIES) {
      const a = ours.countries[c] ?? [];
      const b = full.countries[c] ?? [];
      // The same first 11 fields (the per-type patterns after them are dropped; see phone-metadata.ts).
      for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect([c, i, a[i] ?? 0]).toEqual([c, i, b[i] ?? 0]);
    }
  });
});
