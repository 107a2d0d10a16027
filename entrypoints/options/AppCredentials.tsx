/**
 * "Your firm's Clio app": the redirect URI to register, the permissions to tick, and the app's key and secret (the
 * secrets go to the background's vault). On the options page with the Grow app's too; in the setup, the Manage app's
 * alone, required (`required`), and `onSaved` goes on to the next step.
 */
import { useEffect, useState } from 'preact/hooks';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { hasBuiltInApp } from '@/lib/auth/app-config';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { appEntered } from '@/lib/setup/setup-steps';
import { settingsItem, type Settings } from '@/lib/settings/settings-item';
import { ClioPermissions } from './ClioPermissions';
import { RedirectUri } from './RedirectUri';

export function AppCredentials({
  settings,
  redirectUri,
  required = false,
  onSaved,
}: {
  settings: Settings;
  redirectUri: string;
  required?: boolean;
  onSaved?: () => void;
}) {
  const [key, setKey] = useState(settings.manageClientId);
  const [secret, setSecret] = useState('');
  const [growKey, setGrowKey] = useState(settings.growClientId);
  const [growSecret, setGrowSecret] = useState('');
  const [saved, setSavedSecrets] = useState({ manage: false, grow: false });
  useEffect(() => void send('auth/app-secrets', {}).then(setSavedSecrets, () => undefined), []);
  const [savedStatus, setSaved] = useState<Status | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    if (required && !appEntered({ key, secretTyped: secret, secretSaved: saved.manage })) {
      setSaved({ tone: 'error', text: t('setupAppNeeded') });
      return;
    }
    await settingsItem.setValue({ ...settings, manageClientId: key.trim(), growClientId: growKey.trim() });
    // Secrets go to the background's vault; an empty box keeps the one saved before.
    setSavedSecrets(
      await send('auth/app-secrets', { ...(secret.trim() ? { manage: secret.trim() } : {}), ...(growSecret.trim() ? { grow: growSecret.trim() } : {}) }),
    );
    setSecret('');
    setGrowSecret('');
    setSaved({ tone: 'success', text: t('appCredentialsSaved') });
    onSaved?.();
  };
  return (
    <section aria-labelledby="app-h">
      <h3 id="app-h">{t('appHeading')}</h3>
      <p class="hint">
        {t('appHint')}
        {hasBuiltInApp() ? ` ${t('appHintBuiltIn')}` : ''}
      </p>
      <RedirectUri uri={redirectUri} />
      <ClioPermissions />
      <form onSubmit={save}>
        <KeyAndSecret id="client" labels={[t('appKey'), t('appSecret')]} value={[key, secret]} set={[setKey, setSecret]} saved={saved.manage} />
        {required ? null : (
          <>
            <h4>{t('growAppHeading')}</h4>
            <p class="hint">{t('growAppHint')}</p>
            <KeyAndSecret
              id="grow-client"
              labels={[t('growAppKey'), t('growAppSecret')]}
              value={[growKey, growSecret]}
              set={[setGrowKey, setGrowSecret]}
              saved={saved.grow}
            />
          </>
        )}
        <p class="row">
          <button type="submit" class={required ? 'primary' : undefined}>
            {required ? t('setupSaveAppAndContinue') : t('saveAppCredentials')}
          </button>
        </p>
        <StatusMessage status={savedStatus} />
      </form>
    </section>
  );
}

/** One app's key and secret fields (`<id>-id`, `<id>-secret`); a secret saved before is not shown, only said. */
function KeyAndSecret(p: { id: string; labels: [string, string]; value: [string, string]; set: [(v: string) => void, (v: string) => void]; saved: boolean }) {
  return (
    <>
      <label for={`${p.id}-id`}>{p.labels[0]}</label>
      <input id={`${p.id}-id`} autocomplete="off" spellcheck={false} value={p.value[0]} onInput={(e) => p.set[0](e.currentTarget.value)} />
      <label for={`${p.id}-secret`}>{p.labels[1]}</label>
      <input
        id={`${p.id}-secret`}
        type="password"
        autocomplete="off"
        placeholder={p.saved ? t('savedTypeToReplace') : ''}
        value={p.value[1]}
        onInput={(e) => p.set[1](e.currentTarget.value)}
      />
    </>
  );
}
