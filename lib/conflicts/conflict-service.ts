/**
 * "Conflict check": have we acted for or against this person? Asked with a name, an email or a phone (a
 * selection, or a lead in the capture dialog), it looks in three places, each labelled: the local matter index
 * (matters whose client matches, 0 requests), Clio Manage contacts (1 request) with the matters each is related
 * to — as client from the local index, otherwise through its relationships (1 request a contact, for at most 5
 * contacts), and Grow contacts (1 request, when Grow is connected). It writes nothing anywhere.
 */
import type { ClioClient } from '../clio/client';
import type { KeyLookup, LookupQuery } from '../matters/lookup-keys';
import type { IndexedMatter, MatterRow } from '../matters/matter';
import { growContacts, type ManageContactJson, manageContacts, relationshipsOf } from './clio-conflicts';
import { type ConflictQuery, type HowMatched, matchContact, matchName, readConflictQuery } from './name-match';

/** A matter a hit is part of, and the part (client, or the relationship's description). */
export interface ConflictMatter {
  id: number;
  displayNumber: string;
  description: string;
  status: string;
  /** '' for the client; else the relationship as Clio names it ("Opposing Party", "Witness"). */
  role: string;
}

export interface ConflictHit {
  source: 'matters' | 'clio' | 'grow';
  name: string;
  how: HowMatched;
  /** The email or phone it was found by, or its first email. */
  detail: string;
  matters: ConflictMatter[];
}

export interface ConflictResult {
  query: string;
  kind: ConflictQuery['kind'] | null;
  hits: ConflictHit[];
  /** Clio contacts: looked at, or why not. */
  clio: 'checked' | 'failed';
  /** Grow: looked at, not connected (said so), or failed. */
  grow: 'checked' | 'not-connected' | 'failed';
  /** The index is not ready or still learning its clients' emails and phones. */
  indexPartial: boolean;
}

/** Contacts shown with their matters, each costing one relationships request at most. */
export const MAX_CONTACTS_WITH_MATTERS = 5;

export interface ConflictDeps {
  client: ClioClient;
  grow: ClioClient;
  growConnected(): Promise<boolean>;
  byKeys(q: LookupQuery): Promise<KeyLookup>;
  /** The local index's matters for a text query (every status), or null when the index cannot answer yet. */
  searchIndex(text: string): Promise<MatterRow[] | null>;
}

const asMatter = (m: MatterRow | IndexedMatter, role = ''): ConflictMatter => ({
  id: m.id,
  displayNumber: m.displayNumber,
  description: m.description,
  status: m.status,
  role,
});

/** How a contact matches the first of the terms it matches. */
function firstMatch(terms: ConflictQuery[], c: Parameters<typeof matchContact>[1]): HowMatched | null {
  for (const q of terms) {
    const how = matchContact(q, c);
    if (how) return how;
  }
  return null;
}

export class ConflictService {
  constructor(private readonly deps: ConflictDeps) {}

  /**
   * Checks `text` (a name, an email or a phone), and with it `also` (the capture dialog's lead: its name, and its
   * email). Clio and Grow are asked once each, with the most exact term (an email before a phone before a name);
   * their contacts are matched against every term.
   */
  async check(text: string, also = ''): Promise<ConflictResult> {
    const terms = [readConflictQuery(text), readConflictQuery(also)].filter((q): q is ConflictQuery => q !== null);
    const query = [text.trim(), also.trim()].filter(Boolean).join(' · ');
    const out: ConflictResult = { query, kind: terms[0]?.kind ?? null, hits: [], clio: 'checked', grow: 'checked', indexPartial: false };
    if (!terms.length) return out;
    const asked = ['email', 'phone', 'name'].map((k) => terms.find((q) => q.kind === k)).find(Boolean)!;
    const [locals, clio, grow] = await Promise.all([Promise.all(terms.map((q) => this.local(q))), this.clio(asked, terms), this.grow(asked, terms)]);
    for (const local of locals) {
      out.indexPartial ||= local.partial;
      for (const h of local.hits) if (!out.hits.some((x) => x.source === 'matters' && x.name === h.name)) out.hits.push(h);
    }
    if (clio === 'failed') out.clio = 'failed';
    else out.hits.push(...clio);
    if (typeof grow === 'string') out.grow = grow;
    else out.hits.push(...grow);
    return out;
  }

