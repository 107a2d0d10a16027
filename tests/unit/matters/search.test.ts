import { describe, expect, it } from 'vitest';
import { fold, queryWords } from '@/lib/matters/fold';
import { fromClio, MATTER_SYNC_FIELDS } from '@/lib/matters/matter';
import { rowOf } from '@/lib/matters/matter';
import { createMatterIndex, type MatterIndex, openPackedIndex } from '@/lib/matters/search';
import { matter } from './fixtures';

describe('fold', () => {
  it.each([
    ['Zoë', 'zoe'],
    ['Łódź', 'lodz'],
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
    ['Æsir', 'aesir'],
    ['Søren', 'soren'],
    ['Åberg', 'aberg'],
    ['Hernández', 'hernandez'],
    ['Wiśniewski', 'wisniewski'],
    ['ŒUVRE', 'oeuvre'],
    ['ﬁle', 'file'],
    ['İstanbul', 'istanbul'],
    ['e\u0301', 'e'],
    ['plain ascii 123', 'plain ascii 123'],
  ])('%s → %s', (input, out) => expect(fold(input)).toBe(out));

  it('splits queries into words of letters and digits', () => {
    expect(queryWords("  00042-Okafor  O'Connor, Łódź ")).toEqual(['00042', 'okafor', 'o', 'connor', 'lodz']);
    expect(queryWords('<>!! ')).toEqual([]);
  });
});

describe('fromClio', () => {
  it('maps snake_case JSON and tolerates missing associations', () => {
    expect(MATTER_SYNC_FIELDS).toContain('client{id,name,primary_email_address,secondary_email_address,primary_phone_number,secondary_phone_number}');
    expect(MATTER_SYNC_FIELDS).toContain(',client_reference,');
    expect(MATTER_SYNC_FIELDS).toContain(',currency{code}');
    expect(
      fromClio({
        id: 7,
        number: 42,
        display_number: '00042-Okafor',
        description: 'Okafor v. Harlan',
        status: 'Pending',
        open_date: '2023-02-01',
        last_activity_date: '2024-05-06',
        updated_at: '2024-05-06T10:00:00-04:00',
        client_reference: ' REF-12 ',
        client: {
          id: 9,
          name: 'Chidi Okafor',
          primary_email_address: 'chidi@example.com',
          secondary_email_address: null,
          primary_phone_number: '(617) 555-0142',
          secondary_phone_number: '(617) 555-0142',
        },
        responsible_attorney: { id: 1001, name: 'Margaret Whitfield' },
        practice_area: { id: 3, name: 'Employment' },
        currency: { code: 'EUR' },
      }),
    ).toEqual({
      id: 7,
      displayNumber: '00042-Okafor',
      number: 42,
      description: 'Okafor v. Harlan',
      status: 'Pending',
      clientId: 9,
      clientName: 'Chidi Okafor',
      responsibleAttorneyId: 1001,
      responsibleAttorneyName: 'Margaret Whitfield',
      practiceArea: 'Employment',
      openDate: '2023-02-01',
      lastActivityDate: '2024-05-06',
      updatedAt: '2024-05-06T10:00:00-04:00',
      clientReference: 'REF-12',
      clientEmails: ['chidi@example.com'],
      clientPhones: ['(617) 555-0142'],
      currency: 'EUR',
    });
    expect(fromClio({ id: 8, client: null, responsible_attorney: null, currency: null })).toEqual({
      id: 8,
      displayNumber: '',
      number: null,
      description: '',
      status: 'Open',
      clientId: null,
      clientName: '',
      responsibleAttorneyId: null,
      responsibleAttorneyName: '',
      practiceArea: '',
      openDate: null,
      lastActivityDate: null,
      updatedAt: '',
      clientReference: '',
      clientEmails: [],
      clientPhones: [],
      currency: '',
    });
  });
});

