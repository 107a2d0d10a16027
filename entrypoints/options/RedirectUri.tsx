/** The redirect URI to register on the firm's Clio app, with a button that copies it (the Clio app section, the setup). */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export function RedirectUri({ uri, id = 'redirect-uri' }: { uri: string; id?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(uri);
    setCopied(true);
  };
  return (
    <>
      <label for={id}>{t('redirectUri')}</label>
      <code id={id} class="copyable">
        {uri || '…'}
      </code>
      <p class="row">
        <button type="button" onClick={copy} disabled={!uri}>
          {copied ? t('copied') : t('copyRedirectUri')}
        </button>
      </p>
    </>
  );
}
