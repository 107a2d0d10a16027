import { describe, expect, it } from 'vitest';
import { extractLead } from '../../../lib/page-reading/extract-lead';
import type { ExtractedLead, FieldSource, PageFacts } from '../../../lib/page-reading/extract-lead';

function facts(p: Partial<PageFacts>): PageFacts {
  return { url: 'https://example.test/page', title: 'Page', selection: '', context: '', links: [], jsonLd: [], hCards: [], ...p };
}

/** One row of a snippet table: page facts in, the candidates expected out. */
interface Row {
  name: string;
  facts: Partial<PageFacts>;
  country?: 'US' | 'GB' | 'FR' | 'DE' | 'CA' | 'AU';
  /** Expected first candidate; null = no candidate at all. */
  first?: [string, string] | null;
  email?: string | null;
  phone?: string | null;
  ext?: string;
  nameSource?: FieldSource;
  emailSource?: FieldSource;
  phoneSource?: FieldSource;
  /** Full expected lists (values only), when ordering matters. */
  emails?: string[];
  phones?: string[];
  names?: Array<[string, string]>;
}

const ld = (o: unknown): string => JSON.stringify(o);

/** Emails and mailto:/tel: links (emails-links.ts). */
const emailsAndLinks: Row[] = [
  // ---------------------------------------------------------------- mailto: / tel: links
  {
    name: 'contact page with mailto and tel links',
    facts: {
      context: 'Contact Us\nCall our office or send us an email.',
      links: [
        { href: 'mailto:office@smithlaw.com?subject=Consultation', text: 'Email us' },
        { href: 'tel:+15551112222', text: 'Call (555) 111-2222' },
      ],
    },
    first: null,
    email: 'office@smithlaw.com',
    emailSource: 'mailto-link',
    phone: '+15551112222',
    phoneSource: 'tel-link',
  },
  {
    name: 'percent-encoded mailto with name in link text',
    facts: { links: [{ href: 'mailto:jane%40x.com?subject=Hello%20there', text: 'Jane Doe' }] },
    first: ['Jane', 'Doe'],
    nameSource: 'mailto-link',
    email: 'jane@x.com',
    emailSource: 'mailto-link',
  },
  {
    name: 'tel link with RFC 3966 extension',
    facts: { links: [{ href: 'tel:+1-555-123-4567;ext=89', text: 'Reception' }] },
    phone: '+15551234567',
    ext: '89',
    phoneSource: 'tel-link',
  },
  {
    name: 'markup in mailto link text and javascript: tricks',
    facts: {
      links: [
        { href: 'javascript:alert(1)//mailto:jane@x.com', text: 'Jane Doe' },
        { href: 'mailto:javascript:alert(1)@x.com', text: '<img src=x onerror=alert(1)>' },
        { href: 'mailto:%3Cscript%3E@x.com', text: 'Evil' },
      ],
    },
    first: null,
    email: null,
    phone: null,
  },
  {
    name: 'same email in link and selection is reported once, from the link',
    facts: { links: [{ href: 'mailto:Jane@X.com', text: 'jane@x.com' }], selection: 'Email jane@x.com or JANE@x.com' },
    emails: ['jane@x.com'],
    emailSource: 'mailto-link',
  },
  // ---------------------------------------------------------------- addresses in text
  {
    name: 'image names are not emails; trailing dot stripped',
    facts: { selection: 'logo@2x.png icon@3x.webp — write to help@firm.com.' },
    emails: ['help@firm.com'],
  },
];

