/** Who is signed in, as stored for the UI: read from Clio's who_am_i after sign-in and on request. */
import type { ClioClient } from '../clio/client';
import { whoAmI } from './clio-who-am-i';
import { accountItem, type AccountState } from './account-item';

/** Who is signed in, as Clio says (not stored). */
export async function fetchAccount(client: ClioClient): Promise<AccountState & { user: NonNullable<AccountState['user']> }> {
  const me = await whoAmI(client);
  return { signedIn: true, user: { id: me.id, name: me.name, email: me.email, ...(me.time_zone ? { timeZone: me.time_zone } : {}) } };
}

export async function refreshAccount(client: ClioClient): Promise<AccountState> {
  const state = await fetchAccount(client);
  await accountItem.setValue(state);
  return state;
}

export async function markSignedOut(problem?: string): Promise<AccountState> {
  const state: AccountState = problem ? { signedIn: false, problem } : { signedIn: false };
  await accountItem.setValue(state);
  return state;
}
