import { describe, expect, it } from 'vitest';
import { keysOfQuery, lookupKeysOf, parseLookupKey } from '@/lib/matters/lookup-keys';
import type { IndexedMatter } from '@/lib/matters/matter';
import type { PageSignals } from '@/lib/page-reading/page-signals';
import { nameCandidates, queryOf, rankSuggestions } from '@/lib/suggestions/page-match';
import { remember, siteOf } from '@/lib/suggestions/site-memory';

const matter = (id: number, over: Partial<IndexedMatter> = {}): IndexedMatter => ({
  id,
  displayNumber: `${String(id).padStart(5, '0')}-Okafor`,
  number: id,
  description: `Matter ${id}`,
  status: 'Open',
  clientId: 1,
  clientName: 'Adaeze Okafor',
  responsibleAttorneyId: null,
  responsibleAttorneyName: '',
  practiceArea: '',
  openDate: null,
  lastActivityDate: '2026-01-01',
  updatedAt: '',
  clientReference: '',
  clientEmails: ['adaeze@okafordental.example'],
  clientPhones: ['(617) 555-0142'],
  currency: '',
  ...over,
});

const page = (over: Partial<PageSignals> = {}): PageSignals => ({
  url: 'https://mail.example.com/inbox/1',
  title: '',
  headings: [],
  emails: [],
  phones: [],
  ids: [],
  ...over,
});

/** What the store answers: every matter sharing a key with the query, and the keys it matched. */
function lookup(signals: PageSignals, matters: IndexedMatter[]) {
  const q = queryOf(signals);
  const asked = new Set(keysOfQuery(q));
  return matters
    .map((m) => ({
      matter: m,
      matched: lookupKeysOf(m)
        .filter((k) => asked.has(k))
        .map((k) => parseLookupKey(k)!),
    }))
    .filter((x) => x.matched.length);
}

describe('suggested for this page: what is asked, and the ranking', () => {
  it('asks for emails as written, phones as national digits, identifiers as numbers and references, names from the title', () => {
    const q = queryOf(
      page({ title: 'Re: Lease – Okafor, Adaeze', emails: ['Adaeze@OkaforDental.example'], phones: ['+1 (617) 555-0142', '12'], ids: ['00042-Okafor'] }),
    );
    expect(q.phones).toEqual(['6175550142']);
    expect(q.displayNumbers).toEqual(['00042-Okafor']);
    expect(q.clientReferences).toEqual(['00042-Okafor']);
    expect(q.clientNames).toContain('Adaeze Okafor'); // "Last, First" turned round
  });

  it('ranks a matter number above a client’s email, above a phone; says why; each kind counts once', () => {
    const a = matter(1, { lastActivityDate: '2026-03-01' });
    const b = matter(2, { clientEmails: [], clientPhones: [], clientName: 'Someone Else' });
    const c = matter(3, { clientEmails: ['other@example.org'], clientName: 'Third Person' });
    const signals = page({
      title: 'Matter 00002-Okafor – hearing',
      emails: ['adaeze@okafordental.example', 'ADAEZE@okafordental.example'],
      phones: ['617.555.0142'],
      ids: ['00002-Okafor'],
    });
    const ranked = rankSuggestions(signals, lookup(signals, [a, b, c]));
    expect(ranked.map((s) => s.matter.id)).toEqual([2, 1, 3]);
    expect(ranked[0]!.reasons.map((r) => r.key)).toEqual(['suggestReasonNumberTitle']);
    expect(ranked[1]!.reasons.map((r) => r.key)).toEqual(['suggestReasonEmail', 'suggestReasonPhone']);
    expect(ranked[2]!.reasons.map((r) => r.key)).toEqual(['suggestReasonPhone']);
  });

  it('breaks ties: open before pending before closed, then the most recently active, then by id', () => {
    const ms = [
      matter(5, { status: 'Closed', lastActivityDate: '2026-06-01' }),
      matter(4, { status: 'Pending', lastActivityDate: '2026-06-01' }),
      matter(3, { lastActivityDate: '2025-01-01' }),
      matter(2, { lastActivityDate: '2026-05-01' }),
      matter(1, { lastActivityDate: '2026-05-01' }),
    ];
    const signals = page({ emails: ['adaeze@okafordental.example'] });
    expect(rankSuggestions(signals, lookup(signals, ms), 10).map((s) => s.matter.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a near-miss is no match: another number, a phone one digit off, a name only half there', () => {
    const signals = page({ title: 'Adaeze', ids: ['00043-Okafor'], phones: ['(617) 555-0143'], emails: ['adaeze@okafordental.example.org'] });
    expect(rankSuggestions(signals, lookup(signals, [matter(42)]))).toEqual([]);
  });

  it('names come from runs of 2–4 words between separators', () => {
    expect(nameCandidates(['Inbox | Jane Smith – Lease'])).toEqual(expect.arrayContaining(['Jane Smith']));
    expect(nameCandidates(['One'])).toEqual([]);
  });
});

describe('per-site memory', () => {
  it('a site is the origin and the first path segment; only web pages have one', () => {
    expect(siteOf('https://mail.example.com/mail/u/0/#inbox')).toBe('https://mail.example.com/mail');
    expect(siteOf('https://court.example.gov/')).toBe('https://court.example.gov');
    expect(siteOf('chrome://settings')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('keeps the newest sites and forgets the oldest beyond the cap', () => {
    let all = {};
    for (let i = 0; i < 205; i++) all = remember(all, `https://s${i}.example`, { id: i, displayNumber: `${i}`, description: '' }, i);
    expect(Object.keys(all)).toHaveLength(200);
    expect(Object.keys(all)).not.toContain('https://s0.example');
    expect(Object.keys(all)).toContain('https://s204.example');
  });
});
