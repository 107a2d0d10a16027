/**
 * Matching a filed email's addresses to Clio (participants.ts has the rules): the signed-in user, the local matter
 * index (clients' emails, 0 requests), then at most one `GET /contacts.json` for the addresses left.
 */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import { addressesOf, contactQueryFor, contactsByEmail, type Matching, matchParticipants, type Participant } from './participants';

export interface MatchPeopleDeps {
  client: ClioClient;
  /** The signed-in user (a User participant), if known. */
  me(): Promise<{ id: number; email: string } | null>;
  /** Clients' contact ids by email, from the local index (lower-case addresses). */
  localClients(emails: string[]): Promise<Map<string, number>>;
}

export async function matchPeople(deps: MatchPeopleDeps, senders: readonly string[], receivers: readonly string[]): Promise<Matching> {
  const all = addressesOf(senders, receivers);
  const known = new Map<string, Participant>();
  const me = await deps.me();
  if (me) known.set(me.email.toLowerCase(), { id: me.id, type: 'User' });
  const local = await deps.localClients(all.filter((a) => !known.has(a)));
  for (const [email, id] of local) if (!known.has(email)) known.set(email, { id, type: 'Contact' });
  const rest = all.filter((a) => !known.has(a));
  const query = contactQueryFor(rest);
  if (query) {
    const contacts = await deps.client.get<Array<{ id: number; email_addresses?: Array<{ address?: string | null }> | null }>>('/contacts.json', {
      fields: fields(['id'], { email_addresses: ['address'] }),
      query: { query, limit: 200 },
    });
    for (const [email, p] of contactsByEmail(contacts)) if (rest.includes(email) && !known.has(email)) known.set(email, p);
  }
  return matchParticipants(senders, receivers, known);
}
