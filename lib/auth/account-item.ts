import { defineItem } from '../storage/item';

/** Who is signed in, as the UI shows it; written by the background only. */
export interface AccountState {
  signedIn: boolean;
  user?: { id: number; name: string; email: string; timeZone?: string };
  /** Why the user has to sign in again (a session Clio ended), shown on every surface. */
  problem?: string;
}

export const accountItem = defineItem<AccountState>('local:account', {
  fallback: { signedIn: false },
});
