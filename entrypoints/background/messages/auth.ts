/** Messages `auth/…`: signing in and out, who is signed in, the app's redirect URI and secrets. */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const authMessages = ({ account }: Services): FamilyHandlers<'auth'> => ({
  'auth/sign-in': () => account.signIn(),
  'auth/sign-out': (o) => account.signOut(o ?? {}),
  'auth/refresh-account': () => account.refresh(),
  'auth/redirect-uri': () => account.redirectUri(),
  'auth/app-secrets': (change) => account.setAppSecrets(change),
});
