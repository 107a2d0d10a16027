/** On install (not on an update nor a browser start): the first-run setup, the options page in its setup mode. */
import { browser, type Browser } from 'wxt/browser';

export function openSetupOnInstall(details: Browser.runtime.InstalledDetails): void {
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#setup') });
}
