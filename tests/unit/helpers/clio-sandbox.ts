/**
 * The project's own sandbox, and the extension's real Clio stack signed in against it: a ClioSession
 * (the whole OAuth code flow, consent answered over HTTP), a RateLimiter and a ClioClient, wired
 * as the background wires them. For the service tests: what they assert is what reached the sandbox.
 */
import { growApp, manageApp, type BuildConfig } from '@/lib/auth/app-config';
import { hostsFor } from '@/lib/auth/regions';
import { ClioSession } from '@/lib/auth/session';
import { httpTokenEndpoint } from '@/lib/auth/token-endpoint';
import { ClioClient } from '@/lib/clio/client';
import { RateLimiter } from '@/lib/clio/rate-limiter';
import type { LimiterState } from '@/lib/clio/rate-window';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import type { Outbox, OutboxStore } from '@/lib/outbox/outbox';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings-item';
import { memorySecretStore } from '@/lib/storage/secret-store';
import { approveOverHttp, TEST_REDIRECT_URI } from '@/sandbox/approve-over-http';
import { GROW_CLIENT_ID, GROW_CLIENT_SECRET, MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from '@/sandbox/credentials';
import type { Faults } from '@/sandbox/faults';
import type { LogEntry } from '@/sandbox/state';

/** What `GET /__admin/state` answers (the parts the tests read). */
export interface SandboxSnapshot {
  users: Array<{ id: number; name: string; email: string }>;
  timers: Array<{ id: number; userId: number; activityId: number; startTime: string }>;
  createdActivities: Array<{
    id: number;
    type: string;
    date: string;
    quantity: number;
    note: string | null;
    non_billable: boolean;
    matter: { id: number } | null;
    activity_description: { id: number } | null;
    user: { id: number };
  }>;
  leads: SandboxLead[];
  legacyLeads: SandboxLead[];
  tasks: Array<{
    id: number;
    name: string;
    description: string;
    due_at: string | null;
    priority: string;
    statute_of_limitations: boolean;
    matter: { id: number } | null;
    assignee: { id: number; type: string };
  }>;
  calendarEntries: Array<{
    id: number;
    summary: string;
    description: string;
    location: string;
    start_at: string;
    end_at: string;
    all_day: boolean;
    calendar_owner: { id: number };
    matter: { id: number } | null;
    external_properties: Array<{ name: string; value: string }>;
  }>;
}

export interface SandboxLead {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone_number: string | null;
  from_message: string;
  from_source: string;
  referring_url: string;
  state: string;
}

export interface SandboxMatter {
  id: number;
  display_number: string;
  description: string;
  status: 'Open' | 'Pending' | 'Closed';
  client_reference: string | null;
  client: { id: number; name: string; primary_email_address: string | null; primary_phone_number: string | null } | null;
}

/** The sandbox's admin API (`/__admin/…`): reset, faults, the request log, its state. */
export function sandboxAdmin(origin: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}/__admin/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    reset: () => call<void>('POST', 'reset'),
    faults: (patch: Partial<Faults>) => call<Faults>('POST', 'faults', patch),
    clearFaults: () => call<void>('DELETE', 'faults'),
    config: (patch: Record<string, number | string>) => call<unknown>('POST', 'config', patch),
    tokens: (change: { expireAll?: boolean; revokeAll?: boolean }) => call<unknown>('POST', 'tokens', change),
    /** The API requests since the last reset or `clearLog` (never admin ones); `api` narrows them. */
    log: async (api?: LogEntry['api']) => (await call<LogEntry[]>('GET', 'log')).filter((r) => api === undefined || r.api === api),
    clearLog: () => call<void>('DELETE', 'log'),
    state: () => call<SandboxSnapshot>('GET', 'state'),
    /** Seeded matters, for a test to pick one: `query` is a substring of number, description or client. */
    matters: (query = '', status = 'Open', withReference = false) =>
      call<SandboxMatter[]>('GET', `matters?${new URLSearchParams({ query, status, ...(withReference ? { with_reference: 'true' } : {}) })}`),
    /** A change made in Clio's web app: description and/or status. */
    editMatter: (id: number, change: { description?: string; status?: string }) => call<unknown>('PATCH', `matters/${id}`, change),
  };
}

