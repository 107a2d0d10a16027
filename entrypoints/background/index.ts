import { browser } from 'wxt/browser';
import { openMatterPanel, panelTarget } from '@/lib/browser/side-panel';
import { matterUrl } from '@/lib/clio/links';
import { panelQueryItem } from '@/lib/matters/matter-items';
import { serveMessages } from '@/lib/messaging/serve';
import { accountItem } from '@/lib/auth/account-item';
import { recentMattersItem, timerItem } from '@/lib/timer/timer-items';
import { authHandlers } from './auth-handlers';
import { watchBadge } from './badge';
import { CAPTURE_MENU_ID, openCapture } from './capture-menu';
import { captureHandlers } from './capture-handlers';
import { watchIdle } from './idle';
import { matterHandlers } from './matter-handlers';
import { omniboxSuggestions } from './omnibox';
import { createServices, MATTER_SYNC_ALARM, OUTBOX_ALARM, scheduleTokenRefresh, TOKEN_REFRESH_ALARM, type Services } from './services';
import { timerHandlers } from './timer-handlers';

const SEARCH_MENU_ID = 'search-matters';

export default defineBackground({
  type: 'module',
  main() {
    const services = createServices();
    // Listeners are registered synchronously: the worker may have been woken by one of these events.
    serveMessages({ ...authHandlers(services), ...timerHandlers(services), ...captureHandlers(services), ...matterHandlers(services) });

    browser.runtime.onInstalled.addListener(() => void createMenus());
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === SEARCH_MENU_ID) {
        // Open first: the user gesture is lost after an await.
        void openMatterPanel(panelTarget(tab)).catch(() => undefined);
        void panelQueryItem.setValue({ query: (info.selectionText ?? '').trim().slice(0, 200), at: Date.now() });
      }
      if (info.menuItemId === CAPTURE_MENU_ID) void openCapture(info, tab);
    });

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === TOKEN_REFRESH_ALARM) {
        void services.session
          .accessToken()
          .catch(() => undefined)
          .then(() => scheduleTokenRefresh(services.session));
      }
      if (alarm.name === OUTBOX_ALARM) void services.outbox.flush();
      if (alarm.name === MATTER_SYNC_ALARM) void syncMatters(services);
    });
    void browser.alarms.get(MATTER_SYNC_ALARM).then((a) => {
      if (!a) browser.alarms.create(MATTER_SYNC_ALARM, { periodInMinutes: 5 });
    });

    browser.commands.onCommand.addListener((command, tab) => {
      if (command === 'open-matter-panel') void openMatterPanel(panelTarget(tab)).catch(() => undefined);
      if (command === 'toggle-timer') void toggleTimer(services);
    });

    browser.omnibox.setDefaultSuggestion({ description: 'Search Clio matters' });
    browser.omnibox.onInputChanged.addListener((text, suggest) => void omniboxSuggestions(services, text).then(suggest, () => suggest([])));
    browser.omnibox.onInputEntered.addListener((text) => void openFromOmnibox(services, text));

    browser.runtime.onStartup.addListener(() => void scheduleTokenRefresh(services.session));
    watchBadge();
    watchIdle();
    // An attempt under way when the last worker died may have reached Clio: look before resending.
    void services.outbox.recover().then(() => services.outbox.flush());
  },
});

/** Menu items are created once, at install and update (they persist across worker restarts). */
async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CAPTURE_MENU_ID, title: 'Capture as Clio Grow lead', contexts: ['page', 'selection', 'link'] });
  browser.contextMenus.create({ id: SEARCH_MENU_ID, title: 'Search Clio matters for “%s”', contexts: ['selection'] });
}

/** Every few minutes while signed in. */
async function syncMatters(services: Services): Promise<void> {
  if ((await accountItem.getValue()).signedIn) await services.freshen();
}

/** Enter in the omnibox: a chosen suggestion carries the matter id; plain text opens the best match. */
async function openFromOmnibox(services: Services, text: string): Promise<void> {
  const id = /^matter:(\d+)$/.exec(text)?.[1];
  const matterId = id ? Number(id) : (await services.matters.search(text, { limit: 1 })).hits[0]?.id;
  if (matterId) await browser.tabs.create({ url: matterUrl(await services.hosts(), matterId) });
}

/** The keyboard command: stop the running timer, or start one on the last-used matter. */
async function toggleTimer(services: Services): Promise<void> {
  const running = await timerItem.getValue();
  if (running) {
    await services.timer.stop().catch(() => undefined);
    return;
  }
  const [last] = await recentMattersItem.getValue();
  if (last) await services.timer.start({ matter: last, note: '', activityDescriptionId: null }).catch(() => undefined);
}
