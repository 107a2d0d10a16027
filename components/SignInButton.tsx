import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AppError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { currentOrigins } from './clio-hosts';
import type { Status } from './StatusMessage';
import { BusyButton } from './BusyButton';

/**
 * "Sign in with Clio": asks for the chosen region's hosts (an optional permission, asked on this click,
 * never at install), then the background runs the OAuth window, so closing the popup loses nothing.
 * `onFailure` also gets a failed sign-in's error (the setup page says more at the step it belongs to).
 */
export function SignInButton({ onStatus, onFailure }: { onStatus: (s: Status | null) => void; onFailure?: (e: unknown) => void }) {
  const [busy, setBusy] = useState(false);
  const origins = useRef<string[] | null>(null);
  useEffect(() => {
    void currentOrigins().then((o) => (origins.current = o));
  }, []);
  const signIn = async () => {
    // Synchronously, inside the click: the browser asks for a permission only in answer to a user gesture.
    const allowed = origins.current ? browser.permissions.request({ origins: origins.current }) : Promise.resolve(true);
    setBusy(true);
    onStatus({ tone: 'info', text: t('signInWaiting') });
    onFailure?.(null);
    try {
      if (!(await allowed)) {
        onStatus({ tone: 'error', text: t('needHostPermission') });
        return;
      }
      const account = await send('auth/sign-in');
      onStatus({ tone: 'success', text: t('signedInAs', account.user?.name ?? t('yourClioUser')) });
    } catch (e) {
      onStatus({ tone: 'error', text: e instanceof AppError ? e.message : t('signInFailed') });
      onFailure?.(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <BusyButton type="button" class="primary" onClick={signIn} busy={busy}>
      {t('signInWithClio')}
    </BusyButton>
  );
}
