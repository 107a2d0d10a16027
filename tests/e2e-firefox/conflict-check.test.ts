/**
 * The conflict check in Firefox: "Check conflicts for '…'" (through triggers/menu-click, the function the menu's
 * listener calls) hands the selection to the sidebar page's "Conflict check", which finds the person in the local
 * matters and in Clio's contacts with the other matter they are a party to; Grow not connected is said.
 */
import { describe, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { sandbox, signedIn, useFirefox } from './fixtures';
import { byRole, send, tabAt, waitForText } from './page-helpers';
import { FIREFOX_SANDBOX } from './ports';

describe('Firefox: conflict check', () => {
  const firefox = useFirefox();

  it('a client who is also a party to another matter is found in the matters and in Clio contacts', async () => {
    const options = await signedIn(firefox());
    const [person] = (await sandbox.conflictPeople()).filter((p) => p.email && p.related);
    const page = await firefox().openUrl(`${FIREFOX_SANDBOX}/pages/contact`);
    const tab = await tabAt(options, page.url());
    await send(options, 'triggers/menu-click', {
      info: { menuItemId: 'check-conflicts', selectionText: person!.email!, pageUrl: page.url(), editable: false } as Browser.contextMenus.OnClickData,
      tab,
    });
    const panel = await firefox().open('sidepanel.html');
    await byRole(panel, 'region', 'Conflict check');
    await waitForText(panel, person!.client_of[0]!.display_number, 20_000);
    await waitForText(panel, person!.related!.display_number);
    await waitForText(panel, person!.related!.role);
    await waitForText(panel, 'exact email');
    await waitForText(panel, 'Grow is not connected, so its contacts were not checked');
  });
});
