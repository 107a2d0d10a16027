/** The background's long-lived services, built once per service-worker life from stored state. */
import { browser } from 'wxt/browser';
import { markSignedOut } from '@/lib/auth/account';
import { buildConfig, growApp, hostsOf, manageApp, type AppSecrets } from '@/lib/auth/app-config';
import { REFRESH_AHEAD_MS } from '@/lib/auth/oauth';
import { ClioSession } from '@/lib/auth/session';
import { httpTokenEndpoint } from '@/lib/auth/token-endpoint';
import { browserWebAuthFlow } from '@/lib/browser/web-auth-flow';
import { cachedActivityDescriptions, FRESHEN_AFTER_MS } from '@/lib/activity-descriptions/activity-descriptions';
import { ClioClient } from '@/lib/clio/client';
import { storageLimiterStore } from '@/lib/clio/limiter-store';
import { RateLimiter } from '@/lib/clio/rate-limiter';
import { GROW_LEAD, growLeadCourier } from '@/lib/leads/lead-courier';
import { matterSyncItem } from '@/lib/matters/matter-items';
import { MatterService } from '@/lib/matters/service';
import { indexedDbMatterStore } from '@/lib/matters/store';
import type { OutboxEntry } from '@/lib/outbox/machine';
import { Outbox } from '@/lib/outbox/outbox';
import { accountItem } from '@/lib/auth/account-item';
import { growConnectionItem } from '@/lib/grow/grow-connection-item';
import { settingsItem } from '@/lib/settings/settings-item';
import { storageOutboxStore } from '@/lib/outbox/outbox-store';
import { indexedDbSecretStore } from '@/lib/storage/secret-store';
import { TIME_ENTRY, timeEntryCourier } from '@/lib/time-entries/time-entry-courier';
import { TIMER_STOP, timerStopCourier } from '@/lib/timer/timer-stop-courier';
import { rememberMatter, timerCheckedAtItem, timerItem } from '@/lib/timer/timer-items';
import { TimerService } from '@/lib/timer/service';
import { isoDateIn } from '@/lib/today';

export const TOKEN_REFRESH_ALARM = 'clio-token-refresh';
export const OUTBOX_ALARM = 'outbox';
export const MATTER_SYNC_ALARM = 'matter-sync';
export const CLIO_DEFAULT_RATE_LIMIT = 50;
/** The firm's legacy Lead Inbox token is a secret: it lives in the vault, not in storage.local. */
export const LEAD_INBOX_TOKEN_KEY = 'lead-inbox-token';
/** App secrets entered on the options page, likewise in the vault. */
export const APP_SECRETS_KEY = 'app-secrets';

