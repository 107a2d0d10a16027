import { useEffect, useState } from 'preact/hooks';
import { buildServer } from '@/components/clio-hosts';
import { SignInButton } from '@/components/SignInButton';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { useFollowed } from '@/components/use-followed';
import { REGION_LABELS, regionsFor, type RegionChoice } from '@/lib/auth/regions';
import { AppError } from '@/lib/errors';
import { send } from '@/lib/messaging/send';
import { isOpen, type OutboxEntry } from '@/lib/outbox/outbox-machine';
import { storageOutboxStore } from '@/lib/outbox/outbox-store';
import { accountItem } from '@/lib/auth/account-item';
import { growConnectionItem } from '@/lib/grow/grow-connection-item';
import { settingsItem, type Settings } from '@/lib/settings/settings-item';
import { GROW_LEAD } from '@/lib/leads/lead-courier';
import { GrowSection } from './GrowSection';
import { WaitingLeads } from './WaitingLeads';

export function Options() {
  const stored = useFollowed({ account: accountItem, settings: settingsItem, grow: growConnectionItem });
  const [status, setStatus] = useState<Status | null>(null);
  const [redirectUri, setRedirectUri] = useState('');
  const [forget, setForget] = useState(false);
  useEffect(() => {
    void send('auth/redirect-uri').then(setRedirectUri, () => setRedirectUri(''));
  }, []);

  if (!stored) return null;
  const { account: acct, settings: s, grow: g } = stored;

  const signOut = async () => {
    try {
      const mine = acct.owner;
      const { revoked, forgot } = await send('auth/sign-out', { forget });
      const waiting = (await storageOutboxStore<OutboxEntry>().load()).filter((e) => isOpen(e) && e.owner === mine && e.kind !== GROW_LEAD).length;
      const kept = waiting
        ? ` ${waiting === 1 ? 'One entry is' : `${waiting} entries are`} still waiting to be sent; ${waiting === 1 ? 'it goes' : 'they go'} to Clio when you sign in again.`
        : '';
      const cleared = forgot ? ` ${forgottenText(forgot)}` : '';
      setStatus(
        revoked
          ? { tone: 'success', text: `Signed out. The extension’s access to Clio was revoked.${kept}${cleared}` }
          : {
              tone: 'info',
              text: `Signed out of this browser, but Clio did not confirm that the extension’s access was revoked (it could not be reached). To be sure, remove the app’s access in Clio’s settings.${kept}${cleared}`,
            },
      );
    } catch (e) {
      setStatus({ tone: 'error', text: e instanceof AppError ? e.message : 'Sign-out failed.' });
    }
  };

  return (
    <main>
      <h1>Clio Companion</h1>
      <section aria-labelledby="account-h">
        <h2 id="account-h">Clio account</h2>
        {acct.signedIn ? (
          <div class="card">
            <p>
              Signed in as <strong>{acct.user?.name ?? 'your Clio user'}</strong>
              {acct.user?.email ? (
                <>
                  {' '}
                  · <span>{acct.user.email}</span>
                </>
              ) : null}
            </p>
            <p class="row actions">
              <button type="button" onClick={signOut}>
                Sign out
              </button>
              <label class="check">
                <input type="checkbox" checked={forget} onChange={(e) => setForget(e.currentTarget.checked)} /> Also forget this browser’s data
              </label>
            </p>
          </div>
        ) : (
          <div class="card">
            {acct.problem ? <p class="problem">{acct.problem}</p> : <p>Not signed in.</p>}
            <SignInButton onStatus={setStatus} />
          </div>
        )}
        <StatusMessage status={status} />
      </section>
      <GrowSection connection={g} settings={s} />
      <WaitingLeads />
      <RegionPicker settings={s} locked={acct.signedIn} />
      <AppCredentials settings={s} redirectUri={redirectUri} />
    </main>
  );
}

function RegionPicker({ settings, locked }: { settings: Settings; locked: boolean }) {
  const offered = regionsFor(buildServer);
  const value = offered.includes(settings.region) ? settings.region : offered[0]!;
  return (
    <section aria-labelledby="region-h">
      <h2 id="region-h">Where your firm’s Clio account lives</h2>
      <label for="region">Region</label>
      <select
        id="region"
        value={value}
        disabled={locked}
        onChange={(e) => void settingsItem.setValue({ ...settings, region: (e.currentTarget as HTMLSelectElement).value as RegionChoice })}
      >
        {offered.map((r) => (
          <option value={r} key={r}>
            {r === 'custom' ? `${REGION_LABELS.custom} (${buildServer})` : REGION_LABELS[r]}
          </option>
        ))}
      </select>
      {locked ? <p class="hint">Sign out to change the region: a Clio sign-in is valid in one region only.</p> : null}
    </section>
  );
}