const FIRM = [
  matter({
    id: 1,
    number: 42,
    displayNumber: '00042-Okafor',
    description: 'Okafor v. Harlan Logistics — wrongful termination',
    clientName: 'Chidi Okafor',
    lastActivityDate: '2024-03-01',
  }),
  matter({ id: 2, number: 420, displayNumber: '00420-Smith', description: 'Smith — will and trust', clientName: 'John Smith', lastActivityDate: '2024-06-01' }),
  matter({
    id: 3,
    number: 7,
    displayNumber: '00007-Smithson',
    description: 'Smithson — divorce',
    clientName: 'Ava Smithson',
    status: 'Pending',
    lastActivityDate: '2024-07-01',
  }),
  matter({ id: 4, number: 8, displayNumber: '00008-Muller', description: 'Müller — probate', clientName: 'Zoë Müller', lastActivityDate: '2024-01-01' }),
  matter({
    id: 5,
    number: 9,
    displayNumber: '00009-Kowalski',
    description: 'Purchase of 12 Elm St',
    clientName: 'Łukasz Kowalski',
    status: 'Closed',
    lastActivityDate: '2024-08-01',
  }),
  matter({ id: 6, number: 10, displayNumber: '00010-Lodz', description: 'Łódź Holdings — asset purchase', clientName: 'Łódź Holdings Sp. z o.o.' }),
  matter({
    id: 7,
    number: 11,
    displayNumber: '00011-OConnor',
    description: "O'Connor — H-1B petition",
    clientName: "Siobhán O'Connor",
    lastActivityDate: '2023-01-01',
  }),
  matter({ id: 8, number: 12, displayNumber: '00012-XSS', description: '<img src=x onerror=alert(1)>', clientName: 'Mallory Hacker' }),
  matter({
    id: 9,
    number: 13,
    displayNumber: '00013-Smith',
    description: 'Smith v. Beacon Insurance Co. — auto accident',
    clientName: 'Mary Smith',
    status: 'Closed',
    lastActivityDate: '2024-09-01',
  }),
  matter({
    id: 10,
    number: 14,
    displayNumber: '00014-Smith',
    description: 'Smith — slip and fall',
    clientName: 'Mary Smith',
    lastActivityDate: '2022-01-01',
    updatedAt: '2024-01-02T00:00:00Z',
  }),
  matter({
    id: 11,
    number: 15,
    displayNumber: '00015-Smith',
    description: 'Smith — dog bite',
    clientName: 'Mary Smith',
    lastActivityDate: '2022-01-01',
    updatedAt: '2024-01-03T00:00:00Z',
    responsibleAttorneyId: 1002,
  }),
];
const ALL = ['Open', 'Pending', 'Closed'] as const;
/** The same firm three ways: built, packed and opened, and a packed half with the rest (and changes) beside it. */
function packedHalf(): MatterIndex {
  const stale = FIRM.slice(0, 7).map((m) => ({ ...m, description: `${m.description} obsolete`, status: 'Closed' as const }));
  const idx = openPackedIndex(createMatterIndex([...stale, matter({ id: 99, description: 'Gone soon' })]).pack());
  idx.upsert(FIRM); // the first seven replace their base versions; the rest go beside the base
  idx.remove([99]);
  return idx;
}
const INDEXES: Array<[string, () => MatterIndex]> = [
  ['built', () => createMatterIndex(FIRM)],
  ['packed', () => openPackedIndex(createMatterIndex(FIRM).pack())],
  ['packed base with changes', packedHalf],
  ['packed again', () => openPackedIndex(packedHalf().pack())],
];

