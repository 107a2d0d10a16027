import { render } from 'preact';
import tokensCss from '@/components/tokens.css?inline';
import baseCss from '@/components/base.css?inline';
import { localizePage } from '@/components/page-language';
import { t } from '@/lib/i18n';
import popupCss from './popup.css?inline';
import { Popup } from './Popup';
import { followPopupState } from './popup-state';

/**
 * Styles travel inside the script (no stylesheet to fetch and wait for); the popup renders once
 * the stored state is read (a few ms): never a start form over a running timer.
 */
export function mountPopup(): void {
  document.head.append(Object.assign(document.createElement('style'), { textContent: tokensCss + baseCss + popupCss }));
  localizePage('extensionName');
  const app = document.getElementById('app')!;
  followPopupState(
    (state) => render(<Popup state={state} />, app),
    (e) => render(<p class="problem">{t('popupStorageError', e instanceof Error ? e.message : String(e))}</p>, app),
  );
}