export function createServices() {
  const build = buildConfig({
    WXT_CLIO_SERVER: import.meta.env.WXT_CLIO_SERVER,
    WXT_CLIO_CLIENT_ID: import.meta.env.WXT_CLIO_CLIENT_ID,
    WXT_CLIO_CLIENT_SECRET: import.meta.env.WXT_CLIO_CLIENT_SECRET,
    WXT_GROW_CLIENT_ID: import.meta.env.WXT_GROW_CLIENT_ID,
    WXT_GROW_CLIENT_SECRET: import.meta.env.WXT_GROW_CLIENT_SECRET,
  });
  const hosts = async () => hostsOf(await settingsItem.getValue(), build);
  /** A Clio user of this Clio (origin # id): outbox entries and what the browser keeps for a user belong to one. */
  const ownerOf = async (userId: number) => `${(await hosts()).manage}#${userId}`;
  /** Who is signed in, as an owner; null when nobody is. */
  const owner = async () => {
    const user = (await accountItem.getValue()).user;
    return user ? ownerOf(user.id) : null;
  };
  const flow = browserWebAuthFlow();
  const vault = indexedDbSecretStore();
  const endpoint = httpTokenEndpoint();

  const session = new ClioSession({
    vault,
    flow,
    endpoint,
    app: async () => manageApp(await settingsItem.getValue(), build, (await vault.get<AppSecrets>(APP_SECRETS_KEY)) ?? {}),
    onEnded: (problem) => markSignedOut(problem).then(() => undefined),
  });
  const limiter = new RateLimiter({ store: storageLimiterStore('manage'), defaultLimit: CLIO_DEFAULT_RATE_LIMIT, onBusyChange: keepAliveWhile });
  const client = new ClioClient({ session, limiter, apiBase: async () => (await hosts()).manageApi });

  // Grow (Platform): its own session, and its own limiter (3 requests a second per app).
  const growSession = new ClioSession({
    vault,
    flow,
    endpoint,
    app: async () => growApp(await settingsItem.getValue(), build, (await vault.get<AppSecrets>(APP_SECRETS_KEY)) ?? {}),
    onEnded: (problem) =>
      growConnectionItem.setValue({
        via: null,
        problem: problem.replace('Clio session', 'Clio Grow connection').replace('Sign in again', 'Connect Clio Grow again'),
      }),
  });
  const growLimiter = new RateLimiter({ store: storageLimiterStore('grow'), defaultLimit: 3, windowMs: 1000, marginMs: 100, onBusyChange: keepAliveWhile });
  const grow = new ClioClient({ session: growSession, limiter: growLimiter, apiBase: async () => (await hosts()).growApi, apiVersion: null });

  const outbox = new Outbox({
    store: storageOutboxStore<OutboxEntry>(),
    couriers: {
      [TIME_ENTRY]: timeEntryCourier(client),
      [TIMER_STOP]: timerStopCourier(client),
      [GROW_LEAD]: growLeadCourier({
        grow,
        limiter: growLimiter,
        legacyUrl: async () => (await hosts()).legacyLeadInbox,
        inboxToken: () => vault.get<string>(LEAD_INBOX_TOKEN_KEY),
      }),
    },
    onWake: (at) => void scheduleOutbox(at, () => void outbox.flush()),
    owner,
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
  const matters = new MatterService({
    client,
    store: indexedDbMatterStore(),
    userId: async () => (await accountItem.getValue()).user?.id ?? null,
    status: { get: () => matterSyncItem.getValue(), set: (s) => matterSyncItem.setValue(s) },
  });
  /** What the periodic alarm and a sign-in freshen: the matter index, then activity descriptions near a day old. */
  const freshen = async () => {
    await matters.sync().catch(() => undefined);
    await cachedActivityDescriptions(client, FRESHEN_AFTER_MS).catch(() => undefined);
  };
  return { build, hosts, owner, ownerOf, freshen, flow, vault, session, limiter, client, growSession, growLimiter, grow, outbox, timer, today, matters };
}

export type Services = ReturnType<typeof createServices>;

/** Schedules the proactive token refresh a little before the refresh window opens. */
export async function scheduleTokenRefresh(session: ClioSession): Promise<void> {
  const expiresAt = await session.expiresAt();
  if (expiresAt === null) await browser.alarms.clear(TOKEN_REFRESH_ALARM);
  else browser.alarms.create(TOKEN_REFRESH_ALARM, { when: Math.max(Date.now() + 1000, expiresAt - REFRESH_AHEAD_MS + 1000) });
}

let outboxSoon: ReturnType<typeof setTimeout> | undefined;
/**
 * The outbox's next attempt is an alarm: it fires even if the worker was killed meanwhile. Chrome
 * may hold alarms back up to 30 s, so a short backoff also gets a timer while this worker lives.
 */
async function scheduleOutbox(at: number | null, flush: () => void): Promise<void> {
  clearTimeout(outboxSoon);
  if (at === null || !Number.isFinite(at)) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
  const wait = at - Date.now();
  if (wait < 30_000) outboxSoon = setTimeout(flush, Math.max(0, wait));
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
