import { render } from 'preact';
import baseCss from '@/components/base.css?inline';
import popupCss from './popup.css?inline';
import { Popup } from './Popup';
import { followPopupState } from './popup-state';

/**
 * Styles travel inside the script (no stylesheet to fetch and wait for); the popup renders once
 * the stored state is read (a few ms): never a start form over a running timer.
 */
export function mountPopup(): void {
  document.head.append(Object.assign(document.createElement('style'), { textContent: baseCss + popupCss }));
  const app = document.getElementById('app')!;
  followPopupState(
    (state) => render(<Popup state={state} />, app),
    (e) =>
      render(
        <p class="problem">The extension could not read its own storage ({e instanceof Error ? e.message : String(e)}). Close and reopen this popup.</p>,
        app,
      ),
  );
}