/** JSON-LD and h-card / vCard (structured-data.ts). */
const structuredData: Row[] = [
  // ---------------------------------------------------------------- h-card / vCard
  {
    name: 'directory entry as h-card',
    facts: {
      hCards: [
        {
          'p-name': ['Marcus Whitaker'],
          'p-job-title': ['Associate'],
          'u-email': ['mailto:MWhitaker@firm.com'],
          'p-tel': ['+1 (555) 700-8000'],
          'p-org': ['Whitaker & Co'],
        },
      ],
    },
    first: ['Marcus', 'Whitaker'],
    nameSource: 'h-card',
    email: 'mwhitaker@firm.com',
    emailSource: 'h-card',
    phone: '+15557008000',
    phoneSource: 'h-card',
  },
  {
    name: 'h-card with given/family name parts keeps them as written',
    facts: {
      hCards: [{ 'p-given-name': ['Mary Ann'], 'p-family-name': ['McDonald'], 'p-name': ['Mary Ann McDonald'], 'u-email': ['mary@x.com'] }],
    },
    first: ['Mary Ann', 'McDonald'],
    email: 'mary@x.com',
  },
  {
    name: 'organisation h-card (p-name = p-org) gives no person name',
    facts: { hCards: [{ 'p-name': ['Smith Partners'], 'p-org': ['Smith Partners'], 'p-tel': ['555-303-4040'] }] },
    first: null,
    phone: '+15553034040',
  },
  {
    name: 'classic hCard "fn org" with given-name: an organisation still (its n is ignored), its email kept',
    facts: { hCards: [{ fn: ['Acme Bakery'], org: ['Acme Bakery'], 'given-name': ['Acme'], email: ['mailto:hi@acme.example'] }] },
    first: null,
    email: 'hi@acme.example',
  },
  {
    name: 'h-card given name without family name takes the surname from its p-name',
    facts: { hCards: [{ 'p-given-name': ['Jane'], 'p-name': ['Dr. Jane van Dyke'] }] },
    first: ['Jane', 'van Dyke'],
  },
  {
    name: 'vCard given name without family name takes the surname from its fn (suffix dropped)',
    facts: { hCards: [{ 'given-name': ['Tomás'], fn: ['Tomás Ortega, Esq.'] }] },
    first: ['Tomás', 'Ortega'],
  },
  {
    name: 'family name without given name takes the given name from the full name',
    facts: { hCards: [{ 'p-family-name': ['Okafor'], 'p-name': ['Ngozi Okafor'] }] },
    first: ['Ngozi', 'Okafor'],
  },
  {
    name: 'given name not next to the surname in the full name stays alone (Ann could be a middle name)',
    facts: { hCards: [{ 'p-given-name': ['Mary'], 'p-name': ['Mary Ann Smith'] }] },
    first: ['Mary', ''],
  },
  {
    name: 'JSON-LD restaurant: its name is no person in the selected text',
    facts: {
      jsonLd: [ld({ '@type': 'Restaurant', name: 'Mediterranean Wraps', telephone: '(650) 321-8189' })],
      selection: 'Mediterranean Wraps\n433 S California Ave, Palo Alto · (650) 321-8189',
    },
    first: null,
    phone: '+16503218189',
  },
  {
    name: 'JSON-LD firm a person works for: its name is no person in a mailto link',
    facts: {
      jsonLd: [ld({ '@type': 'Person', name: 'Liam Walsh', worksFor: { '@type': 'LegalService', name: 'Walsh Whitaker' } })],
      links: [{ href: 'mailto:info@walshwhitaker.example', text: 'Walsh Whitaker' }],
    },
    names: [['Liam', 'Walsh']],
    email: 'info@walshwhitaker.example',
  },
  {
    name: 'JSON-LD Attorney (often a person) does not refuse its name elsewhere',
    facts: { jsonLd: [ld({ '@type': 'Attorney', name: 'Jane Roe' })], links: [{ href: 'mailto:jane@roe.example', text: 'Jane Roe' }] },
    names: [['Jane', 'Roe']],
  },
  {
    name: 'markup in h-card name and From: line',
    facts: {
      hCards: [{ 'p-name': ['<script>alert(1)</script>'] }],
      selection: 'From: <img src=x onerror=alert(1)> <bad@example.com>',
    },
    first: null,
    email: 'bad@example.com',
  },
  // ---------------------------------------------------------------- JSON-LD
  {
    name: 'JSON-LD Person',
    facts: {
      jsonLd: [
        ld({ '@context': 'https://schema.org', '@type': 'Person', name: 'Dr. Emily Chen', email: 'mailto:emily@chenlaw.com', telephone: '(555) 321-7654' }),
      ],
    },
    first: ['Emily', 'Chen'],
    nameSource: 'json-ld',
    email: 'emily@chenlaw.com',
    emailSource: 'json-ld',
    phone: '+15553217654',
    phoneSource: 'json-ld',
  },
  {
    name: 'JSON-LD Organization with ContactPoint (org name is not a person)',
    facts: {
      jsonLd: [
        ld({
          '@context': 'https://schema.org',
          '@type': 'LegalService',
          name: 'Harbor Legal Group',
          telephone: '+1-555-800-1000',
          contactPoint: { '@type': 'ContactPoint', telephone: '+44 20 7946 0958', email: 'uk@harborlegal.com', contactType: 'customer service' },
        }),
      ],
    },
    first: null,
    emails: ['uk@harborlegal.com'],
    phones: ['+442079460958', '+15558001000'],
  },
  {
    name: 'JSON-LD @graph with employee/founder, Person ranked first',
    facts: {
      jsonLd: [
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'Organization', name: 'Acme', email: 'info@acme.com', founder: { '@type': 'Person', givenName: 'Zoë', familyName: "O'Neil" } },
            { '@type': 'Person', name: 'Liam Walsh', email: 'liam@acme.com', telephone: '555-444-1212' },
          ],
        }),
      ],
    },
    names: [
      ['Zoë', "O'Neil"],
      ['Liam', 'Walsh'],
    ],
    emails: ['liam@acme.com', 'info@acme.com'],
    phone: '+15554441212',
  },
  {
    name: 'malformed JSON-LD ignored, valid block still used',
    facts: { jsonLd: ['{"@type": "Person", "name": "Broken', ld([{ '@type': 'Person', name: 'Ana Souza', email: 'ana@souza.br' }])] },
    first: ['Ana', 'Souza'],
    email: 'ana@souza.br',
  },
  {
    name: 'markup in JSON-LD name is not a name',
    facts: { jsonLd: [ld({ '@type': 'Person', name: '<img src=x onerror=alert(1)>', email: 'x@evil.com' })] },
    first: null,
    email: 'x@evil.com',
  },
];

