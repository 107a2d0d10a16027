/**
 * "Suggested for this page", the pure part: what to look up in the local matter index for a page's signals
 * (page-signals.ts), and the matters found, ranked, each with why ("client's email on this page", "matter
 * number in the title"). No browser API, no phone library (phones compare as normalised digits).
 */
import { clientNameKey, displayNumberKey, type KeyLookup, type LookupKind, type LookupQuery, normalisePhoneDigits } from '../matters/lookup-keys';
import { type MatterRow, rowOf } from '../matters/matter';
import { idsIn, MAX_SIGNAL_EMAILS, MAX_SIGNAL_IDS, type PageSignals } from '../page-reading/page-signals';
import { type Phrase, phrase } from '../phrase';

/** How many suggestions a picker shows. */
export const MAX_SUGGESTIONS = 5;
const MAX_NAME_CANDIDATES = 200;

/** A matter suggested for a page, and why. */
export interface Suggestion {
  matter: MatterRow;
  reasons: Phrase[];
}

/** Where a display number or a client's name was seen: the title counts for more than the rest of the page. */
type Where = 'title' | 'heading' | 'page';

/** Client names a page may show in its title or headings: runs of 2–4 words between separators, and "Last, First" turned round. */
export function nameCandidates(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const part of text.split(/\s[-–—|:·•]\s|[|:·•()[\]]|\s{2,}/)) {
      const comma = /^\s*([^,]{2,40}),\s*([^,]{2,40})\s*$/.exec(part);
      if (comma) out.add(`${comma[2]} ${comma[1]}`);
      const words = part.split(/[\s,;]+/).filter((w) => /\p{L}/u.test(w));
      for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
      if (out.size >= MAX_NAME_CANDIDATES) return [...out].slice(0, MAX_NAME_CANDIDATES);
    }
  }
  return [...out];
}

/**
 * How many of each kind a page's lookup asks for: each is one read of the index's keys, and a long page holds
 * hundreds. The signals come in page order (the title, headings and mailto: links first), so the first ones count;
 * the page's reader stops at as many emails and identifiers (and twice as many phones, before they are normalised).
 */
export const ASKED = { emails: MAX_SIGNAL_EMAILS, phones: 20, ids: MAX_SIGNAL_IDS, names: 60 } as const;

/** What to ask the index for a page. */
export function queryOf(s: PageSignals): LookupQuery {
  const ids = s.ids.slice(0, ASKED.ids);
  return {
    emails: s.emails.slice(0, ASKED.emails),
    phones: [...new Set(s.phones.map(normalisePhoneDigits).filter((p): p is string => p !== null))].slice(0, ASKED.phones),
    displayNumbers: ids,
    clientReferences: ids,
    clientNames: nameCandidates([s.title, ...s.headings]).slice(0, ASKED.names),
  };
}

/**
 * What each kind of evidence weighs. A matter's own number or reference names one matter, and outweighs any
 * evidence about its client (email, phone, name), which every matter of that client shares.
 */
const WEIGHT: Record<LookupKind, number> = { displayNumber: 1000, clientReference: 500, email: 80, phone: 60, clientName: 40 };
const STATUS_ORDER: Record<string, number> = { Open: 0, Pending: 1, Closed: 2 };

function whereIn(s: PageSignals, kind: 'displayNumber' | 'clientName', value: string): Where {
  const key = kind === 'displayNumber' ? displayNumberKey : clientNameKey;
  const inText = (t: string) => (kind === 'displayNumber' ? idsIn(t) : nameCandidates([t])).some((w) => key(w) === value);
  if (inText(s.title)) return 'title';
  return s.headings.some(inText) ? 'heading' : 'page';
}

function reasonOf(s: PageSignals, kind: LookupKind, value: string): Phrase {
  switch (kind) {
    case 'email':
      return phrase('suggestReasonEmail');
    case 'phone':
      return phrase('suggestReasonPhone');
    case 'clientReference':
      return phrase('suggestReasonReference');
    case 'displayNumber': {
      const where = whereIn(s, kind, value);
      return phrase(where === 'title' ? 'suggestReasonNumberTitle' : where === 'heading' ? 'suggestReasonNumberHeading' : 'suggestReasonNumberPage');
    }
    case 'clientName':
      return phrase(whereIn(s, kind, value) === 'title' ? 'suggestReasonNameTitle' : 'suggestReasonNameHeading');
  }
}

/**
 * The matters found for a page, best first: by the weight of their evidence (WEIGHT; each kind counts once), then
 * open before pending before closed, then the most recently active, then by id.
 */
export function rankSuggestions(s: PageSignals, found: KeyLookup['matches'], max = MAX_SUGGESTIONS): Suggestion[] {
  const scored = found.map(({ matter, matched }) => {
    const kinds = [...new Set(matched.map((k) => k.kind))].sort((a, b) => WEIGHT[b] - WEIGHT[a]);
    const score = kinds.reduce((sum, k) => sum + WEIGHT[k], 0);
    const reasons = kinds.map((k) => reasonOf(s, k, matched.find((m) => m.kind === k)!.value));
    return { matter, score, reasons };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (STATUS_ORDER[a.matter.status] ?? 0) - (STATUS_ORDER[b.matter.status] ?? 0) ||
      (b.matter.lastActivityDate ?? '').localeCompare(a.matter.lastActivityDate ?? '') ||
      a.matter.id - b.matter.id,
  );
  return scored.slice(0, max).map(({ matter, reasons }) => ({ matter: rowOf(matter), reasons }));
}
