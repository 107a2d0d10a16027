import { useEffect, useState } from 'preact/hooks';
import { SignInButton } from '@/components/SignInButton';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { useFollowed } from '@/components/use-followed';
import { AppError } from '@/lib/errors';
import { around, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { isOpen } from '@/lib/outbox/outbox-machine';
import { outboxViewItem } from '@/lib/outbox/outbox-store';
import { accountItem } from '@/lib/auth/account-item';
import { growConnectionItem } from '@/lib/grow/grow-connection-item';
import { settingsItem } from '@/lib/settings/settings-item';
import { GROW_LEAD } from '@/lib/leads/lead-courier';
import { AppCredentials } from './AppCredentials';
import { BadgeSection } from './BadgeSection';
import { InjurySection } from './InjurySection';
import { GrowSection } from './GrowSection';
import { RegionPicker } from './RegionPicker';
import { RemindersSection } from './RemindersSection';
import { SitesSection } from './SitesSection';
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
      const waiting = (await outboxViewItem.getValue()).filter((e) => isOpen(e) && e.owner === mine && e.kind !== GROW_LEAD).length;
      const text = [
        revoked ? t('signedOutRevoked') : t('signedOutNotConfirmed'),
        waiting === 0 ? '' : waiting === 1 ? t('entriesWaitingOne') : t('entriesWaitingMany', waiting),
        forgot ? forgottenText(forgot) : '',
      ]
        .filter(Boolean)
        .join(' ');
      setStatus({ tone: revoked ? 'success' : 'info', text });
    } catch (e) {
      setStatus({ tone: 'error', text: e instanceof AppError ? e.message : t('signOutFailed') });
    }
  };

  const [signedInAs, afterName] = around('signedInAsName');
  return (
    <main>
      <h1>{t('extensionName')}</h1>
      {/* Each section's heading takes focus (tabIndex -1): a link's Enter moves focus there, not to the page's body. */}
      <nav aria-label={t('optionsSections')}>
        <a href="#account-h">{t('sectionAccount')}</a>
        <a href="#clio-app-h">{t('sectionClioApp')}</a>
        <a href="#grow-h">{t('sectionGrow')}</a>
        <a href="#timer-h">{t('sectionTimer')}</a>
        {acct.signedIn ? <a href="#privacy-h">{t('sectionPrivacy')}</a> : null}
      </nav>
      <section aria-labelledby="account-h" class="group">
        <h2 id="account-h" tabIndex={-1}>
          {t('clioAccount')}
        </h2>
        {acct.signedIn ? (
          <div class="card">
            <p>
              {signedInAs}
              <strong>{acct.user?.name ?? t('yourClioUser')}</strong>
              {afterName}
              {acct.user?.email ? (
                <>
                  {' '}
                  · <span>{acct.user.email}</span>
                </>
              ) : null}
            </p>
            <p class="row actions">
              <button type="button" onClick={signOut}>
                {t('signOut')}
              </button>
              <label class="check">
                <input type="checkbox" checked={forget} onChange={(e) => setForget(e.currentTarget.checked)} /> {t('alsoForget')}
              </label>
            </p>
          </div>
        ) : (
          <div class="card">
            {acct.problem ? <p class="problem">{acct.problem}</p> : <p>{t('notSignedIn')}</p>}
            {/* Signed in, the card above says who: the status says it only when something went wrong. */}
            <SignInButton onStatus={(st) => setStatus(st?.tone === 'success' ? null : st)} />
          </div>
        )}
        <StatusMessage status={status} />
      </section>
      <section aria-labelledby="clio-app-h" class="group">
        <h2 id="clio-app-h" tabIndex={-1}>
          {t('sectionClioApp')}
        </h2>
        <RegionPicker settings={s} locked={acct.signedIn} />
        <AppCredentials settings={s} redirectUri={redirectUri} />
        <InjurySection settings={s} />
      </section>
      <GrowSection connection={g} settings={s}>
        <WaitingLeads />
      </GrowSection>
      <section aria-labelledby="timer-h" class="group">
        <h2 id="timer-h" tabIndex={-1}>
          {t('sectionTimer')}
        </h2>
        {acct.signedIn ? <RemindersSection /> : null}
        <BadgeSection settings={s} />
      </section>
      {acct.signedIn ? (
        <section aria-labelledby="privacy-h" class="group">
          <h2 id="privacy-h" tabIndex={-1}>
            {t('sectionPrivacy')}
          </h2>
          <SitesSection />
        </section>
      ) : null}
    </main>
  );
}

/** What "Also forget this browser's data" cleared, in words. */
const FORGOTTEN_WORDS: Record<string, () => string> = {
  'local:timer': () => t('forgotTimer'),
  'local:paused-timers': () => t('forgotTimer'),
  'local:popup-draft': () => t('forgotPopupDraft'),
  'local:panel-entry-drafts': () => t('forgotPanelDrafts'),
  'local:recent-matters': () => t('forgotRecentMatters'),
  'local:pinned-matters': () => t('forgotPinnedMatters'),
  'local:site-matters': () => t('forgotSiteMatters'),
  'local:never-read-sites': () => t('forgotNeverRead'),
  'local:filed-documents': () => t('forgotFiledDocuments'),
  'local:timer-reminders': () => t('forgotReminders'),
  'grow-connection': () => t('forgotGrow'),
};

export function forgottenText(keys: string[]): string {
  const words = [...new Set(keys.map((k) => FORGOTTEN_WORDS[k]?.()).filter((w): w is string => !!w))];
  return words.length ? t('forgottenIn', words.join(', ')) : t('forgottenNothing');
}
