import { describe, expect, it } from 'vitest';
import { escapeXml, matterSuggestionText } from '@/lib/matters/omnibox-text';

const hostile = { displayNumber: '00007-Zebra', description: 'Zebra & <Sons> "dispute"', clientName: "O'Brien <Holdings>" };

describe('omnibox suggestion text', () => {
  it('escapes everything XML would read as markup', () => {
    expect(escapeXml(`<img src=x onerror="a()"> & 'b'`)).toBe('&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &apos;b&apos;');
  });

  describe('Chrome and Edge (XML)', () => {
    it('marks the number and dims the client', () => {
      expect(matterSuggestionText({ displayNumber: '00042-Okafor', description: 'Okafor v. Harlan', clientName: 'Adaeze Okafor' }, 'xml')).toBe(
        '<match>00042-Okafor</match> Okafor v. Harlan <dim>— Adaeze Okafor</dim>',
      );
    });
    it('escapes matter text from Clio', () => {
      expect(matterSuggestionText(hostile, 'xml')).toBe(
        '<match>00007-Zebra</match> Zebra &amp; &lt;Sons&gt; &quot;dispute&quot; <dim>— O&apos;Brien &lt;Holdings&gt;</dim>',
      );
    });
  });

  describe('Firefox (plain text)', () => {
    it('reads as the words themselves: no markup, no entities', () => {
      expect(matterSuggestionText({ displayNumber: '00042-Okafor', description: 'Okafor v. Harlan', clientName: 'Adaeze Okafor' }, 'plain')).toBe(
        '00042-Okafor Okafor v. Harlan — Adaeze Okafor',
      );
    });
    it('shows matter text from Clio as it is', () => {
      const text = matterSuggestionText(hostile, 'plain');
      expect(text).toBe(`00007-Zebra Zebra & <Sons> "dispute" — O'Brien <Holdings>`);
      expect(text).not.toMatch(/<match>|<dim>|&amp;|&lt;|&quot;|&apos;/);
    });
    it('leaves the client out when there is none', () => {
      expect(matterSuggestionText({ displayNumber: '00001-Solo', description: 'Estate planning', clientName: '' }, 'plain')).toBe('00001-Solo Estate planning');
    });
  });
});