/** Names in free text (names.ts), with the emails and phones around them. */
const names: Row[] = [
  // ---------------------------------------------------------------- email signatures (US)
  {
    name: 'US email signature after "Best regards,"',
    facts: {
      selection: 'Hi,\n\nI was rear-ended last Tuesday and need advice.\n\nBest regards,\nMichael Thompson\n(555) 123-4567\nmike.thompson@gmail.com',
    },
    first: ['Michael', 'Thompson'],
    email: 'mike.thompson@gmail.com',
    phone: '+15551234567',
    nameSource: 'selection',
  },
  {
    name: 'signature with title line and pipes',
    facts: {
      selection: 'Thanks,\n\nSarah J. Whitfield\nOperations Manager | Acme Logistics Inc.\nDirect: 312.555.0198 | sarah.whitfield@acmelogistics.com',
    },
    first: ['Sarah J.', 'Whitfield'],
    email: 'sarah.whitfield@acmelogistics.com',
    phone: '+13125550198',
  },
  {
    name: '"--" signature separator, name after contact line ordering',
    facts: { selection: 'Please call me back.\n--\nDaniel Okafor\nCell: 555-987-6543' },
    first: ['Daniel', 'Okafor'],
    phone: '+15559876543',
    email: null,
  },
  {
    name: 'Sincerely with honorific and suffix',
    facts: { selection: 'Sincerely,\nDr. Robert King Jr.\nrking@kingdental.com\n555-222-3333' },
    first: ['Robert', 'King'],
    email: 'rking@kingdental.com',
    phone: '+15552223333',
  },
  {
    name: 'Esq. suffix after comma, fax excluded',
    facts: {
      selection: 'Regards,\nAmanda Price, Esq.\nPrice Legal PLLC\nTel: (555) 410-2020\nFax: (555) 410-2021\naprice@pricelegal.com',
    },
    first: ['Amanda', 'Price'],
    phones: ['+15554102020'],
    email: 'aprice@pricelegal.com',
  },
  // ---------------------------------------------------------------- email signatures (UK / EU)
  {
    name: 'UK solicitor signature with T:/M: labels',
    facts: {
      selection:
        "Kind regards,\n\nSiobhán O'Brien\nSolicitor | Harcourt & Lane LLP\nT: +44 20 7946 0958 | M: +44 7700 900123\nE: siobhan.obrien@harcourtlane.co.uk",
    },
    first: ['Siobhán', "O'Brien"],
    email: 'siobhan.obrien@harcourtlane.co.uk',
    phones: ['+442079460958', '+447700900123'],
  },
  {
    name: 'French signature "Cordialement" with national number and FR default',
    country: 'FR',
    facts: { selection: 'Cordialement,\nRenée Lefèvre\n01 42 68 53 00\nrenee.lefevre@cabinet.fr' },
    first: ['Renée', 'Lefèvre'],
    phone: '+33142685300',
    email: 'renee.lefevre@cabinet.fr',
  },
  {
    name: 'German signature with international number',
    facts: { selection: 'Mit freundlichen Grüßen\n\nJürgen Müller\nTel. +49 30 901820\njuergen.mueller@kanzlei.de' },
    first: ['Jürgen', 'Müller'],
    phone: '+4930901820',
    email: 'juergen.mueller@kanzlei.de',
  },
  {
    name: 'UK national number with GB default',
    country: 'GB',
    facts: { selection: 'Best wishes,\nOliver Bennett\n020 7946 0958' },
    first: ['Oliver', 'Bennett'],
    phone: '+442079460958',
  },
  // ---------------------------------------------------------------- contact forms
  {
    name: 'contact-form submission with labels',
    facts: {
      selection:
        'New submission from Contact Us\nName: Priya Raghunathan\nEmail: PRIYA.R@Example.COM\nPhone: 5551239876\nMessage: I need help with a custody matter.',
    },
    first: ['Priya', 'Raghunathan'],
    email: 'priya.r@example.com',
    phone: '+15551239876',
  },
  {
    name: 'form with First name / Last name fields',
    facts: { selection: 'First Name: Carlos\nLast Name: de la Cruz\nE-mail: carlos@delacruz.mx\nPhone: (555) 301-4400' },
    first: ['Carlos', 'de la Cruz'],
    email: 'carlos@delacruz.mx',
    phone: '+15553014400',
  },
  {
    name: 'copied form table: label on one line, value on the next',
    facts: { selection: 'Name\nAisha Bello\nEmail\naisha.bello@example.org\nPhone\n555-640-1188' },
    first: ['Aisha', 'Bello'],
    email: 'aisha.bello@example.org',
    phone: '+15556401188',
  },
  // ---------------------------------------------------------------- law-firm directory, chat transcript
  {
    name: 'law-firm directory entry (text block)',
    facts: { selection: 'Jane A. Doe\nPartner\nLitigation Group\nT: 212.555.0199\njane.doe@biglaw.com' },
    first: ['Jane A.', 'Doe'],
    email: 'jane.doe@biglaw.com',
    phone: '+12125550199',
  },
  {
    name: 'chat transcript',
    facts: {
      selection:
        "[10:32] Visitor: Hi, I'm Marcus Lee. I was in a car accident last week.\n[10:33] Agent (Sarah): Sorry to hear that. What's the best number to reach you?\n[10:33] Visitor: 312-555-0142, or email marcus.lee@gmail.com",
    },
    first: ['Marcus', 'Lee'],
    email: 'marcus.lee@gmail.com',
    phone: '+13125550142',
  },
  // ---------------------------------------------------------------- email headers
  {
    name: 'forwarded email header with quoted "Last, First"',
    facts: {
      selection:
        '---------- Forwarded message ---------\nFrom: "Smith, Jane" <Jane.Smith@Example.com>\nDate: Mon, Mar 4, 2024 at 9:15 AM\nSubject: Question about my lease\nTo: Intake Team <intake@firm.com>\n\nHello, my landlord kept my deposit.',
    },
    first: ['Jane', 'Smith'],
    emails: ['jane.smith@example.com', 'intake@firm.com'],
    phone: null,
  },
  {
    name: 'Outlook header: From: Name [mailto:…]',
    facts: { selection: 'From: Tomás Rivera [mailto:trivera@riveraco.com]\nSent: Tuesday, April 2, 2024 3:01 PM\nTo: Bob Lawyer' },
    first: ['Tomás', 'Rivera'],
    email: 'trivera@riveraco.com',
    phone: null,
  },
  {
    name: 'Name <email> inline',
    facts: { context: 'Please loop in Jane Smith <jane@smithco.com> on the next email.' },
    first: ['Jane', 'Smith'],
    nameSource: 'context',
    email: 'jane@smithco.com',
    emailSource: 'context',
  },
  // ---------------------------------------------------------------- introductions and name shapes
  {
    name: 'intro with particles and diacritics',
    facts: { selection: 'Good morning, this is Renée van der Berg from Utrecht.' },
    first: ['Renée', 'van der Berg'],
  },
  {
    name: "intro I'm with apostrophe surname",
    facts: { selection: "Hello! I'm Zoë O'Neil and I need a will." },
    first: ['Zoë', "O'Neil"],
  },
  {
    name: 'My name is — Spanish name, hyphenated surname',
    facts: { selection: 'My name is José García-López, my number is 555-310-2020.' },
    first: ['José', 'García-López'],
    phone: '+15553102020',
  },
  {
    name: 'single word name is a first name',
    facts: { selection: 'Thanks,\nBeyoncé\nbeyonce@example.com' },
    first: ['Beyoncé', ''],
    email: 'beyonce@example.com',
  },
  {
    name: 'honorific dropped in intro',
    facts: { selection: 'This is Mr. Kwame Mensah calling about my case.' },
    first: ['Kwame', 'Mensah'],
  },
  {
    name: 'all-caps heading is not a name',
    facts: { selection: 'CONTACT US\ninfo@example.com' },
    first: null,
    email: 'info@example.com',
  },
];

