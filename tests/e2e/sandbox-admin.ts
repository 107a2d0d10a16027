/** The sandbox's admin API, for arranging faults and reading what the extension asked. */
import { E2E_SANDBOX } from './ports';

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  query?: Record<string, unknown>;
  status: number;
  api?: string;
  grantType?: string;
  body?: unknown;
}

export interface SandboxState {
  users: Array<{ id: number; name: string; email: string }>;
  timers: Array<{ id: number; userId: number; activityId: number; elapsedSeconds: number }>;
  createdActivities: Array<{
    id: number;
    quantity: number;
    rounded_quantity: number;
    note: string;
    date: string;
    non_billable: boolean;
    matter: { id: number } | null;
  }>;
  leads: unknown[];
  legacyLeads: unknown[];
  documents: Array<{
    id: number;
    name: string;
    matter: { id: number } | null;
    external_properties: Array<{ name: string; value: string }>;
    versions: Array<{ uuid: string; filename: string; content_type: string; fully_uploaded: boolean; size: number | null; parts: number }>;
  }>;
  communications: Array<{
    id: number;
    type: string;
    subject: string;
    body: string;
    matter: { id: number } | null;
    senders: unknown[];
    receivers: unknown[];
    time_entries: Array<{ id: number; quantity: number }>;
  }>;
  notes: Array<{ id: number; type: string; subject: string; detail: string; matter: { id: number } | null; contact: { id: number } | null }>;
  grants: { active: number; revoked: number };
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
    location: string | null;
    start_at: string;
    end_at: string;
    all_day: boolean;
    matter: { id: number } | null;
    external_properties: Array<{ name: string; value: string }>;
  }>;
}

/** The admin API of the sandbox at `origin` (each e2e suite runs its own sandbox). */
export function sandboxAdmin(origin: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${origin}/__admin/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox admin ${method} ${path}: ${res.status}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    reset: () => call<void>('POST', 'reset'),
    faults: (f: Record<string, unknown>) => call<void>('POST', 'faults', f),
    clearFaults: () => call<void>('DELETE', 'faults'),
    tokens: (t: { expireAll?: boolean; revokeAll?: boolean }) => call<void>('POST', 'tokens', t),
    config: (c: Record<string, unknown>) => call<void>('POST', 'config', c),
    log: () => call<LoggedRequest[]>('GET', 'log'),
    clearLog: () => call<void>('DELETE', 'log'),
    /** Seeded matters to pick from (at most 10); `withReference`: only those with a client reference. */
    matters: (query = '', status = 'Open', withReference = false) =>
      call<
        Array<{
          id: number;
          display_number: string;
          description: string;
          client_reference: string | null;
          client: { name: string; primary_email_address: string | null; primary_phone_number: string | null } | null;
        }>
      >('GET', `matters?query=${encodeURIComponent(query)}&status=${status}${withReference ? '&with_reference=true' : ''}`),
    /** Clients of the firm who are also a party to another matter (at most 10), and whether Grow knows them. */
    conflictPeople: () =>
      call<
        Array<{
          id: number;
          name: string;
          email: string | null;
          client_of: Array<{ id: number; display_number: string }>;
          related: { id: number; display_number: string; role: string } | null;
          in_grow: boolean;
        }>
      >('GET', 'conflict-people'),
    editMatter: (id: number, change: { description?: string; status?: string; currency?: string | null }) => call<unknown>('PATCH', `matters/${id}`, change),
    state: () => call<SandboxState>('GET', 'state'),
    /** A fully uploaded document's bytes as the sandbox stored them. */
    documentBytes: async (id: number) => {
      const d = await call<{ content_type: string; size: number; sha256: string; base64: string }>('GET', `documents/${id}/bytes`);
      return { ...d, bytes: Buffer.from(d.base64, 'base64') };
    },
  };
}

export const sandbox = sandboxAdmin(E2E_SANDBOX);
