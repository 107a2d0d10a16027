/** The background's long-lived services, built once per worker life from stored state: the composition root. */
import { browser } from 'wxt/browser';
import { activityDescriptionsCached, FRESHEN_AFTER_MS } from '@/lib/activity-descriptions/activity-descriptions';
import { oneAtATime } from '@/lib/one-at-a-time';
import { activityRates as activityRatesOf } from '@/lib/activity-descriptions/activity-rates';
import { AccountService, markSignedOut } from '@/lib/auth/account';
import { accountItem } from '@/lib/auth/account-item';
import { APP_SECRETS_KEY, type AppSecrets, builtInConfig, chosenRegion, growApp, hostsOf, manageApp, originsOfThisBuild } from '@/lib/auth/app-config';
import { REFRESH_AHEAD_MS } from '@/lib/auth/oauth';
import { ClioSession } from '@/lib/auth/session';
import { httpTokenEndpoint } from '@/lib/auth/token-endpoint';
import { browserWebAuthFlow } from '@/lib/browser/web-auth-flow';
import { say } from '@/lib/i18n';
import { ClioClient } from '@/lib/clio/client';
import { storageLimiterStore } from '@/lib/clio/limiter-store';
import { RateLimiter } from '@/lib/clio/rate-limiter';
import { forgetDraftsSavedAs } from '@/lib/drafts/draft-keeper';
import { GrowConnectionService } from '@/lib/grow/grow-connection';
import { growConnectionItem } from '@/lib/grow/grow-connection-item';
import { GROW_LEAD, growLeadCourier } from '@/lib/leads/lead-courier';
import { LeadService } from '@/lib/leads/lead-service';
import { growInboxUrl } from '@/lib/clio/links';
import { matterSyncItem } from '@/lib/matters/matter-items';
import { MatterService } from '@/lib/matters/matter-service';
import { indexedDbMatterStore } from '@/lib/matters/matter-store-idb';
import { readTabSignals } from '@/lib/suggestions/read-tab';
import { SuggestionService } from '@/lib/suggestions/suggestion-service';
import { ConflictService } from '@/lib/conflicts/conflict-service';
import { indexAnswers } from '@/lib/matters/matter-lookup';
import { Outbox } from '@/lib/outbox/outbox';
import { indexedDbOutboxStore } from '@/lib/outbox/outbox-store';
import { settingsItem } from '@/lib/settings/settings-item';
import { indexedDbSecretStore } from '@/lib/storage/secret-store';
import { forgetUserState, showUserStateOf, stateOwner } from '@/lib/storage/user-state';
import { TIME_ENTRY, timeEntryCourier } from '@/lib/time-entries/time-entry-courier';
import { TimeEntryService } from '@/lib/time-entries/time-entry-service';
import { firstDayOfWeek } from '@/lib/time-entries/week';
import { EXPENSE, expenseCourier } from '@/lib/expenses/expense-courier';
import { ExpenseService } from '@/lib/expenses/expense-service';
import { expenseSetupCached, keptFirmCurrency } from '@/lib/expenses/expense-setup';
import { currencyFor } from '@/lib/expenses/currency-choice';
import { CALENDAR_ENTRY, calendarEntryCourier, TASK, taskCourier } from '@/lib/deadlines/deadline-couriers';
import { DeadlineService } from '@/lib/deadlines/deadline-service';
import { PAYMENT_LINK, paymentLinkCourier, TRUST_REQUEST, trustRequestCourier } from '@/lib/billing/billing-couriers';
import { BillingService } from '@/lib/billing/billing-service';
import { deadlineSetupCached } from '@/lib/deadlines/deadline-setup';
import { TimerService } from '@/lib/timer/timer-service';
import { TIMER_STOP, timerStopCourier } from '@/lib/timer/timer-stop-courier';
import { idleItem, pausedTimersItem, recentMattersItem, rememberMatter, timerCheckedAtItem, timerItem } from '@/lib/timer/timer-items';
import { isoDateIn } from '@/lib/dates';
import { mayReach } from '@/lib/browser/host-permission';
import { bytesStore, MAX_FILE_BYTES } from '@/lib/filing/bytes-store';
import { COMMUNICATION, communicationCourier } from '@/lib/filing/communication-courier';
import { DOCUMENT, type DocumentPayload, documentCourier } from '@/lib/filing/document-courier';
import { entrySteps } from '@/lib/filing/entry-steps';
import { filedDocumentsItem, filedKey, uploadProgressItem, withFiled } from '@/lib/filing/filing-items';
import { FilingService } from '@/lib/filing/filing-service';
import { matchPeople } from '@/lib/filing/match-people';
import { NOTE, noteCourier } from '@/lib/filing/note-courier';
import { fetchPdf } from '@/lib/filing/fetch-pdf';
import { saveDialogService } from '@/lib/filing/save-dialog-service';
import { deadlineDialogService } from '@/lib/deadlines/deadline-dialog-service';
import type { PageDialogDeps } from '@/lib/page-dialogs/page-dialog';
import { sha256Hex } from '@/lib/filing/content-hash';
import { pdfFileName } from '@/lib/filing/pdf-source';
import { DAMAGE, damageCourier, MEDICAL_BILL, medicalBillCourier } from '@/lib/injury/injury-couriers';
import { damagesAddedItem, medicalCopyItem, withDamage } from '@/lib/injury/injury-items';
import { InjuryService } from '@/lib/injury/injury-service';
import { onAlarm } from './alarms';
import { uiLocale } from '@/lib/ui-locale';

