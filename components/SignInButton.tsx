import { useState } from 'preact/hooks';
import { AppError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import type { Status } from './StatusMessage';

/** "Sign in with Clio": the background runs the OAuth window, so closing the popup loses nothing. */
export function SignInButton({ onStatus }: { onStatus: (s: Status | null) => void }) {
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    onStatus({ tone: 'info', text: t('signInWaiting') });
    try {
      const account = await send('auth/sign-in');
      onStatus({ tone: 'success', text: t('signedInAs', account.user?.name ?? t('yourClioUser')) });
    } catch (e) {
      onStatus({ tone: 'error', text: e instanceof AppError ? e.message : t('signInFailed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="primary" onClick={signIn} disabled={busy}>
      {t('signInWithClio')}
    </button>
  );
}
