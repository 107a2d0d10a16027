/**
 * GENERATED — a trimmed copy of libphonenumber-js/metadata.min.json (v1.13.16).
 * Kept: the countries in PHONE_COUNTRIES; per country only the fields parsing and
 * validation read (calling code, IDD prefix, national-number pattern, possible lengths,
 * national prefix / prefix-for-parsing rules, leading digits). Dropped: formats and
 * per-type patterns (so isValid() checks the general national-number pattern only).
 * Numbers written with "+<calling code>" for other countries are still accepted by
 * phones.ts with a generic E.164 length check.
 * tests/unit/page-reading/phones.test.ts fails when this drifts from the installed package.
 * Regenerate (from the repo root), keeping the list in PHONE_COUNTRIES:
 *   node -e 'const m=require("libphonenumber-js/metadata.min.json"),C=process.argv[1].split(","),o={version:m.version,country_calling_codes:{},countries:{}};
 *     for(const[k,l]of Object.entries(m.country_calling_codes)){const f=l.filter(c=>C.includes(c));if(f.length)o.country_calling_codes[k]=f}
 *     for(const c of C){const x=m.countries[c].slice(0,11);x[4]=0;while(x.length&&!x[x.length-1])x.pop();o.countries[c]=x}
 *     console.log(JSON.stringify(o))' US,CA,GB,...
 */
import type { MetadataJson } from 'libphonenumber-js/core';

export const PHONE_COUNTRIES = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'CH', 'AT', 'MX', 'IN'] as const;

export const PHONE_METADATA = {
  version: 4,
  country_calling_codes: {
    '1': ['US', 'CA'],
    '31': ['NL'],
    '32': ['BE'],
    '33': ['FR'],
    '34': ['ES'],
    '39': ['IT'],
    '41': ['CH'],
    '43': ['AT'],
    '44': ['GB'],
    '49': ['DE'],
    '52': ['MX'],
    '61': ['AU'],
    '64': ['NZ'],
    '91': ['IN'],
    '353': ['IE'],
  },
  countries: {
    US: ['1', '011', '[2-9]\\d{9}|3\\d{6}', [10], 0, '1'],
    CA: ['1', '011', '[2-9]\\d{9}|3\\d{6}', [7, 10], 0, '1'],
    GB: ['44', '00', '[1-357-9]\\d{9}|[18]\\d{8}|8\\d{6}', [7, 9, 10], 0, '0', 0, '0|180020'],
    IE: ['353', '00', '(?:1\\d|[2569])\\d{6,8}|4\\d{6,9}|7\\d{8}|8\\d{8,9}', [7, 8, 9, 10], 0, '0'],
    AU: [
      '61',
      '001[14-689]|14(?:1[14]|34|4[17]|[56]6|7[47]|88)0011',
      '1(?:[0-79]\\d{7}(?:\\d(?:\\d{2})?)?|8[0-24-9]\\d{7})|[2-478]\\d{8}|1\\d{4,7}',
      [5, 6, 7, 8, 9, 10, 12],
      0,
      '0',
      0,
      '(183[12])|0',
    ],
    NZ: ['64', '0(?:0|161)', '[1289]\\d{9}|50\\d{5}(?:\\d{2,3})?|[27-9]\\d{7,8}|(?:[34]\\d|6[0-35-9])\\d{6}|8\\d{4,6}', [5, 6, 7, 8, 9, 10], 0, '0'],
    FR: ['33', '00', '[1-9]\\d{8}', [9], 0, '0'],
    DE: [
      '49',
      '00',
      '[2579]\\d{5,14}|49(?:[34]0|69|8\\d)\\d\\d?|49(?:37|49|60|7[089]|9\\d)\\d{1,3}|49(?:2[024-9]|3[2-689]|7[1-7])\\d{1,8}|(?:1|[368]\\d|4[0-8])\\d{3,13}|49(?:[015]\\d|2[13]|31|[46][1-8])\\d{1,9}',
      [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
      0,
      '0',
    ],
    ES: ['34', '00', '400\\d{6}|(?:51|[6-9]\\d)\\d{7}', [9]],
    IT: ['39', '00', '0\\d{5,11}|1\\d{8,10}|3(?:[0-8]\\d{7,10}|9\\d{7,8})|(?:43|55|70)\\d{8}|8\\d{5}(?:\\d{2,4})?', [6, 7, 8, 9, 10, 11, 12]],
    NL: ['31', '00', '(?:[124-7]\\d\\d|3(?:[02-9]\\d|1[0-8]))\\d{6}|8\\d{6,9}|9\\d{6,10}|1\\d{4,5}', [5, 6, 7, 8, 9, 10, 11], 0, '0'],
    BE: ['32', '00', '4\\d{8}|[1-9]\\d{7}', [8, 9], 0, '0'],
    CH: ['41', '00', '8\\d{11}|[2-9]\\d{8}', [9, 12], 0, '0'],
    AT: [
      '43',
      '00',
      '1\\d{3,12}|2\\d{6,12}|43(?:(?:0\\d|5[02-9])\\d{3,9}|2\\d{4,5}|[3467]\\d{4}|8\\d{4,6}|9\\d{4,7})|5\\d{4,12}|8\\d{7,12}|9\\d{8,12}|(?:[367]\\d|4[0-24-9])\\d{4,11}',
      [4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      0,
      '0',
    ],
    MX: ['52', '0[09]', '[2-9]\\d{9}', [10]],
    IN: ['91', '00', '(?:000800|[2-9]\\d\\d)\\d{7}|1\\d{7,12}', [8, 9, 10, 11, 12, 13], 0, '0'],
  },
} as unknown as MetadataJson;
