import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMessagesFile, shippedMessages } from '../../../scripts/shipped-messages';

describe('shippedMessages', () => {
  it('keeps what the browser reads and drops what translators read', () => {
    const shipped = shippedMessages({
      plain: { message: 'Save to Clio', description: 'The dialog title.' },
      withPlaceholder: {
        message: 'Signed in as $NAME$',
        description: 'Who is signed in.',
        placeholders: { name: { content: '$1', example: 'Ada Lovelace' } },
      },
    });
    expect(shipped).toEqual({
      plain: { message: 'Save to Clio' },
      withPlaceholder: { message: 'Signed in as $NAME$', placeholders: { name: { content: '$1' } } },
    });
  });

  it('keeps every message of the real file, with the same words and placeholders', () => {
    const source = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));
    const shipped = shippedMessages(source);
    expect(Object.keys(shipped)).toEqual(Object.keys(source));
    for (const [key, value] of Object.entries(shipped)) {
      expect(value.message).toBe(source[key].message);
      expect(Object.keys(value.placeholders ?? {})).toEqual(Object.keys(source[key].placeholders ?? {}));
    }
    expect(JSON.stringify(shipped).length).toBeLessThan(JSON.stringify(source).length / 1.5);
  });

  it('knows a locale messages file from other public files', () => {
    expect(isMessagesFile('_locales/en/messages.json')).toBe(true);
    expect(isMessagesFile('_locales/fr/messages.json')).toBe(true);
    expect(isMessagesFile('icon/16.png')).toBe(false);
    expect(isMessagesFile('popup.html')).toBe(false);
  });
});