/** Phone numbers in free text (phones.ts). */
const phones: Row[] = [
  // ---------------------------------------------------------------- phone formats
  {
    name: 'US formats and extension',
    facts: { selection: 'Reach me at +1-555-123-4567 ext. 89' },
    phone: '+15551234567',
    ext: '89',
  },
  {
    name: 'international numbers in text (UK, FR)',
    facts: { selection: 'London office +44 20 7946 0958, Paris +33 1 42 68 53 00' },
    phones: ['+442079460958', '+33142685300'],
  },
  {
    name: 'international number outside bundled metadata (+81) still E.164',
    facts: { selection: 'Tokyo: +81 3-1234-5678' },
    phone: '+81312345678',
  },
  {
    name: 'dotted and parenthesised US numbers, two numbers on one line',
    facts: { selection: 'Phone 555.123.4567 / (555) 765-4321' },
    phones: ['+15551234567', '+15557654321'],
  },
  {
    name: '1-800 number with country prefix',
    facts: { selection: 'Toll free: 1-800-555-0199' },
    phone: '+18005550199',
  },
  // ---------------------------------------------------------------- not phones
  {
    name: 'case numbers, dates, zip codes, prices, IDs are not phones',
    facts: {
      selection:
        'Case No. 2:24-cv-01234, filed 2024-01-15 and 01/15/2024; hearing 15.03.2024. ZIP 90210-1234. Fee $1,250.00 or $ 2 500 000. Order 123456789012. Invoice # 5551234567. IP 192.168.100.200. Card 4111 1111 1111 1111.',
    },
    phone: null,
    email: null,
    first: null,
  },
  {
    name: 'docket number and year ranges are not phones',
    facts: { selection: 'Docket 2023-1234567, served 2019-2024, SSN 123-45-6789' },
    phone: null,
  },
];

