/**
 * Finding the payment link an interrupted send may have made. Links carry no `external_properties`, so before any
 * resend the courier lists the active links made since the entry was written (less the clocks' slack) and takes the
 * one with the same subject, amount, currency and description that no other entry claimed. Pure.
 */

export type LinkSubject = { id: number; type: 'Bill' | 'BankAccount' | 'Contact' };

/** A link as the look-before-resend asks for it (`LOOK_FIELDS` in clio-billing.ts). */
export interface ListedLink {
  id: number;
  amount: number | null;
  currency: string;
  description: string | null;
  created_at: string;
  bill?: { id: number } | null;
  bank_account?: { id: number } | null;
  contact?: { id: number } | null;
}

export interface WantedLink {
  subject: LinkSubject;
  /** null: the client chooses what to pay. */
  amount: number | null;
  currency: string;
  description: string;
}

/** The record a link's subject is, as Clio lists it (one of `bill`, `bank_account`, `contact`). */
export function subjectOfListed(l: ListedLink): LinkSubject | null {
  if (l.bill) return { id: l.bill.id, type: 'Bill' };
  if (l.bank_account) return { id: l.bank_account.id, type: 'BankAccount' };
  if (l.contact) return { id: l.contact.id, type: 'Contact' };
  return null;
}

const cents = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 100));

/** Is `l` the link `want` would make, made at or after `since` (epoch ms)? */
export function sameLink(l: ListedLink, want: WantedLink, since: number): boolean {
  const subject = subjectOfListed(l);
  const made = Date.parse(l.created_at);
  return (
    subject !== null &&
    subject.type === want.subject.type &&
    subject.id === want.subject.id &&
    cents(l.amount) === cents(want.amount) &&
    l.currency === want.currency &&
    (l.description ?? '') === want.description &&
    Number.isFinite(made) &&
    made >= since
  );
}

/** The earliest matching link no other entry claimed, or null: then no link was made and sending is safe. */
export function findSameLink<L extends ListedLink>(links: readonly L[], want: WantedLink, since: number, claimed: ReadonlySet<unknown>): L | null {
  return (
    links.filter((l) => !claimed.has(l.id) && sameLink(l, want, since)).sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id)[0] ??
    null
  );
}
