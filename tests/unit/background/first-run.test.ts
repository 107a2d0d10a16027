import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSetupOnInstall } from '@/entrypoints/background/first-run';

const setupTabs = async () => (await browser.tabs.query({})).filter((t) => t.url?.endsWith('/options.html#setup'));

describe('openSetupOnInstall', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the setup on an install only', async () => {
    openSetupOnInstall({ reason: 'update', previousVersion: '0.1.0' } as Parameters<typeof openSetupOnInstall>[0]);
    openSetupOnInstall({ reason: 'chrome_update' } as Parameters<typeof openSetupOnInstall>[0]);
    await new Promise((r) => setTimeout(r, 0));
    expect(await setupTabs()).toEqual([]);
    openSetupOnInstall({ reason: 'install' } as Parameters<typeof openSetupOnInstall>[0]);
    await expect.poll(async () => (await setupTabs()).length).toBe(1);
  });
});
