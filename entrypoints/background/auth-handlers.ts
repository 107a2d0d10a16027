/** Messages about signing in and out, and who is signed in. */
import { markSignedOut, refreshAccount } from '@/lib/account';
import type { Handlers } from '@/lib/messaging/serve';
import { accountItem } from '@/lib/storage/items';
import { scheduleTokenRefresh, type Services } from './services';

export function authHandlers({ session, client, flow, outbox, matters }: Services): Handlers {
  return {
    'auth/sign-in': async () => {
      await session.signIn();
      await accountItem.setValue({ signedIn: true });
      await scheduleTokenRefresh(session);
      const account = await refreshAccount(client);
      void outbox.wake(); // whatever waited for a sign-in goes now
      void matters.sync().catch(() => undefined); // build (or freshen) the matter index
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
  };
}
