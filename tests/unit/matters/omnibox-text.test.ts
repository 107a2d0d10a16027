import { describe, expect, it } from 'vitest';
import { escapeXml, matterSuggestionText } from '@/lib/matters/omnibox-text';

describe('omnibox suggestion text', () => {
  it('escapes everything XML would read as markup', () => {
    expect(escapeXml(`<img src=x onerror="a()"> & 'b'`)).toBe('&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &apos;b&apos;');
  });
  it('marks the number and dims the client', () => {
    expect(matterSuggestionText({ displayNumber: '00042-Okafor', description: 'Okafor v. Harlan', clientName: 'Adaeze Okafor' })).toBe(
      '<match>00042-Okafor</match> Okafor v. Harlan <dim>— Adaeze Okafor</dim>',
    );
  });
});
