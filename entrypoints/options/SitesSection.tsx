/**
 * "Suggested for this page", per site: the matters remembered for sites (forget one, or all), and the sites the
 * extension never reads (read again). Nothing here leaves the browser.
 */
import { useFollowed } from '@/components/use-followed';
import { t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { neverReadItem, siteMattersItem } from '@/lib/suggestions/suggestion-items';

export function SitesSection() {
  const s = useFollowed({ sites: siteMattersItem, never: neverReadItem });
  if (!s) return null;
  const sites = Object.entries(s.sites).sort(([, a], [, b]) => b.at - a.at);
  return (
    <section aria-labelledby="sites-h">
      <h3 id="sites-h">{t('sitesHeading')}</h3>
      <p class="hint">{t('sitesExplained')}</p>
      {sites.length ? <h4 id="remembered-h">{t('sitesRemembered')}</h4> : null}
      {sites.length ? (
        <ul class="sites" aria-labelledby="remembered-h">
          {sites.map(([site, { matter }]) => (
            <li key={site}>
              <span class="site">{site}</span> → <span>{matterLabel(matter)}</span>{' '}
              <button type="button" class="link" aria-label={t('forgetSiteNamed', site)} onClick={() => void send('suggestions/forget-site', { site })}>
                {t('forgetThisSite')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('sitesNoneRemembered')}</p>
      )}
      {sites.length > 1 ? (
        <p>
          <button type="button" onClick={() => void send('suggestions/forget-site', {})}>
            {t('forgetAllSites')}
          </button>
        </p>
      ) : null}
      {s.never.length ? <h4 id="never-h">{t('sitesNeverRead')}</h4> : null}
      {s.never.length ? (
        <ul class="sites" aria-labelledby="never-h">
          {s.never.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>{' '}
              <button
                type="button"
                class="link"
                aria-label={t('readSiteAgainNamed', site)}
                onClick={() => void send('suggestions/never-read', { site, never: false })}
              >
                {t('readSiteAgain')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
