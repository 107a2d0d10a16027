/**
 * The omnibox keyword `clio` in Firefox: suggestions read as plain text. Firefox shows a suggestion's
 * description as it is, so Chrome's XML (`<match>`, `&amp;`) would show literally.
 */
import { describe, expect, it } from 'vitest';
import { sandbox, signedIn, useFirefox } from './fixtures';
import { send } from './page-helpers';

type Suggestion = { content: string; description: string };

describe('Firefox: omnibox', () => {
  const firefox = useFirefox();

  it('suggests matters from the index as plain text, Clio’s text as it is', async () => {
    const [target] = await sandbox.matters('', 'Open');
    await sandbox.editMatter(target!.id, { description: 'Zebra & <Sons> dispute' });
    const options = await signedIn(firefox());
    const expected = `${target!.display_number} Zebra & <Sons> dispute${target!.client ? ` — ${target!.client.name}` : ''}`;

    // Through triggers/omnibox-input: the very function the onInputChanged listener calls.
    const suggestions = await send(options, 'triggers/omnibox-input', { text: 'zebra' });
    expect(suggestions[0]).toEqual({ content: `matter:${target!.id}`, description: expected });
    for (const s of suggestions) expect(s.description).not.toMatch(/<match>|<dim>|&amp;|&lt;|&gt;|&quot;|&apos;/);

    // And through Firefox's own address-bar handler (its internals, chrome scope): typing "clio zebra".
    const typed = await firefox().chrome<string>(`(async () => {
      const { ExtensionSearchHandler: omnibox } = ChromeUtils.importESModule('resource://gre/modules/ExtensionSearchHandler.sys.mjs');
      const got = await new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('no suggestions within 15 s')), 15000);
        omnibox.handleSearch({ keyword: 'clio', text: 'clio zebra' }, resolve).catch(reject);
      });
      omnibox.handleInputCancelled();
      return JSON.stringify(got);
    })()`);
    const fromAddressBar = JSON.parse(typed) as Suggestion[];
    expect(fromAddressBar[0]).toMatchObject({ content: `matter:${target!.id}`, description: expected });
  });
});