/** Whole pages: every source at once, and nothing to find. */
const wholePages: Row[] = [
  // ---------------------------------------------------------------- ordering by source
  {
    name: 'several candidates ordered by source: links, JSON-LD, h-card, selection, context',
    facts: {
      links: [
        { href: 'mailto:link@x.com', text: 'Link Person' },
        { href: 'tel:+15550001111', text: '' },
      ],
      jsonLd: [ld({ '@type': 'Person', name: 'Json Person', email: 'json@x.com', telephone: '+1 555 000 2222' })],
      hCards: [{ 'p-name': ['Card Person'], 'u-email': ['card@x.com'], 'p-tel': ['555-000-3333'] }],
      selection: 'My name is Sel Person, sel@x.com, 555-000-4444',
      context: 'I am Ctx Person, ctx@x.com, 555-000-5555. Also sel@x.com',
    },
    names: [
      ['Link', 'Person'],
      ['Json', 'Person'],
      ['Card', 'Person'],
      ['Sel', 'Person'],
      ['Ctx', 'Person'],
    ],
    emails: ['link@x.com', 'json@x.com', 'card@x.com', 'sel@x.com', 'ctx@x.com'],
    phones: ['+15550001111', '+15550002222', '+15550003333', '+15550004444', '+15550005555'],
  },
  // ---------------------------------------------------------------- nothing to find
  {
    name: 'no contact info at all',
    facts: { selection: 'The statute of limitations for personal injury claims is generally two years.' },
    first: null,
    email: null,
    phone: null,
  },
  {
    name: 'empty page',
    facts: {},
    first: null,
    email: null,
    phone: null,
  },
];

