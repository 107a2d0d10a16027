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
import { settingsItem } from '@/lib/storage/items';
import { indexedDbSecretStore } from '@/lib/storage/secret-store';

export const TOKEN_REFRESH_ALARM = 'clio-token-refresh';
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
  return { build, app, flow, session, limiter, growLimiter, client };
}

export type Services = ReturnType<typeof createServices>;

/** Schedules the proactive token refresh a little before the refresh window opens. */
export async function scheduleTokenRefresh(session: ClioSession): Promise<void> {
  const expiresAt = await session.expiresAt();
  if (expiresAt === null) await browser.alarms.clear(TOKEN_REFRESH_ALARM);
  else browser.alarms.create(TOKEN_REFRESH_ALARM, { when: Math.max(Date.now() + 1000, expiresAt - REFRESH_AHEAD_MS + 1000) });
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
