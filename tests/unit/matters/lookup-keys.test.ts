import { describe, expect, it } from 'vitest';
import { clientNameKey, displayNumberKey, emailKey, keysOfQuery, lookupKeysOf, normalisePhoneDigits, parseLookupKey } from '@/lib/matters/lookup-keys';
import { matter } from './fixtures';

describe('normalisePhoneDigits', () => {
  it.each([
    // North America: with or without the country code, however punctuated.
    ['(617) 555-0142', '6175550142'],
    ['617.555.0142', '6175550142'],
    ['+1 617 555 0142', '6175550142'],
    ['1-617-555-0142', '6175550142'],
    ['+16175550142', '6175550142'],
    ['001 617 555 0142', '6175550142'],
    // The UK, France, Australia, Germany: national (trunk 0) and international forms agree.
    ['020 7946 0958', '2079460958'],
    ['+44 20 7946 0958', '2079460958'],
    ['+44 (0)20 7946 0958', '2079460958'],
    ['0044 20 7946 0958', '2079460958'],
    ['01 23 45 67 89', '123456789'],
    ['+33 1 23 45 67 89', '123456789'],
    ['(02) 9374 4000', '293744000'],
    ['+61 2 9374 4000', '293744000'],
    ['030 123456', '30123456'],
    ['+49 30 123456', '30123456'],
    // Italy keeps its 0 after the country code; both forms drop it alike.
    ['+39 06 1234 5678', '612345678'],
    ['06 1234 5678', '612345678'],
    // Three-digit country codes.
    ['+353 1 234 5678', '12345678'],
    ['01 234 5678', '12345678'],
    // Extensions are not part of the number.
    ['(617) 555-0142 x12', '6175550142'],
    ['617-555-0142 ext. 12', '6175550142'],
    ['617-555-0142 extension 7', '6175550142'],
    ['617-555-0142 #3', '6175550142'],
    // Full-width digits (NFKC).
    ['６１７-５５５-０１４２', '6175550142'],
  ])('%s → %s', (text, digits) => {
    expect(normalisePhoneDigits(text)).toBe(digits);
  });

  it.each([[''], ['12345'], ['ext. 12'], ['call me'], ['1234567890123456789']])('%s is not a phone number', (text) => {
    expect(normalisePhoneDigits(text)).toBeNull();
  });

  it('is what a lookup compares: its output is its own key', () => {
    for (const text of ['(617) 555-0142', '+44 20 7946 0958', '01 23 45 67 89']) {
      const d = normalisePhoneDigits(text)!;
      expect(keysOfQuery({ phones: [d] })).toEqual([`p:${d}`]);
    }
  });
});

describe('the other keys', () => {
  it('emails: case, spaces and mailto: do not matter; a non-address is none', () => {
    expect(emailKey('  Chidi.Okafor@Example.COM ')).toBe('chidi.okafor@example.com');
    expect(emailKey('mailto:ann@example.org')).toBe('ann@example.org');
    expect(emailKey('not an email')).toBeNull();
    expect(emailKey('a@')).toBeNull();
  });

  it('display numbers and client references: letters and digits, case and punctuation aside', () => {
    expect(displayNumberKey('00042-Okafor')).toBe('00042okafor');
    expect(displayNumberKey('#00042 OKAFOR')).toBe('00042okafor');
    expect(displayNumberKey('Müller/2024')).toBe('muller2024');
    expect(displayNumberKey(' — ')).toBeNull();
  });

  it('client names: folded words', () => {
    expect(clientNameKey("Łukasz  O'Brien")).toBe('lukasz o brien');
    expect(clientNameKey('HARLAN Logistics, LLC')).toBe('harlan logistics llc');
  });
});

describe('lookupKeysOf', () => {
  it('every key of a matter, each once, prefixed by its kind', () => {
    const m = matter({
      description: 'x',
      displayNumber: '00042-Okafor',
      clientName: 'Chidi Okafor',
      clientReference: 'REF-1234',
      clientEmails: ['chidi@example.com', 'CHIDI@example.com'],
      clientPhones: ['(617) 555-0142', '+1 617 555 0142', 'n/a'],
    });
    expect(lookupKeysOf(m)).toEqual(['e:chidi@example.com', 'p:6175550142', 'd:00042okafor', 'r:ref1234', 'n:chidi okafor']);
    expect(lookupKeysOf(matter({ description: 'x', displayNumber: '7', clientName: '' }))).toEqual(['d:7']);
  });

  it('a query asks for the same keys, and a key reads back as its kind and value', () => {
    expect(
      keysOfQuery({
        emails: ['Chidi@Example.com', 'nope'],
        phones: ['6175550142', '(617) 555-0142'], // the second is not normalised: not a key
        displayNumbers: ['00042-OKAFOR'],
        clientReferences: ['ref 1234'],
        clientNames: ['Chidi  Okafor'],
      }),
    ).toEqual(['e:chidi@example.com', 'p:6175550142', 'd:00042okafor', 'r:ref1234', 'n:chidi okafor']);
    expect(parseLookupKey('p:6175550142')).toEqual({ kind: 'phone', value: '6175550142' });
    expect(parseLookupKey('x:1')).toBeNull();
  });
});
