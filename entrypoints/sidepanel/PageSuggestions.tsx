/**
 * "Suggested for this page" in the side panel. The panel has no gesture of its own: it shows what was read on a
 * gesture in its window (the popup opening over the page, a right-click), and offers "Suggest for this page",
 * which reads the tab where the extension may (a page it was used on, a host it holds), and says plainly when
 * it may not.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { MatterRow } from '@/lib/matters/matter';
import { send } from '@/lib/messaging/send';
import { pageSuggestionsItem } from '@/lib/suggestions/suggestion-items';
import type { PageSuggestions as Reading } from '@/lib/suggestions/suggestion-service';
import { BusyButton } from '@/components/BusyButton';

const STATE_TEXT = { 'no-grant': 'suggestNoGrant', never: 'suggestNever', 'no-page': 'suggestNoPage' } as const;

export function PageSuggestions({ onOpen }: { onOpen: (m: MatterRow) => void }) {
  const [reading, setReading] = useState<Reading | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let windowId = '';
    const show = (all: Record<string, Reading>) => setReading(all[windowId] ?? null);
    const stop = pageSuggestionsItem.watch(show);
    void browser.windows.getCurrent().then(async (w) => {
      windowId = String(w.id);
      show(await pageSuggestionsItem.getValue());
    });
    return stop;
  }, []);

  const suggest = async () => {
    setBusy(true);
    try {
      const w = await browser.windows.getCurrent();
      setReading(await send('suggestions/for-page', w.id === undefined ? {} : { windowId: w.id }));
    } catch {
      setReading(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page-suggestions" aria-label={t('suggestedForPage')}>
      <h2>{t('suggestedForPage')}</h2>
      {reading?.pageTitle || reading?.pageUrl ? <p class="hint page-of">{reading.pageTitle || reading.pageUrl}</p> : null}
      {reading && reading.state !== 'ok' ? <p class="hint">{t(STATE_TEXT[reading.state])}</p> : null}
      {reading?.state === 'ok' && !reading.suggestions.length ? <p class="hint">{t('suggestNothing')}</p> : null}
      {reading?.learning ? <p class="hint">{t('suggestLearning')}</p> : null}
      {reading?.suggestions.length ? (
        <ul class="results">
          {reading.suggestions.map(({ matter, reasons }) => (
            <li key={matter.id}>
              <button type="button" class="result" onClick={() => onOpen({ clientName: '', status: 'Open', ...matter })}>
                <span class="num">{matter.displayNumber}</span>
                <span class="desc">{matter.description}</span>
                <span class="client">{matter.clientName}</span>
                <span class="why">{reasons.join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <BusyButton type="button" onClick={suggest} busy={busy}>
        {t('suggestForThisPage')}
      </BusyButton>
    </section>
  );
}
