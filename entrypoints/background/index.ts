import { browser } from 'wxt/browser';
import { serveMessages } from '@/lib/messaging/serve';
import { authHandlers } from './auth-handlers';
import { createServices, scheduleTokenRefresh, TOKEN_REFRESH_ALARM } from './services';

export default defineBackground({
  type: 'module',
  main() {
    const services = createServices();
    // Listeners are registered synchronously: the worker may have been woken by one of these events.
    serveMessages({ ...authHandlers(services) });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === TOKEN_REFRESH_ALARM) {
        void services.session
          .accessToken()
          .catch(() => undefined)
          .then(() => scheduleTokenRefresh(services.session));
      }
    });
    browser.runtime.onStartup.addListener(() => void scheduleTokenRefresh(services.session));
  },
});
