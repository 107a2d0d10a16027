/**
 * What a page's structured data says about people (pure, no DOM): schema.org JSON-LD blocks and
 * microformat h-cards / vCards, read into names, emails and phones. In JSON-LD a Person ranks before
 * a ContactPoint, which ranks before anything else; an organisation's name is never taken for a
 * person's. Malformed, huge or deeply nested JSON-LD is skipped or cut short, never a failure.
 */
import type { CountryCode } from 'libphonenumber-js/core';
import { structuredEmails } from './emails-links';
import { MAX_CARD_PROPS, MAX_CARD_VALUE_CHARS, MAX_HCARDS, MAX_JSONLD_BLOCKS, MAX_JSONLD_CHARS, MAX_JSONLD_NODES } from './limits';
import { nameFromParts } from './names';
import type { PersonName } from './names';
import { parseStructuredPhone } from './phones';
import type { FoundPhone } from './phones';
import { arr, collapse } from './text';

/** What one kind of structured data gave, best first within each list. */
export interface StructuredFinds {
  names: PersonName[];
  emails: string[];
  phones: FoundPhone[];
}

// ---------------------------------------------------------------------------------------
// JSON-LD

type Json = Record<string, unknown>;

function textOf(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 300);
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 5)) {
      const t = textOf(x);
      if (t) return t;
    }
    return '';
  }
  if (v && typeof v === 'object') return textOf((v as Json)['@value']);
  return '';
}

function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v.slice(0, 300)];
  if (Array.isArray(v)) return v.slice(0, 20).flatMap((x) => (typeof x === 'string' ? [x.slice(0, 300)] : []));
  if (v && typeof v === 'object') {
    const inner = (v as Json)['@value'];
    return typeof inner === 'string' ? [inner.slice(0, 300)] : [];
  }
  return [];
}

function typesOf(node: Json): string[] {
  const t = node['@type'];
  const list = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
  return list.map((x) => x.replace(/^.*[/#:]/, ''));
}

const ORG_TYPES =
  /^(?:Organization|Corporation|LocalBusiness|LegalService|Attorney|Notary|ProfessionalService|GovernmentOrganization|NGO|EducationalOrganization|WebSite|WebPage|Brand|Place|Product|Service)$/;

interface Ranked<T> {
  rank: number;
  value: T;
}

/** The people, emails and phones in raw JSON-LD blocks (untrusted), ranked: Person, then ContactPoint, then the rest. */
export function readJsonLd(blocks: unknown, country: CountryCode | undefined): StructuredFinds {
  const names: Array<Ranked<PersonName>> = [];
  const emails: Array<Ranked<string>> = [];
  const phones: Array<Ranked<FoundPhone>> = [];
  let nodes = 0;

  const visit = (v: unknown, depth: number, inPerson: boolean): void => {
    if (depth > 12 || nodes > MAX_JSONLD_NODES || v === null || typeof v !== 'object') return;
    nodes++;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 200)) visit(x, depth + 1, inPerson);
      return;
    }
    const node = v as Json;
    const types = typesOf(node);
    const isOrg = types.some((t) => ORG_TYPES.test(t));
    const isPerson = types.includes('Person') || (!isOrg && (node.givenName !== undefined || node.familyName !== undefined));
    const rank = isPerson ? 0 : types.includes('ContactPoint') ? (inPerson ? 0 : 1) : 2;
    if (isPerson) {
      const n = nameFromParts(textOf(node.givenName), textOf(node.familyName), textOf(node.name));
      if (n) names.push({ rank, value: n });
    }
    for (const e of stringsOf(node.email)) for (const x of structuredEmails(e)) emails.push({ rank, value: x });
    for (const t of stringsOf(node.telephone)) for (const p of parseStructuredPhone(t, country)) phones.push({ rank, value: p });
    for (const [k, child] of Object.entries(node)) {
      if (k === '@context' || child === null || typeof child !== 'object') continue;
      visit(child, depth + 1, isPerson || (inPerson && !isOrg));
    }
  };

  for (const block of arr(blocks, MAX_JSONLD_BLOCKS)) {
    if (typeof block !== 'string' || block.length > MAX_JSONLD_CHARS) continue;
    const src = block
      .trim()
      .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
      .replace(/^<!--|-->$/g, '')
      .trim();
    let data: unknown;
    try {
      data = JSON.parse(src);
    } catch {
      continue; // malformed JSON-LD is ignored
    }
    visit(data, 0, false);
  }
  const best = <T>(list: Array<Ranked<T>>): T[] => list.sort((a, b) => a.rank - b.rank).map((r) => r.value); // Array#sort is stable
  return { names: best(names), emails: best(emails), phones: best(phones) };
}

// ---------------------------------------------------------------------------------------
// h-card / vCard

/** The people, emails and phones of microformat cards (untrusted property maps, as page-facts.ts reads them), card by card. */
export function readHCards(cards: unknown, country: CountryCode | undefined): StructuredFinds {
  const out: StructuredFinds = { names: [], emails: [], phones: [] };
  for (const card of arr(cards, MAX_HCARDS)) {
    if (!card || typeof card !== 'object' || Array.isArray(card)) continue;
    const props = new Map<string, string[]>();
    for (const [k, v] of Object.entries(card as Record<string, unknown>).slice(0, MAX_CARD_PROPS)) {
      const key = k.toLowerCase().replace(/^(?:p|u|dt|e|h)-/, '');
      const vals = (typeof v === 'string' ? [v] : Array.isArray(v) ? v : [])
        .slice(0, 20)
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.slice(0, MAX_CARD_VALUE_CHARS));
      props.set(key, [...(props.get(key) ?? []), ...vals]);
    }
    const first = (k: string): string => props.get(k)?.[0] ?? '';
    const full = collapse(first('name') || first('fn'));
    const org = collapse(first('org'));
    // An organisation's own card (its name is its org) names no person.
    const isOrgCard = !!full && full === org && !first('given-name') && !first('family-name');
    if (!isOrgCard) {
      const n = nameFromParts(first('given-name'), first('family-name'), full);
      if (n) out.names.push(n);
    }
    for (const e of props.get('email') ?? []) out.emails.push(...structuredEmails(e));
    for (const t of props.get('tel') ?? []) out.phones.push(...parseStructuredPhone(t, country));
  }
  return out;
}