  /** Matters whose client matches, from the local index: grouped by client. */
  private async local(q: ConflictQuery): Promise<{ hits: ConflictHit[]; partial: boolean }> {
    const found = await this.deps.byKeys(q.kind === 'email' ? { emails: [q.value] } : q.kind === 'phone' ? { phones: [q.value] } : { clientNames: [q.value] });
    type Found = MatterRow & Partial<IndexedMatter>;
    const byClient = new Map<string, { how: HowMatched; matters: Found[] }>();
    const add = (m: Found, how: HowMatched) => {
      const key = `${m.clientId ?? m.clientName}`;
      const had = byClient.get(key);
      if (had) had.matters.some((x) => x.id === m.id) || had.matters.push(m);
      else byClient.set(key, { how, matters: [m] });
    };
    const how: HowMatched = q.kind === 'email' ? 'exact email' : q.kind === 'phone' ? 'same phone' : 'exact name';
    for (const { matter } of found.matches) add(matter, how);
    let partial = !found.ready || found.learning;
    if (q.kind === 'name') {
      // Middle names, initials and order: the index's own search, then the name rule on each client.
      const searched = await this.deps.searchIndex(`${q.first} ${q.last}`);
      if (searched === null) partial = true;
      for (const m of searched ?? []) {
        const h = matchName(q, m.clientName);
        if (h) add(m, h);
      }
    }
    const hits = [...byClient.values()].map(({ how, matters }) => ({
      source: 'matters' as const,
      name: matters[0]!.clientName,
      how,
      detail: q.kind === 'name' ? (matters.find((m) => m.clientEmails?.length)?.clientEmails?.[0] ?? '') : q.value,
      matters: matters.map((m) => asMatter(m)),
    }));
    return { hits, partial };
  }

  /** Manage contacts that match, with their matters: as client (local index), and through relationships (≤ 5 requests). */
  private async clio(q: ConflictQuery, terms: ConflictQuery[]): Promise<ConflictHit[] | 'failed'> {
    let contacts: ManageContactJson[];
    try {
      contacts = await manageContacts(this.deps.client, q.value);
    } catch {
      return 'failed';
    }
    const matched = contacts
      .map((c) => {
        const emails = [c.primary_email_address, c.secondary_email_address];
        const phones = [c.primary_phone_number, c.secondary_phone_number];
        return { c, emails, how: firstMatch(terms, { name: c.name ?? '', emails, phones }) };
      })
      .filter((x): x is typeof x & { how: HowMatched } => x.how !== null);
    return Promise.all(
      matched.map(async ({ c, emails, how }, i) => {
        const matters: ConflictMatter[] = [];
        if (i < MAX_CONTACTS_WITH_MATTERS) {
          const asClient = await this.deps.byKeys({ clientNames: c.name ? [c.name] : [], emails: emails.filter((e): e is string => !!e) });
          for (const { matter } of asClient.matches) if (matter.clientId === c.id) matters.push(asMatter(matter));
          const related = await relationshipsOf(this.deps.client, c.id).catch(() => []);
          for (const r of related)
            if (r.matter && !matters.some((m) => m.id === r.matter!.id))
              matters.push({
                id: r.matter.id,
                displayNumber: r.matter.display_number ?? '',
                description: r.matter.description ?? '',
                status: r.matter.status ?? '',
                role: r.description ?? '',
              });
        }
        return { source: 'clio' as const, name: c.name ?? '', how, detail: emails.find(Boolean) ?? c.primary_phone_number ?? '', matters };
      }),
    );
  }

  /** Grow contacts that match (one request), or why Grow was not asked. */
  private async grow(q: ConflictQuery, terms: ConflictQuery[]): Promise<ConflictHit[] | 'not-connected' | 'failed'> {
    if (!(await this.deps.growConnected())) return 'not-connected';
    try {
      const found = await growContacts(this.deps.grow, q.value);
      return found.flatMap((c) => {
        const name = [c.first_name, c.last_name].filter(Boolean).join(' ');
        const how = firstMatch(terms, { name, emails: [c.email], phones: [c.phone_number] });
        return how ? [{ source: 'grow' as const, name: name || c.email || '', how, detail: c.email ?? c.phone_number ?? '', matters: [] }] : [];
      });
    } catch {
      return 'failed';
    }
  }
}