describe.each(INDEXES)('search (%s)', (_kind, make) => {
  const index = make();
  const ids = (q: string, opts = {}) => index.search(q, opts).map((m) => m.id);

  it.each<[string, string, Record<string, unknown>, number[]]>([
    // Exact number first, then by quality; numbers as prefixes.
    ['exact number first, then number prefixes', '42', {}, [1, 2]],
    ['padded number is exact', '00042', {}, [1]],
    ['display number, any separator', '00042 okafor', {}, [1]],
    ['display number as typed', '00042-Okafor', {}, [1]],
    ['number prefix', '0004', {}, [1]],
    ['exact number beats prefix of other numbers', '420', {}, [2]],
    ['prefix of a word', 'okaf', {}, [1]],
    ['prefix', 'smi', {}, [2, 11, 10, 3]],
    ['exact word beats prefix, then open before pending', 'smith', {}, [2, 11, 10, 3]],
    ['pending after open at equal quality', 'smithson', {}, [3]],
    // Typos (one edit on words ≥ 4 letters).
    ['transposition', 'Smtih', {}, [2, 11, 10, 3]],
    ['deletion', 'Okafr', {}, [1]],
    ['insertion', 'Okaffor', {}, [1]],
    ['substitution', 'Okafer', {}, [1]],
    ['typo of a prefix', 'Smithsn', {}, [3]],
    ['no typos under 4 letters', 'smt', {}, []],
    ['exact beats typo', 'holdings', {}, [6]],
    // Diacritics both ways.
    ['Zoe → Zoë', 'Zoe', {}, [4]],
    ['Muller → Müller', 'Muller', {}, [4]],
    ['lodz → Łódź', 'lodz', {}, [6]],
    ['diacritics in the query', 'Łukasz', { statuses: ALL }, [5]],
    ['Siobhan', 'siobhan', {}, [7]],
    // Client names and multi-word (AND).
    ['client first name', 'chidi', {}, [1]],
    ['multi-word across fields', 'smith dog', {}, [11]],
    ['multi-word, every word must match', 'smith harlan', {}, []],
    ['multi-word with typo', 'mary slpi', {}, [10]],
    ['apostrophes', "o'connor", {}, [7]],
    ['apostrophes dropped', 'oconnor', {}, [7]],
    ['hyphenated code', 'h1b', {}, [7]],
    // Status filter and order; My matters.
    ['closed hidden by default', 'kowalski', {}, []],
    ['closed included on request; match quality before status', 'smith', { statuses: ALL }, [2, 11, 10, 9, 3]],
    ['only closed', 'smith', { statuses: ['Closed'] }, [9]],
    ['my matters', 'smith', { responsibleAttorneyId: 1002 }, [11]],
    ['limit', 'smith', { limit: 2 }, [2, 11]],
    ['recency: lastActivityDate, then updatedAt', 'mary', {}, [11, 10]],
    // Hostile strings are text.
    ['html is searchable text', '<img src=x onerror=alert(1)>', {}, [8]],
    ['html words', 'onerror', {}, [8]],
  ])('%s: %s', (_what, q, opts, expected) => {
    expect(ids(q, opts)).toEqual(expected);
  });

  it('a query of punctuation only is an empty query', () => {
    expect(ids('<>"\'&; —')).toEqual(ids(''));
  });

  it('empty query lists recent matters first, filtered', () => {
    expect(ids('')).toEqual([3, 2, 1, 4, 7, 11, 10, 8, 6]);
    expect(ids('', { statuses: ['Closed'] })).toEqual([9, 5]);
    expect(ids('   ', { responsibleAttorneyId: 1002 })).toEqual([11]);
  });

  it('rounds the limit down, and returns nothing for a limit under one', () => {
    expect(ids('smith', { limit: 2.9 })).toEqual([2, 11]);
    expect(ids('smith', { limit: 0.5 })).toEqual([]);
    expect(ids('', { limit: -3 })).toEqual([]);
  });

  it('returns the matters’ rows, text as it was', () => {
    expect(index.search('xss')[0]).toEqual(rowOf(FIRM[7]!));
    expect(index.search('xss')[0]!.description).toBe('<img src=x onerror=alert(1)>');
    expect(index.size).toBe(FIRM.length);
    expect(index.get(FIRM[3]!.id)).toEqual(rowOf(FIRM[3]!));
    expect(index.get(99)).toBeUndefined();
    expect(index.ids().sort((a, b) => a - b)).toEqual(FIRM.map((m) => m.id).sort((a, b) => a - b));
  });
});

