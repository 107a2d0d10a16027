/** Clio Grow: connect through OAuth (PKCE), or use the firm's legacy Lead Inbox token; and how leads name their source. */
import { useState } from 'preact/hooks';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { messageOf } from '@/components/error-message';
import { send } from '@/lib/messaging/send';
import { settingsItem, type Settings } from '@/lib/settings/settings-item';
import type { GrowConnection } from '@/lib/grow/grow-connection-item';

export function GrowSection({ connection, settings }: { connection: GrowConnection; settings: Settings }) {
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
  return (
    <section aria-labelledby="grow-h">
      <h2 id="grow-h">Clio Grow (leads)</h2>
      <div class="card">
        {connection.via === 'oauth' ? (
          <>
            <p>
              Connected to Clio Grow
              {connection.who ? (
                <>
                  {' '}
                  as <strong>{connection.who}</strong>
                </>
              ) : null}
              . Captured leads go to its inbox.
            </p>
            <button type="button" onClick={() => run(async () => (await send('grow/disconnect'), 'Clio Grow disconnected; its access was revoked.'))}>
              Disconnect Clio Grow
            </button>
          </>
        ) : (
          <>
            {connection.problem ? <p class="problem">{connection.problem}</p> : null}
            <p>
              {connection.via === 'lead-inbox-token'
                ? 'Leads go to Grow through the firm’s Lead Inbox token. Connect Clio Grow to also see “Already in Grow” before sending.'
                : 'Connect Clio Grow to send captured leads to its inbox.'}
            </p>
            <button type="button" class="primary" onClick={() => run(async () => (await send('grow/connect'), 'Clio Grow connected.'))}>
              Connect Clio Grow
            </button>
          </>
        )}
      </div>
      <StatusMessage status={status} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const c = await send('grow/set-lead-inbox-token', { token });
            setToken('');
            return token.trim() ? 'Lead Inbox token saved.' : c.via ? 'Lead Inbox token removed.' : 'Lead Inbox token removed.';
          });
        }}
      >
        <label for="lead-inbox-token">Lead Inbox token</label>
        <p class="hint">
          For firms without a Clio Platform app: Grow → Settings → Integrations → Lead Inbox token. Kept only in this browser’s extension storage.
        </p>
        <div class="row">
          <input id="lead-inbox-token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} style="flex:1" />
          <button type="submit">Save token</button>
        </div>
      </form>
      <label for="lead-source">Lead source shown in Grow</label>
      <input
        id="lead-source"
        value={source}
        onInput={(e) => setSource(e.currentTarget.value)}
        onChange={() => void settingsItem.setValue({ ...settings, leadSource: source.trim() || 'Clio Companion browser extension' })}
      />
    </section>
  );
}
