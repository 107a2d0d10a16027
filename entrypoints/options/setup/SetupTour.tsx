/** The setup's last step: where the extension is, on one screen (the toolbar popup, the side panel, the right-click items). */
import { t } from '@/lib/i18n';

/** A menu item's title as the tour shows it: the browser's `%s` (the selected text) as an ellipsis. */
const asShown = (title: string) => title.replace('%s', '…');

export function SetupTour() {
  return (
    <>
      <p>{t('setupTourIntro')}</p>
      <div class="setup-tour">
        <section aria-labelledby="tour-popup-h" class="card">
          <h3 id="tour-popup-h">{t('setupTourPopupHeading')}</h3>
          <p>{t('setupTourPopup')}</p>
        </section>
        <section aria-labelledby="tour-panel-h" class="card">
          <h3 id="tour-panel-h">{t('setupTourPanelHeading')}</h3>
          <p>{t('setupTourPanel')}</p>
        </section>
        <section aria-labelledby="tour-menus-h" class="card">
          <h3 id="tour-menus-h">{t('setupTourMenusHeading')}</h3>
          <p>{t('setupTourMenus')}</p>
          <ul>
            <li>{t('menuCaptureLead')}</li>
            <li>{t('menuFileToMatter')}</li>
            <li>{t('menuAddDeadline')}</li>
            <li>{asShown(t('menuSearchMatters'))}</li>
            <li>{asShown(t('menuCheckConflicts'))}</li>
          </ul>
        </section>
      </div>
    </>
  );
}
