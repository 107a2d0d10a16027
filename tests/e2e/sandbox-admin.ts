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

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E_SANDBOX}/__admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox admin ${method} ${path}: ${res.status}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const sandbox = {
  reset: () => call<void>('POST', 'reset'),
  faults: (f: Record<string, unknown>) => call<void>('POST', 'faults', f),
  clearFaults: () => call<void>('DELETE', 'faults'),
  tokens: (t: { expireAll?: boolean; revokeAll?: boolean }) => call<void>('POST', 'tokens', t),
  config: (c: Record<string, unknown>) => call<void>('POST', 'config', c),
  log: () => call<LoggedRequest[]>('GET', 'log'),
  clearLog: () => call<void>('DELETE', 'log'),
  state: () => call<Record<string, unknown> & { grants: { active: number; revoked: number } }>('GET', 'state'),
};
