/** Clio Grow: connect through OAuth (PKCE), or use the firm's legacy Lead Inbox token; and how leads name their source. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { messageOf } from '@/components/error-message';
import { around, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { settingsItem, type Settings } from '@/lib/settings/settings-item';
import type { GrowConnection } from '@/lib/grow/grow-connection-item';

/** The options page's Grow section; `children`: what follows in it (the leads still waiting). */
export function GrowSection({ connection, settings, children }: { connection: GrowConnection; settings: Settings; children?: ComponentChildren }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [token, setToken] = useState('');
  const [source, setSource] = useState(settings.leadSource);
  const run = async (f: () => Promise<string>) => {
    try {
      setStatus({ tone: 'success', text: await f() });
    } catch (e) {
      setStatus({ tone: 'error', text: messageOf(e) });
    }
  };
  const [connectedAs, afterWho] = around('growConnectedAs');
  return (
    <section aria-labelledby="grow-h" class="group">
      <h2 id="grow-h" tabIndex={-1}>
        {t('growHeading')}
      </h2>
      <div class="card">
        {connection.via === 'oauth' ? (
          <>
            <p>
              {connection.who ? (
                <>
                  {connectedAs}
                  <strong>{connection.who}</strong>
                  {afterWho}
                </>
              ) : (
                t('growConnected')
              )}
            </p>
            <button type="button" onClick={() => run(async () => (await send('grow/disconnect'), t('growDisconnected')))}>
              {t('disconnectGrow')}
            </button>
          </>
        ) : (
          <>
            {connection.problem ? <p class="problem">{connection.problem}</p> : null}
            <p>{connection.via === 'lead-inbox-token' ? t('growViaToken') : t('growConnectPrompt')}</p>
            <button type="button" class="primary" onClick={() => run(async () => (await send('grow/connect'), t('growConnectedStatus')))}>
              {t('connectGrow')}
            </button>
          </>
        )}
      </div>
      <StatusMessage status={status} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await send('grow/set-lead-inbox-token', { token });
            setToken('');
            return token.trim() ? t('tokenSaved') : t('tokenRemoved');
          });
        }}
      >
        <label for="lead-inbox-token">{t('leadInboxToken')}</label>
        <p class="hint">{t('leadInboxTokenHint')}</p>
        <div class="row">
          <input id="lead-inbox-token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} style="flex:1" />
          <button type="submit">{t('saveToken')}</button>
        </div>
      </form>
      <label for="lead-source">{t('leadSourceField')}</label>
      <input
        id="lead-source"
        value={source}
        onInput={(e) => setSource(e.currentTarget.value)}
        onChange={() => void settingsItem.setValue({ ...settings, leadSource: source.trim() || 'Clio Companion browser extension' })}
      />
      {children}
    </section>
  );
}