function AppCredentials({ settings, redirectUri }: { settings: Settings; redirectUri: string }) {
  const [key, setKey] = useState(settings.manageClientId);
  const [secret, setSecret] = useState('');
  const [growKey, setGrowKey] = useState(settings.growClientId);
  const [growSecret, setGrowSecret] = useState('');
  const [saved, setSavedSecrets] = useState({ manage: false, grow: false });
  useEffect(() => void send('auth/app-secrets', {}).then(setSavedSecrets, () => undefined), []);
  const [savedStatus, setSaved] = useState<Status | null>(null);
  const [copied, setCopied] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    await settingsItem.setValue({ ...settings, manageClientId: key.trim(), growClientId: growKey.trim() });
    // Secrets go to the background's vault; an empty box keeps the one saved before.
    setSavedSecrets(
      await send('auth/app-secrets', { ...(secret.trim() ? { manage: secret.trim() } : {}), ...(growSecret.trim() ? { grow: growSecret.trim() } : {}) }),
    );
    setSecret('');
    setGrowSecret('');
    setSaved({ tone: 'success', text: 'Saved. Sign in again for the new app to take effect.' });
  };
  const copy = async () => {
    await navigator.clipboard.writeText(redirectUri);
    setCopied(true);
  };
  return (
    <section aria-labelledby="app-h">
      <h2 id="app-h">Your firm’s Clio app</h2>
      <p class="hint">
        Clio lets an extension in only through an app your firm registers in the Clio Developer Portal (Settings → Developer Applications). Give it the
        permissions for Users, Matters, Contacts and Activities, paste this redirect URI, then copy the app’s key and secret below. Leave them empty to use the
        app built into this extension.
      </p>
      <label for="redirect-uri">Redirect URI</label>
      <div class="row">
        <code id="redirect-uri" class="copyable">
          {redirectUri || '…'}
        </code>
        <button type="button" onClick={copy} disabled={!redirectUri}>
          {copied ? 'Copied' : 'Copy redirect URI'}
        </button>
      </div>
      <form onSubmit={save}>
        <label for="client-id">App key</label>
        <input id="client-id" autocomplete="off" spellcheck={false} value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        <label for="client-secret">App secret</label>
        <input
          id="client-secret"
          type="password"
          autocomplete="off"
          placeholder={saved.manage ? 'Saved: type to replace' : ''}
          value={secret}
          onInput={(e) => setSecret(e.currentTarget.value)}
        />
        <p class="hint">
          For lead capture, a Clio Platform (Grow) app with the scopes grow_lead_inbox_write, grow_contact_read and grow_user_read, PKCE on, and the same
          redirect URI.
        </p>
        <label for="grow-client-id">Grow app key</label>
        <input id="grow-client-id" autocomplete="off" spellcheck={false} value={growKey} onInput={(e) => setGrowKey(e.currentTarget.value)} />
        <label for="grow-client-secret">Grow app secret</label>
        <input
          id="grow-client-secret"
          type="password"
          autocomplete="off"
          placeholder={saved.grow ? 'Saved: type to replace' : ''}
          value={growSecret}
          onInput={(e) => setGrowSecret(e.currentTarget.value)}
        />
        <p class="row">
          <button type="submit">Save app credentials</button>
        </p>
        <StatusMessage status={savedStatus} />
      </form>
    </section>
  );
}

/** What "Also forget this browser's data" cleared, in words. */
const FORGOTTEN_WORDS: Record<string, string> = {
  'local:timer': 'the timer',
  'local:popup-draft': 'the popup’s unsaved entry',
  'local:panel-entry-drafts': 'unsaved entries in the side panel',
  'local:recent-matters': 'recent matters',
  'grow-connection': 'the Clio Grow connection',
};

export function forgottenText(keys: string[]): string {
  const words = [...new Set(keys.map((k) => FORGOTTEN_WORDS[k]).filter(Boolean))];
  return words.length ? `Forgotten in this browser: ${words.join(', ')}.` : 'This browser held nothing else of yours to forget.';
}
