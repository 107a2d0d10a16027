import { browser } from 'wxt/browser';
import { serveMessages } from '@/lib/messaging/serve';
import { timerItem, recentMattersItem } from '@/lib/timer/items';
import { authHandlers } from './auth-handlers';
import { watchBadge } from './badge';
import { watchIdle } from './idle';
import { createServices, OUTBOX_ALARM, scheduleTokenRefresh, TOKEN_REFRESH_ALARM } from './services';
import { timerHandlers } from './timer-handlers';

export default defineBackground({
  type: 'module',
  main() {
    const services = createServices();
    // Listeners are registered synchronously: the worker may have been woken by one of these events.
    serveMessages({ ...authHandlers(services), ...timerHandlers(services) });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === TOKEN_REFRESH_ALARM) {
        void services.session
          .accessToken()
          .catch(() => undefined)
          .then(() => scheduleTokenRefresh(services.session));
      }
      if (alarm.name === OUTBOX_ALARM) void services.outbox.flush();
    });
    browser.commands.onCommand.addListener((command) => {
      if (command === 'toggle-timer') void toggleTimer(services);
    });
    browser.runtime.onStartup.addListener(() => void scheduleTokenRefresh(services.session));
    watchBadge();
    watchIdle();
    // An attempt under way when the last worker died may have reached Clio: look before resending.
    void services.outbox.recover().then(() => services.outbox.flush());
  },
});

/** The keyboard command: stop the running timer, or start one on the last-used matter. */
async function toggleTimer(services: ReturnType<typeof createServices>): Promise<void> {
  const running = await timerItem.getValue();
  if (running) {
    await services.timer.stop().catch(() => undefined);
    return;
  }
  const [last] = await recentMattersItem.getValue();
  if (last) await services.timer.start({ matter: last, note: '', activityDescriptionId: null }).catch(() => undefined);
}
