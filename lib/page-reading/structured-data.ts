/**
 * What a page's structured data says about people (pure, no DOM): schema.org JSON-LD blocks and
 * microformat h-cards / vCards, read into names, emails and phones, and the names of the organisations
 * they describe. In JSON-LD a Person ranks before a ContactPoint, which ranks before anything else; an
 * organisation's name is never taken for a person's. Malformed, huge or deeply nested JSON-LD is skipped
 * or cut short, never a failure.
 */
import type { CountryCode } from 'libphonenumber-js/core';
import { structuredEmails } from './emails-links';
import { MAX_CARD_PROPS, MAX_CARD_VALUE_CHARS, MAX_HCARDS, MAX_JSONLD_BLOCKS, MAX_JSONLD_CHARS, MAX_JSONLD_NODES } from './limits';
import { nameFromParts, nameOfFn } from './names';
import type { PersonName } from './names';
import { parseStructuredPhone } from './phones';
import type { FoundPhone } from './phones';
import { arr, collapse } from './text';

/** What one kind of structured data gave, best first within each list. */
export interface StructuredFinds {
  names: PersonName[];
  emails: string[];
  phones: FoundPhone[];
  /** Names of organisations (never a person's name, wherever else on the page they appear). */
  orgs: string[];
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

/** Organisations: their names are never a person's. */
const ORG_TYPES =
  /^(?:Organization|Corporation|LocalBusiness|LegalService|ProfessionalService|GovernmentOrganization|NGO|EducationalOrganization|Restaurant|FoodEstablishment|Store)$/;
/** Other things that are not people (a page may misuse Attorney or Notary for a person: their names are not blocked). */
const THING_TYPES = /^(?:Attorney|Notary|WebSite|WebPage|Brand|Place|Product|Service)$/;

interface Ranked<T> {
  rank: number;
  value: T;
}

/** The people, emails and phones in raw JSON-LD blocks (untrusted), ranked: Person, then ContactPoint, then the rest. */
export function readJsonLd(blocks: unknown, country: CountryCode | undefined): StructuredFinds {
  const names: Array<Ranked<PersonName>> = [];
  const emails: Array<Ranked<string>> = [];
  const phones: Array<Ranked<FoundPhone>> = [];
  const orgs: string[] = [];
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
    const isOrgProper = types.some((t) => ORG_TYPES.test(t));
    if (isOrgProper) orgs.push(...stringsOf(node.name));
    const isOrg = isOrgProper || types.some((t) => THING_TYPES.test(t));
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
  return { names: best(names), emails: best(emails), phones: best(phones), orgs };
}

// ---------------------------------------------------------------------------------------
// h-card / vCard

/**
 * The people, emails and phones of microformat cards (untrusted property maps, as page-facts.ts reads them),
 * card by card. An organisation's card (its name is one of its orgs: "fn org" in a classic hCard) names no
 * person, but its email and phone count. A classic hCard without given/family names reads its fn by the
 * implied "n" optimisation; a given name alone takes its surname from the full name (nameFromParts).
 */
export function readHCards(cards: unknown, country: CountryCode | undefined): StructuredFinds {
  const out: StructuredFinds = { names: [], emails: [], phones: [], orgs: [] };
  for (const card of arr(cards, MAX_HCARDS)) {
    if (!card || typeof card !== 'object' || Array.isArray(card)) continue;
    const props = new Map<string, string[]>();
    let classic = false;
    for (const [k, v] of Object.entries(card as Record<string, unknown>).slice(0, MAX_CARD_PROPS)) {
      const key = k.toLowerCase().replace(/^(?:p|u|dt|e|h)-/, '');
      classic ||= k === 'fn';
      const vals = (typeof v === 'string' ? [v] : Array.isArray(v) ? v : [])
        .slice(0, 20)
        .filter((x): x is string => typeof x === 'string')
        .map((x) => collapse(x.slice(0, MAX_CARD_VALUE_CHARS)))
        .filter(Boolean);
      props.set(key, [...(props.get(key) ?? []), ...vals]);
    }
    const first = (k: string): string => props.get(k)?.[0] ?? '';
    const full = first('name') || first('fn');
    const orgs = props.get('org') ?? [];
    out.orgs.push(...orgs);
    if (!full || !orgs.includes(full)) {
      const given = first('given-name');
      const family = first('family-name');
      const n = classic && !given && !family ? nameOfFn(full) : nameFromParts(given, family, full);
      if (n) out.names.push(n);
    }
    for (const e of props.get('email') ?? []) out.emails.push(...structuredEmails(e));
    for (const t of props.get('tel') ?? []) out.phones.push(...parseStructuredPhone(t, country));
  }
  return out;
}
