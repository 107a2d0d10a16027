import { useState } from 'preact/hooks';
import { AppError } from '@/lib/errors';
import { send } from '@/lib/messaging/send';
import type { Status } from './StatusMessage';

/** "Sign in with Clio": the background runs the OAuth window, so closing the popup loses nothing. */
export function SignInButton({ onStatus }: { onStatus: (s: Status | null) => void }) {
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    onStatus({ tone: 'info', text: 'Waiting for Clio’s sign-in window…' });
    try {
      const account = await send('auth/sign-in');
      onStatus({ tone: 'success', text: `Signed in as ${account.user?.name ?? 'your Clio user'}.` });
    } catch (e) {
      onStatus({ tone: 'error', text: e instanceof AppError ? e.message : 'Sign-in failed. Please try again.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="primary" onClick={signIn} disabled={busy}>
      Sign in with Clio
    </button>
  );
}