export const TOKEN_REFRESH_ALARM = 'clio-token-refresh';
export const OUTBOX_ALARM = 'outbox';
export const MATTER_SYNC_ALARM = 'matter-sync';
export const CLIO_DEFAULT_RATE_LIMIT = 50;

export function createServices() {
  const build = builtInConfig();
  const hosts = async () => hostsOf(await settingsItem.getValue(), build);
  /** A Clio user of this Clio (origin # id): outbox entries and what the browser keeps for a user belong to one. */
  const ownerOf = async (userId: number) => `${(await hosts()).manage}#${userId}`;
  const userId = async () => (await accountItem.getValue()).user?.id ?? null;
  /** Who is signed in, as an owner; null when nobody is. */
  const owner = async () => {
    const id = await userId();
    return id === null ? null : ownerOf(id);
  };
  const flow = browserWebAuthFlow();
  const vault = indexedDbSecretStore();
  const endpoint = httpTokenEndpoint();
  const secrets = async () => (await vault.get<AppSecrets>(APP_SECRETS_KEY)) ?? {};

  const session = new ClioSession({
    vault,
    flow,
    endpoint,
    app: async () => manageApp(await settingsItem.getValue(), build, await secrets()),
    onEnded: (problem) => markSignedOut(problem).then(() => undefined),
  });
  const limiter = new RateLimiter({ store: storageLimiterStore('manage'), defaultLimit: CLIO_DEFAULT_RATE_LIMIT, onBusyChange: keepAliveWhile });
  const client = new ClioClient({ session, limiter, apiBase: async () => (await hosts()).manageApi });

  // Grow (Platform): its own session, and its own limiter (3 requests a second per app).
  const growSession: ClioSession = new ClioSession({
    vault,
    flow,
    endpoint,
    app: async () => growApp(await settingsItem.getValue(), build, await secrets()),
    onEnded: () => growConnection.ended(),
  });
  const growLimiter = new RateLimiter({ store: storageLimiterStore('grow'), defaultLimit: 3, windowMs: 1000, marginMs: 100, onBusyChange: keepAliveWhile });
  const grow = new ClioClient({ session: growSession, limiter: growLimiter, apiBase: async () => (await hosts()).growApi, apiVersion: null });
  const growConnection: GrowConnectionService = new GrowConnectionService({
    grow,
    session: growSession,
    vault,
    inboxUrl: async () => growInboxUrl(await hosts()),
    wake: () => void outbox.wake(),
  });

  // Filing: a document's bytes wait in IndexedDB, swept when no outbox entry refers to them; each entry's steps beside them.
  const bytes = bytesStore({
    inUse: async () => new Set((await outbox.list()).filter((e) => e.kind === DOCUMENT).map((e) => (e.payload as DocumentPayload).bytesId)),
  });
  const steps = entrySteps();
  const outbox: Outbox = new Outbox({
    store: indexedDbOutboxStore(),
    couriers: {
      [DOCUMENT]: documentCourier({
        client,
        bytes,
        steps,
        mayReach,
        progress: async (entryId, sent, total) => {
          const { [entryId]: _, ...rest } = await uploadProgressItem.getValue();
          await uploadProgressItem.setValue(sent === undefined || total === undefined ? rest : { ...rest, [entryId]: { sent, total } });
        },
        filed: async (p, documentId) =>
          filedDocumentsItem.setValue(
            withFiled(await filedDocumentsItem.getValue(), filedKey(p.matter.id, p.sha256), { documentId, name: p.name, at: Date.now() }),
          ),
      }),
      [COMMUNICATION]: communicationCourier({
        client,
        steps,
        match: (senders, receivers) =>
          matchPeople(
            {
              client,
              me: async () => (await accountItem.getValue()).user ?? null,
              localClients: async (emails) => {
                const found = await matters.byKeys({ emails });
                const ids = new Map<string, number>();
                for (const { matter, matched } of found.matches)
                  for (const k of matched) if (k.kind === 'email' && matter.clientId !== null && !ids.has(k.value)) ids.set(k.value, matter.clientId);
                return ids;
              },
            },
            senders,
            receivers,
          ),
      }),
      [NOTE]: noteCourier(client),
      [TIME_ENTRY]: timeEntryCourier(client),
      [EXPENSE]: expenseCourier(client),
      [TASK]: taskCourier(client),
      [CALENDAR_ENTRY]: calendarEntryCourier(client),
      [PAYMENT_LINK]: paymentLinkCourier(client),
      [TRUST_REQUEST]: trustRequestCourier(client),
      [DAMAGE]: damageCourier(client, async ({ matter, damageType, description, amount }, id) =>
        damagesAddedItem.setValue(withDamage(await damagesAddedItem.getValue(), { id, matterId: matter.id, damageType, description, amount, at: Date.now() })),
      ),
      [MEDICAL_BILL]: medicalBillCourier({
        client,
        filedDocument: async (matterId, sha256) => (await filedDocumentsItem.getValue())[filedKey(matterId, sha256)]?.documentId ?? null,
      }),
      [TIMER_STOP]: timerStopCourier(client),
      [GROW_LEAD]: growLeadCourier({
        grow,
        limiter: growLimiter,
        legacyUrl: async () => (await hosts()).legacyLeadInbox,
        inboxToken: () => growConnection.inboxToken(),
      }),
    },
    onWake: (at) => void scheduleOutbox(at, () => void outbox.flush()),
    // Leads go to the firm's Grow (of this region) as connected; everything else as the signed-in Clio user.
    owner: async (kind) => (kind === GROW_LEAD ? ((await growConnectionItem.getValue()).via ? (await hosts()).growApi : null) : owner()),
  });
  const today = async () => isoDateIn(Date.now(), (await accountItem.getValue()).user?.timeZone);
  const timer = new TimerService({
    client,
    outbox,
    store: {
      get: () => timerItem.getValue(),
      set: (t) => timerItem.setValue(t),
      paused: () => pausedTimersItem.getValue(),
      setPaused: (list) => pausedTimersItem.setValue(list),
      checkedAt: () => timerCheckedAtItem.getValue(),
      setCheckedAt: (at) => timerCheckedAtItem.setValue(at),
    },
    today,
    remember: rememberMatter,
    recentMatters: () => recentMattersItem.getValue(),
    owner: stateOwner,
    idle: { get: () => idleItem.getValue(), set: (s) => idleItem.setValue(s) },
  });
  const timeEntries = new TimeEntryService({
    client,
    outbox,
    userId,
    today,
    firstDay: () => firstDayOfWeek(uiLocale()),
    saved: forgetDraftsSavedAs,
    remember: rememberMatter,
  });
  const expenses = new ExpenseService({ client, outbox, saved: forgetDraftsSavedAs, remember: rememberMatter });
  const filing = new FilingService({
    outbox,
    bytes,
    client,
    hosts,
    filed: () => filedDocumentsItem.getValue(),
    uploads: () => uploadProgressItem.getValue(),
  });
  const deadlines = new DeadlineService({
    client,
    outbox,
    setup: () => deadlineSetup(),
    me: async () => (await accountItem.getValue()).user ?? null,
    saved: forgetDraftsSavedAs,
    remember: rememberMatter,
  });
  const billing = new BillingService({ client, outbox, saved: forgetDraftsSavedAs });
  const matters = new MatterService({
    client,
    store: indexedDbMatterStore(),
    userId,
    status: { get: () => matterSyncItem.getValue(), set: (s) => matterSyncItem.setValue(s) },
  });
  const leads = new LeadService({
    grow,
    outbox,
    status: () => growConnection.status(),
    region: async () => chosenRegion(await settingsItem.getValue(), build),
    source: async () => (await settingsItem.getValue()).leadSource,
    locale: () => navigator.language,
  });
  /**
   * What the periodic alarm and a sign-in freshen: the matter index, and beside it (a request or two each, not waiting
   * for the index's pages) activity descriptions, expense categories, users and calendars near a day old.
   */
  const freshen = async () => {
    const setup = async () => {
      await activityDescriptions(FRESHEN_AFTER_MS).catch(() => undefined);
      await expenseSetup(FRESHEN_AFTER_MS).catch(() => undefined);
      await deadlineSetup(FRESHEN_AFTER_MS).catch(() => undefined);
    };
    await Promise.all([matters.sync().catch(() => undefined), setup()]);
  };
  // A surface asking while the freshen above fetches them joins that request (and the other way round).
  const activityDescriptions = oneAtATime((maxAgeMs?: number) => activityDescriptionsCached(client, maxAgeMs));
  const expenseSetup = oneAtATime((maxAgeMs?: number) => expenseSetupCached(client, maxAgeMs));
  const deadlineSetup = oneAtATime((maxAgeMs?: number) => deadlineSetupCached(client, maxAgeMs));
  const activityRates = (matterId: number, ask: boolean) =>
    activityRatesOf(
      {
        client,
        me: async () => (await accountItem.getValue()).user ?? null,
        refreshMe: async () => (await account.refresh()).user ?? null,
        currency: async (id) => currencyFor(await matters.currencyOf(id), await keptFirmCurrency()),
      },
      matterId,
      ask,
    );
  const account = new AccountService({
    session,
    client,
    flow,
    vault,
    ownerOf,
    hostsAllowed: async () => browser.permissions.contains({ origins: originsOfThisBuild(await hosts()) }),
    forgetUser: forgetUserState,
    forgetGrow: () => growConnection.forget(),
    showStateOf: async (id) => showUserStateOf(await ownerOf(id)),
    signedIn: async () => {
      await scheduleTokenRefresh(session);
      void outbox.wake(); // whatever waited for a sign-in goes now
      void freshen(); // build the matter index, and fetch what the popup's Activity list shows
    },
    signedOut: async () => {
      await matters.forget();
      await scheduleTokenRefresh(session);
    },
  });

  onAlarm(
    TOKEN_REFRESH_ALARM,
    () =>
      void session
        .accessToken()
        .catch(() => undefined)
        .then(() => scheduleTokenRefresh(session)),
  );
  onAlarm(OUTBOX_ALARM, () => void outbox.flush());
  onAlarm(MATTER_SYNC_ALARM, () => void accountItem.getValue().then((a) => (a.signedIn ? freshen() : undefined)));

  const suggestions = new SuggestionService({
    activeTab: async (windowId) => {
      const tab = await activeTabIn(windowId);
      return tab?.id === undefined ? null : { id: tab.id, windowId: tab.windowId, url: tab.url ?? '', title: tab.title ?? '' };
    },
    readSignals: readTabSignals,
    byKeys: (q) => matters.byKeys(q),
    say,
  });
  const conflicts = new ConflictService({
    client,
    grow,
    growConnected: async () => (await growConnection.status()).via === 'oauth',
    byKeys: (q) => matters.byKeys(q),
    // Only the local index: a conflict check makes no matter request of its own.
    searchIndex: async (text) =>
      indexAnswers(await matterSyncItem.getValue()) ? (await matters.search(text, { statuses: ['Open', 'Pending', 'Closed'], limit: 50 })).hits : null,
  });
  // Where a dialog over a web page opens: its content script in the tab, or its page in a window of its own.
  const dialogHosting: PageDialogDeps = {
    inject: (tabId, file) =>
      browser.scripting.executeScript({ target: { tabId }, files: [file as '/content-scripts/save.js'] }).then(
        () => true,
        () => false,
      ),
    openWindow: async (path) => {
      await browser.windows.create({ url: browser.runtime.getURL(path as '/save-window.html'), type: 'popup', width: 480, height: 760 });
    },
    // The panel's window's page; a panel open as a tab of its own (or in a window of its own) means the page of the
    // last focused browser window.
    activeTab: async (windowId) => {
      const tab = await activeTabIn(windowId);
      if (tab?.url && !tab.url.startsWith(browser.runtime.getURL('/'))) return tab;
      const normal = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => undefined);
      return normal?.id === undefined ? tab : (await browser.tabs.query({ active: true, windowId: normal.id }))[0];
    },
  };
  const saveDialog = saveDialogService({
    ...dialogHosting,
    keepBytes: (id, blob, meta) => filing.keepBytes(id, blob, meta),
    fetchPdf: (url) => fetchPdf(url, MAX_FILE_BYTES),
  });
  const deadlineDialog = deadlineDialogService(dialogHosting);
  const injury = new InjuryService({
    client,
    outbox,
    copy: { get: () => medicalCopyItem.getValue(), set: (c) => medicalCopyItem.setValue(c) },
    damages: () => damagesAddedItem.getValue(),
    file: (r) => filing.save(r),
    hashOf: async (id) => {
      const kept = await bytes.read(id);
      return kept ? sha256Hex(kept.blob) : null;
    },
    keepPdf: async (url) => {
      const blob = await fetchPdf(url, MAX_FILE_BYTES);
      const id = crypto.randomUUID();
      await filing.keepBytes(id, blob, { contentType: 'application/pdf', filename: pdfFileName(url) });
      return { id, bytes: blob.size };
    },
    // The panel's window's page (as "Save this page" finds it) and the PDFs it links to, where the extension may read it.
    pageOf: async (windowId) => {
      const tab = await dialogHosting.activeTab(windowId);
      if (tab?.id === undefined) return { url: '', title: '', links: [] };
      const links = await browser.scripting
        .executeScript({
          target: { tabId: tab.id },
          func: () => Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href).slice(0, 500),
        })
        .then(
          ([first]) => (first?.result as string[] | undefined) ?? [],
          () => [],
        );
      return { url: tab.url ?? '', title: tab.title ?? '', links };
    },
    saved: forgetDraftsSavedAs,
  });
  return {
    build,
    hosts,
    account,
    session,
    client,
    growConnection,
    outbox,
    timer,
    timeEntries,
    expenses,
    filing,
    deadlines,
    billing,
    injury,
    matters,
    suggestions,
    conflicts,
    leads,
    saveDialog,
    deadlineDialog,
    activityDescriptions,
    activityRates,
    expenseSetup,
    deadlineSetup,
    freshen,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Every few minutes while signed in: the matter index and activity descriptions stay fresh. */
export async function keepSyncing(): Promise<void> {
  if (!(await browser.alarms.get(MATTER_SYNC_ALARM))) browser.alarms.create(MATTER_SYNC_ALARM, { periodInMinutes: 5 });
}

/** Schedules the proactive token refresh a little before the refresh window opens. */
export async function scheduleTokenRefresh(session: ClioSession): Promise<void> {
  const expiresAt = await session.expiresAt();
  if (expiresAt === null) await browser.alarms.clear(TOKEN_REFRESH_ALARM);
  else browser.alarms.create(TOKEN_REFRESH_ALARM, { when: Math.max(Date.now() + 1000, expiresAt - REFRESH_AHEAD_MS + 1000) });
}

/** The active tab of a window, or of the last focused one. */
async function activeTabIn(windowId: number | undefined) {
  return (await browser.tabs.query(windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId }))[0];
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
