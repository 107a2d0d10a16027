/**
 * A filed email's senders and receivers, matched to Clio: the signed-in user as a User; clients' emails from the
 * local matter index (no request); what is left with at most ONE contacts request (`contactQueryFor`: the one
 * address left, or the domain they share, else the first of them). Addresses still unmatched are left out of
 * the communication and said. Pure.
 */
import { emailKey } from '../matters/lookup-keys';

export interface Participant {
  id: number;
  type: 'User' | 'Contact';
}

export interface Matching {
  senders: Participant[];
  receivers: Participant[];
  /** Addresses no contact (nor the user) was found for, as first given, each once. */
  unmatched: string[];
}

/** The distinct email addresses among `lists`, normalised (lower case); what is not an address is dropped. */
export function addressesOf(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat().flatMap((a) => emailKey(a) ?? []))];
}

/** What the one contacts request searches for, or null when nothing is left to match. */
export function contactQueryFor(rest: readonly string[]): string | null {
  if (rest.length === 0) return null;
  if (rest.length === 1) return rest[0]!;
  const domains = new Set(rest.map((a) => a.slice(a.lastIndexOf('@') + 1)));
  return domains.size === 1 ? [...domains][0]! : rest[0]!;
}

/** Contacts as a contacts answer shows them: each of their addresses → the contact. */
export function contactsByEmail(
  contacts: ReadonlyArray<{ id: number; email_addresses?: Array<{ address?: string | null }> | null }>,
): Map<string, Participant> {
  const byEmail = new Map<string, Participant>();
  for (const c of contacts) {
    for (const e of c.email_addresses ?? []) {
      const key = e.address ? emailKey(e.address) : null;
      if (key && !byEmail.has(key)) byEmail.set(key, { id: c.id, type: 'Contact' });
    }
  }
  return byEmail;
}

/** The senders and receivers as participants (each once per side), and the addresses left out. */
export function matchParticipants(senders: readonly string[], receivers: readonly string[], known: ReadonlyMap<string, Participant>): Matching {
  const unmatched: string[] = [];
  const said = new Set<string>();
  const side = (list: readonly string[]) => {
    const out: Participant[] = [];
    for (const address of list) {
      const key = emailKey(address);
      const p = key ? known.get(key) : undefined;
      if (!p) {
        if (!said.has(key ?? address)) unmatched.push(address);
        said.add(key ?? address);
      } else if (!out.some((x) => x.id === p.id && x.type === p.type)) out.push(p);
    }
    return out;
  };
  return { senders: side(senders), receivers: side(receivers), unmatched };
}
