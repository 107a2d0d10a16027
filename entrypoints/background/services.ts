/** The background's long-lived services, built once per service-worker life from stored state. */
import { browser } from 'wxt/browser';
import { markSignedOut } from '@/lib/account';
import { buildConfig, manageAppConfig } from '@/lib/auth/app-config';
import { REFRESH_AHEAD_MS } from '@/lib/auth/oauth';
import { ClioSession } from '@/lib/auth/session';
import { httpTokenEndpoint } from '@/lib/auth/token-endpoint';
import { browserWebAuthFlow } from '@/lib/browser/web-auth-flow';
import { ClioClient } from '@/lib/clio/client';
import { storageLimiterStore } from '@/lib/clio/limiter-store';
import { RateLimiter } from '@/lib/clio/rate-limiter';
import { Outbox } from '@/lib/outbox/outbox';
import type { OutboxEntry } from '@/lib/outbox/machine';
import { accountItem, settingsItem } from '@/lib/storage/items';
import { storageOutboxStore } from '@/lib/storage/outbox-store';
import { TIME_ENTRY, TIMER_STOP, timeEntryCourier, timerStopCourier } from '@/lib/time-entries/couriers';
import { rememberMatter, timerCheckedAtItem, timerItem } from '@/lib/timer/items';
import { TimerService } from '@/lib/timer/service';
import { isoDateIn } from '@/lib/today';
import { indexedDbSecretStore } from '@/lib/storage/secret-store';

export const TOKEN_REFRESH_ALARM = 'clio-token-refresh';
export const OUTBOX_ALARM = 'outbox';
export const CLIO_DEFAULT_RATE_LIMIT = 50;

export function createServices() {
  const build = buildConfig({
    WXT_CLIO_SERVER: import.meta.env.WXT_CLIO_SERVER,
    WXT_CLIO_CLIENT_ID: import.meta.env.WXT_CLIO_CLIENT_ID,
    WXT_CLIO_CLIENT_SECRET: import.meta.env.WXT_CLIO_CLIENT_SECRET,
  });
  const app = async () => manageAppConfig(await settingsItem.getValue(), build);
  const flow = browserWebAuthFlow();
  const session = new ClioSession({
    vault: indexedDbSecretStore(),
    flow,
    endpoint: httpTokenEndpoint(),
    app,
    onEnded: (problem) => markSignedOut(problem).then(() => undefined),
  });
  const limiter = new RateLimiter({
    store: storageLimiterStore('manage'),
    defaultLimit: CLIO_DEFAULT_RATE_LIMIT,
    onBusyChange: keepAliveWhile,
  });
  // Grow (Platform) allows 3 requests a second per app: its traffic has a limiter of its own.
  const growLimiter = new RateLimiter({ store: storageLimiterStore('grow'), defaultLimit: 3, windowMs: 1000, marginMs: 100, onBusyChange: keepAliveWhile });
  const client = new ClioClient({ session, limiter, apiBase: async () => (await app()).hosts.manageApi });
  const outbox = new Outbox({
    store: storageOutboxStore<OutboxEntry>(),
    couriers: { [TIME_ENTRY]: timeEntryCourier(client), [TIMER_STOP]: timerStopCourier(client) },
    onWake: (at) => void scheduleOutbox(at),
  });
  const today = async () => isoDateIn(Date.now(), (await accountItem.getValue()).user?.timeZone);
  const timer = new TimerService({
    client,
    outbox,
    store: {
      get: () => timerItem.getValue(),
      set: (t) => timerItem.setValue(t),
      checkedAt: () => timerCheckedAtItem.getValue(),
      setCheckedAt: (at) => timerCheckedAtItem.setValue(at),
    },
    today,
    remember: rememberMatter,
  });
  return { build, app, flow, session, limiter, growLimiter, client, outbox, timer, today };
}

export type Services = ReturnType<typeof createServices>;

/** Schedules the proactive token refresh a little before the refresh window opens. */
export async function scheduleTokenRefresh(session: ClioSession): Promise<void> {
  const expiresAt = await session.expiresAt();
  if (expiresAt === null) await browser.alarms.clear(TOKEN_REFRESH_ALARM);
  else browser.alarms.create(TOKEN_REFRESH_ALARM, { when: Math.max(Date.now() + 1000, expiresAt - REFRESH_AHEAD_MS + 1000) });
}

/** The outbox's next attempt is an alarm: it fires even if the worker was killed meanwhile. */
async function scheduleOutbox(at: number | null): Promise<void> {
  if (at === null || !Number.isFinite(at)) await browser.alarms.clear(OUTBOX_ALARM);
  else browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
}

let keepAlive: ReturnType<typeof setInterval> | undefined;
let busySources = 0;
/** While Clio work waits in a rate limiter, an extension call every 20 s keeps the worker from idling out. */
function keepAliveWhile(busy: boolean): void {
  busySources = Math.max(0, busySources + (busy ? 1 : -1));
  if (busySources > 0 && !keepAlive) keepAlive = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
  if (busySources === 0 && keepAlive) {
    clearInterval(keepAlive);
    keepAlive = undefined;
  }
}