describe('incremental index', () => {
  it('upserts, replaces and removes', () => {
    const idx = createMatterIndex(FIRM.slice(0, 3));
    expect(idx.size).toBe(3);
    expect(idx.search('okafor').map((m) => m.id)).toEqual([1]);
    idx.upsert([{ ...FIRM[0]!, description: 'Renamed — trademark registration', clientName: 'Ngozi Adeyemi' }]);
    expect(idx.size).toBe(3);
    expect(idx.search('okafor').map((m) => m.id)).toEqual([1]); // still in the display number
    expect(idx.search('chidi')).toEqual([]);
    expect(idx.search('trademark').map((m) => m.id)).toEqual([1]);
    expect(idx.search('adeyemi').map((m) => m.id)).toEqual([1]);
    idx.upsert([FIRM[3]!]);
    expect(idx.search('zoe').map((m) => m.id)).toEqual([4]);
    idx.remove([1, 999]);
    expect(idx.size).toBe(3);
    expect(idx.search('okafor')).toEqual([]);
    expect(idx.get(1)).toBeUndefined();
    expect(idx.ids().sort()).toEqual([2, 3, 4]);
    // Status change re-ranks.
    idx.upsert([{ ...FIRM[2]!, status: 'Closed' }]);
    expect(idx.search('smith').map((m) => m.id)).toEqual([2]);
  });

  it('removing many rebuilds and stays consistent', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      matter({ id: 1000 + i, number: 1000 + i, description: `Matter ${i} alpha`, clientName: `Client ${i % 7}` }),
    );
    const idx = createMatterIndex(many);
    idx.remove(many.slice(0, 200).map((m) => m.id));
    expect(idx.size).toBe(100);
    expect(idx.search('alpha', { limit: 500 })).toHaveLength(100);
    idx.upsert([many[0]!]);
    expect(idx.search('1000').map((m) => m.id)).toEqual([1000]);
  });

  it('reuses freed slots without leaking old postings', () => {
    const idx = createMatterIndex([FIRM[0]!]);
    idx.remove([1]);
    idx.upsert([FIRM[1]!]);
    expect(idx.search('okafor')).toEqual([]);
    expect(idx.search('smith').map((m) => m.id)).toEqual([2]);
  });
});

describe('an exact display number of letters alone', () => {
  const firm = [
    matter({ id: 1, displayNumber: 'ALPHA', number: null, description: 'Retainer', lastActivityDate: '2020-01-01' }),
    matter({ id: 2, displayNumber: '00002-Beta', description: 'Alpha Corp — merger', lastActivityDate: '2025-01-01' }),
    matter({ id: 3, displayNumber: '00003-Gamma', description: 'Alpha Corp — lease', lastActivityDate: '2025-02-01' }),
  ];
  it.each<[string, () => MatterIndex]>([
    ['built', () => createMatterIndex(firm)],
    ['packed', () => openPackedIndex(createMatterIndex(firm).pack())],
    [
      'added beside a packed base',
      () => {
        const idx = openPackedIndex(createMatterIndex(firm.slice(1)).pack());
        idx.upsert([firm[0]!]);
        return idx;
      },
    ],
  ])('ranks first, however the index was made (%s)', (_kind, make) => {
    expect(
      make()
        .search('alpha')
        .map((m) => m.id),
    ).toEqual([1, 3, 2]);
  });

  it('without one, a query without digits is never an exact match (and costs no key comparison)', () => {
    const idx = openPackedIndex(createMatterIndex(firm.slice(1)).pack());
    expect(idx.pack().digitlessKeys).toBe(false);
    expect(createMatterIndex(firm).pack().digitlessKeys).toBe(true);
  });
});
