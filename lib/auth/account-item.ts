import { defineItem } from '../storage/item';

/** Who is signed in, as the UI shows it; written by the background only. */
export interface AccountState {
  signedIn: boolean;
  user?: {
    id: number;
    name: string;
    email: string;
    timeZone?: string;
    /**
     * May the user see billing rates? Clio hides rates from a user whose Billing Rate Visibility is "None": who_am_i's
     * `rate` comes back null. Unknown (undefined) for an account stored before it was asked.
     */
    seesRates?: boolean;
  };
  /** Whose entries are on show while signed in (Clio origin # user id), as outbox entries name their owner. */
  owner?: string;
  /** Signed out: who signed in last, whose entries (a timer stop, time not sent yet) are held for them. */
  lastUser?: { name: string; owner: string };
  /** Why the user has to sign in again (a session Clio ended), shown on every surface. */
  problem?: string;
}

export const accountItem = defineItem<AccountState>('local:account', {
  fallback: { signedIn: false },
});