export type SandboxAdmin = ReturnType<typeof sandboxAdmin>;

/** `METHOD /path` of each logged request, without the API prefix: `POST /activities.json`, `GET /timer.json`. */
export const requestLines = (log: LogEntry[]) => log.map((r) => `${r.method} ${r.path.replace(/^\/(api\/v4|grow)(?=\/)/, '')}`);

export interface SignedIn {
  session: ClioSession;
  limiter: RateLimiter;
  client: ClioClient;
}

/**
 * A ClioClient for the Manage API (or, with `api: 'grow'`, for Grow, with its own session and its
 * 3-a-second limiter), signed in as the sandbox's first user. The limiter's jitter is pinned low so
 * a retried GET waits a quarter second, not up to one.
 */
export async function signedInClient(origin: string, api: 'manage' | 'grow' = 'manage'): Promise<SignedIn> {
  const build: BuildConfig = {
    customServer: origin,
    manageClientId: MANAGE_CLIENT_ID,
    manageClientSecret: MANAGE_CLIENT_SECRET,
    growClientId: GROW_CLIENT_ID,
    growClientSecret: GROW_CLIENT_SECRET,
  };
  const app = api === 'manage' ? manageApp(DEFAULT_SETTINGS, build) : growApp(DEFAULT_SETTINGS, build);
  const session = new ClioSession({
    vault: memorySecretStore(),
    flow: { redirectUri: () => TEST_REDIRECT_URI, launch: (url) => approveOverHttp(url) },
    endpoint: httpTokenEndpoint(),
    app: async () => app,
  });
  let state: LimiterState | undefined;
  const store = { load: async () => state, save: async (s: LimiterState) => void (state = s) };
  const limiter =
    api === 'manage'
      ? new RateLimiter({ store, defaultLimit: 50, random: () => 0 })
      : new RateLimiter({ store, defaultLimit: 3, windowMs: 1000, marginMs: 100, random: () => 0 });
  const hosts = hostsFor('custom', origin);
  const client = new ClioClient({
    session,
    limiter,
    apiBase: async () => (api === 'manage' ? hosts.manageApi : hosts.growApi),
    ...(api === 'grow' ? { apiVersion: null } : {}),
  });
  await session.signIn();
  return { session, limiter, client };
}

/** An outbox entry of `kind` as a courier sees it in its first attempt (id 'e1'), with `over` changed. */
export const sendingEntry = <P>(kind: string, payload: P, over: Partial<OutboxEntry<P>> = {}): OutboxEntry<P> => ({
  id: 'e1',
  kind,
  payload,
  state: 'sending',
  attempts: 1,
  createdAt: Date.now(),
  nextAttemptAt: Date.now(),
  ...over,
});

/** An outbox store in memory (the background keeps it in IndexedDB; see indexedDbOutboxStore). */
export function memoryOutboxStore(): OutboxStore & { entries: () => OutboxEntry[] } {
  let stored: OutboxEntry[] = [];
  return {
    load: async () => structuredClone(stored),
    save: async (e) => void (stored = structuredClone(e)),
    entries: () => stored,
  };
}

/**
 * Sends `payload` through an outbox while the sandbox drops the connection once (`dropAfter`: after Clio handled the
 * request; `dropBefore`: before), then lets a minute pass and flushes again: the entry's first answer (uncertain) and
 * how it ends.
 */
export async function sendThroughDrop<P>(
  admin: SandboxAdmin,
  outboxAt: (now: () => number) => Outbox,
  kind: string,
  payload: P,
  drop: 'dropAfter' | 'dropBefore' = 'dropAfter',
): Promise<{ first: OutboxEntry<P>; last: OutboxEntry }> {
  let clock = Date.now();
  const outbox = outboxAt(() => clock);
  await admin.faults({ [drop]: 1, scope: 'manage' });
  const first = await outbox.add(kind, payload);
  clock += 60_000;
  await outbox.flush();
  return { first, last: (await outbox.get(first.id))! };
}
