/** Messages about signing in and out, and who is signed in. */
import { fetchAccount, markSignedOut, refreshAccount } from '@/lib/auth/account';
import type { Handlers } from '@/lib/messaging/serve';
import { accountItem } from '@/lib/auth/account-item';
import { showUserStateOf } from '@/lib/storage/user-state';
import { APP_SECRETS_KEY, scheduleTokenRefresh, type Services } from './services';
import type { AppSecrets } from '@/lib/auth/app-config';

export function authHandlers({ session, client, flow, outbox, matters, vault, ownerOf, freshen }: Services): Handlers {
  return {
    'auth/sign-in': async () => {
      await session.signIn();
      const account = await fetchAccount(client);
      // Before anyone sees "signed in": only this user's timer, drafts and recent matters are on show
      // (another user's are put aside for them).
      await showUserStateOf(await ownerOf(account.user.id));
      await accountItem.setValue(account);
      await scheduleTokenRefresh(session);
      void outbox.wake(); // whatever waited for a sign-in goes now
      void freshen(); // build the matter index, then fetch what the popup's Activity list shows
      return account;
    },
    'auth/sign-out': async () => {
      await session.signOut();
      await matters.forget();
      await scheduleTokenRefresh(session);
      return markSignedOut();
    },
    'account/refresh': () => refreshAccount(client),
    'auth/redirect-uri': () => flow.redirectUri(),
    'auth/app-secrets': async (change) => {
      const current = (await vault.get<AppSecrets>(APP_SECRETS_KEY)) ?? {};
      const next: AppSecrets = { ...current, ...change };
      if (Object.keys(change).length) await vault.set(APP_SECRETS_KEY, next);
      return { manage: !!next.manage?.trim(), grow: !!next.grow?.trim() };
    },
  };
}
