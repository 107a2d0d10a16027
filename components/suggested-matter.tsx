/**
 * A form's "Matter" with "Suggested for this page": the best suggestion is preselected only while nothing else
 * is chosen (a running timer, a draft's matter, the site's remembered matter leads the suggestions anyway), and
 * only until the person clears or changes it. Under the picker, why it was suggested, and the site's controls.
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';

export function useSuggestedMatter(chosen: MatterRef | null, page: PageSuggestions | null, set: (m: MatterRef | null) => void) {
  const [declined, setDeclined] = useState(false);
  const best = !chosen && !declined ? (page?.suggestions[0] ?? null) : null;
  return {
    value: chosen ?? best?.matter ?? null,
    /** The suggestion preselected now (null once the person chose or cleared). */
    preselected: best,
    onChange: (m: MatterRef | null) => {
      if (!m) setDeclined(true);
      set(m);
    },
  };
}

/** Remembers the matter used on the page the suggestions were for (nothing when they were for no web page). */
export function rememberForSite(page: PageSuggestions | null, matter: MatterRef): void {
  if (page?.site) void send('suggestions/remember-site', { url: page.pageUrl, matter }).catch(() => undefined);
}

/** Why the preselected matter was suggested; the site it was remembered for, with "Forget this site"; still learning. */
export function SuggestedNote({ page, preselected }: { page: PageSuggestions | null; preselected: { reasons: string[] } | null }) {
  const [forgotten, setForgotten] = useState(false);
  const [never, setNever] = useState(false);
  if (!page) return null;
  return (
    <>
      {preselected ? (
        <p class="suggested-note">
          {t('suggestedBecause', preselected.reasons.join(' · '))}
          {page.remembered && page.site && !forgotten ? (
            <>
              {' '}
              <button
                type="button"
                class="link"
                onClick={() =>
                  send('suggestions/forget-site', { site: page.site! }).then(
                    () => setForgotten(true),
                    () => undefined,
                  )
                }
              >
                {t('forgetThisSite')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {forgotten ? <p class="suggested-note">{t('siteForgotten', page.site ?? '')}</p> : null}
      {page.site && page.state === 'ok' && !never ? (
        <p class="suggested-note">
          <button
            type="button"
            class="link"
            onClick={() =>
              send('suggestions/never-read', { site: page.site!, never: true }).then(
                () => setNever(true),
                () => undefined,
              )
            }
          >
            {t('neverReadThisSite')}
          </button>
        </p>
      ) : null}
      {never ? <p class="suggested-note">{t('siteNeverRead', page.site ?? '')}</p> : null}
      {page.learning ? <p class="suggested-note">{t('suggestLearning')}</p> : null}
    </>
  );
}
