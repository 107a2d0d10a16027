import { useMemo, useState, useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SignInButton } from '@/components/SignInButton';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { storedSignal } from '@/components/use-stored';
import { accountItem } from '@/lib/storage/items';

export function Popup() {
  const account = useMemo(() => storedSignal(accountItem), []);
  useEffect(() => account.stop, [account]);
  const [status, setStatus] = useState<Status | null>(null);
  const state = account.value.value;
  const openOptions = (e: Event) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  };

  return (
    <main>
      <header>
        <h1>Clio Companion</h1>
        <a href="#" onClick={openOptions}>
          Options
        </a>
      </header>
      {state === undefined ? null : state.signedIn ? (
        <p>
          Signed in as <strong>{state.user?.name ?? 'your Clio user'}</strong>
          {state.user?.email ? <span class="hint"> ({state.user.email})</span> : null}
        </p>
      ) : (
        <section>
          {state.problem ? <p class="problem">{state.problem}</p> : <p>Connect your Clio account to track time from any page.</p>}
          <SignInButton onStatus={setStatus} />
        </section>
      )}
      <StatusMessage status={status} />
    </main>
  );
}
