import { defineItem } from '../storage/item';

/** Who is signed in, as the UI shows it; written by the background only. */
export interface AccountState {
  signedIn: boolean;
  user?: { id: number; name: string; email: string; timeZone?: string };
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