const tables: Array<[string, Row[]]> = [
  ['emails and links', emailsAndLinks],
  ['structured data', structuredData],
  ['names', names],
  ['phones', phones],
  ['whole pages', wholePages],
];

function check(row: Row, got: ExtractedLead): void {
  if (row.first !== undefined) {
    if (row.first === null) expect(got.names).toEqual([]);
    else expect(got.names[0]?.value).toEqual({ first: row.first[0], last: row.first[1] });
  }
  if (row.email !== undefined) {
    if (row.email === null) expect(got.emails).toEqual([]);
    else expect(got.emails[0]?.value).toBe(row.email);
  }
  if (row.phone !== undefined) {
    if (row.phone === null) expect(got.phones).toEqual([]);
    else expect(got.phones[0]?.value).toBe(row.phone);
  }
  if (row.ext !== undefined) expect(got.phones[0]?.ext).toBe(row.ext);
  if (row.nameSource) expect(got.names[0]?.source).toBe(row.nameSource);
  if (row.emailSource) expect(got.emails[0]?.source).toBe(row.emailSource);
  if (row.phoneSource) expect(got.phones[0]?.source).toBe(row.phoneSource);
  if (row.emails) expect(got.emails.map((e) => e.value)).toEqual(row.emails);
  if (row.phones) expect(got.phones.map((p) => p.value)).toEqual(row.phones);
  if (row.names) expect(got.names.map((n) => [n.value.first, n.value.last])).toEqual(row.names);
}

describe('extractLead — snippet tables', () => {
  it('has at least 40 rows', () => {
    expect(tables.flatMap(([, rows]) => rows).length).toBeGreaterThanOrEqual(40);
  });
  describe.each(tables)('%s', (_concern, rows) => {
    it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
      const got = extractLead(facts(row.facts), row.country ? { defaultCountry: row.country } : undefined);
      check(row, got);
      // Nothing returned looks like markup.
      for (const n of got.names) expect(`${n.value.first} ${n.value.last}`).not.toMatch(/[<>]/);
    });
  });
});

describe('extractLead — sources', () => {
  it('tags every candidate with its source', () => {
    const got = extractLead(
      facts({
        links: [{ href: 'tel:555-000-1111', text: '' }],
        jsonLd: [ld({ '@type': 'Person', name: 'Ann Lee' })],
        selection: 'ann@lee.com',
      }),
    );
    expect(got.phones).toEqual([{ value: '+15550001111', source: 'tel-link' }]);
    expect(got.names).toEqual([{ value: { first: 'Ann', last: 'Lee' }, source: 'json-ld' }]);
    expect(got.emails).toEqual([{ value: 'ann@lee.com', source: 'selection' }]);
  });
});

describe('extractLead — message', () => {
  it.each([
    ['the selection, trimmed and whitespace-collapsed', { selection: '  Hello\n\n  there\tfriend  ' }, 'Hello there friend'],
    ['title and URL when nothing is selected', { title: 'Contact', url: 'https://a.test/c' }, 'Contact\nhttps://a.test/c'],
    ['title, URL and description when present', { title: 'Contact', url: 'https://a.test/c', description: 'Reach us' }, 'Contact\nhttps://a.test/c\nReach us'],
    ['title and URL when the selection is only whitespace', { title: 'Contact', url: 'https://a.test/c', selection: '   ' }, 'Contact\nhttps://a.test/c'],
  ] as Array<[string, Partial<PageFacts>, string]>)('is %s', (_case, page, message) => {
    expect(extractLead(facts(page)).message).toBe(message);
  });
  it('is capped at 5,000 characters', () => {
    expect(extractLead(facts({ selection: 'a '.repeat(10_000) })).message).toHaveLength(5_000);
  });
});

describe('extractLead — robustness', () => {
  it('handles 1 MB of text quickly and never throws', () => {
    const big = 'lorem ipsum 555-123-4567 jane@x.com '.repeat(30_000); // ~1 MB
    const t0 = Date.now();
    const got = extractLead(facts({ selection: big, context: big, jsonLd: [big], description: big, title: big }));
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(got.emails[0]?.value).toBe('jane@x.com');
    expect(got.message.length).toBeLessThanOrEqual(5_000);
  });

  it.each([
    ['200,000 letters', 'a'.repeat(200_000)],
    ['100,000 "a." then "@"', `${'a.'.repeat(100_000)}@`],
    ['100,000 "1-"', '1-'.repeat(100_000)],
    ['100,000 "1 "', '1 '.repeat(100_000)],
    ['2,000 addresses with 50-label domains', `x@${'a-'.repeat(50)}`.repeat(2_000)],
    ['20,000 "My name is "', 'My name is '.repeat(20_000)],
    ['100,000 quotes then <a@b.co>', `${'"'.repeat(100_000)}<a@b.co>`],
    ['10,000 sign-off lines', 'Best regards,\n'.repeat(10_000)],
  ])('survives pathological input without catastrophic backtracking: %s', (_case, s) => {
    const t0 = Date.now();
    expect(() => extractLead(facts({ selection: s, context: s }))).not.toThrow();
    expect(Date.now() - t0).toBeLessThan(1_500);
  });

  const malformed: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
    ['fields of the wrong type', { url: 1, title: null, selection: 5, context: {}, links: 'x', jsonLd: {}, hCards: 'y' }],
    [
      'lists of junk',
      {
        links: [null, 1, { href: 5, text: [] }, { href: 'mailto:%E0%A4%A', text: 'x' }],
        jsonLd: [1, null, 'null', '[]', '"s"'],
        hCards: [null, [], { 'p-name': 'Jane Roe', 'u-email': [1, 'jane@roe.com'] }],
      },
    ],
    ['5,000 JSON-LD persons', { jsonLd: [JSON.stringify({ a: Array.from({ length: 5_000 }, () => ({ '@type': 'Person', name: 'Ann Lee' })) })] }],
  ];
  it.each(malformed)('never throws on malformed facts: %s', (_case, w) => {
    expect(() => extractLead(w as PageFacts)).not.toThrow();
  });
  it('still reads what is usable among malformed facts', () => {
    const got = extractLead(malformed[4]?.[1] as PageFacts);
    expect(got.names[0]?.value).toEqual({ first: 'Jane', last: 'Roe' });
    expect(got.emails[0]?.value).toBe('jane@roe.com');
  });

  it('handles deeply nested JSON-LD', () => {
    let o: Record<string, unknown> = { '@type': 'Person', name: 'Deep Person', email: 'deep@x.com' };
    for (let i = 0; i < 5_000; i++) o = { child: o };
    let text = '';
    try {
      text = JSON.stringify(o);
    } catch {
      return; // engine can't even stringify it; nothing to test
    }
    expect(() => extractLead(facts({ jsonLd: [text] }))).not.toThrow();
  });

  it('ignores an unsupported default country for national numbers but still parses +numbers', () => {
    const got = extractLead(facts({ selection: '03-1234-5678 or +44 20 7946 0958' }), { defaultCountry: 'JP' });
    expect(got.phones.map((p) => p.value)).toEqual(['+442079460958']);
  });
});
