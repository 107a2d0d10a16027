/** Shared helpers for the sandbox tests: start a server, sign in, call the APIs. */
import { createHash, randomBytes } from 'node:crypto';
import { GROW_CLIENT_ID, GROW_CLIENT_SECRET, MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from '../../../sandbox/credentials';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';

export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/callback';

export async function start(opts: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, matters: 600, ...opts });
}

export async function form(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' });
}

/** Approve the consent form and return the code from the redirect. */
export async function authorizeCode(origin: string, params: Record<string, string>, prefix = ''): Promise<string> {
  const res = await form(`${origin}${prefix}/oauth/authorize`, { response_type: 'code', redirect_uri: REDIRECT, state: 's1', decision: 'approve', ...params });
  if (res.status !== 302) throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
  const location = new URL(res.headers.get('location')!);
  return location.searchParams.get('code')!;
}

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

export async function manageTokens(origin: string, userId = '1001'): Promise<Tokens> {
  const code = await authorizeCode(origin, { client_id: MANAGE_CLIENT_ID, user_id: userId });
  const res = await form(`${origin}/oauth/token`, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: MANAGE_CLIENT_ID,
    client_secret: MANAGE_CLIENT_SECRET,
  });
  if (res.status !== 200) throw new Error(`token answered ${res.status}`);
  return (await res.json()) as Tokens;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const GROW_SCOPES = 'grow_lead_inbox_write grow_contact_read grow_user_read';

export async function growTokens(origin: string): Promise<Tokens> {
  const { verifier, challenge } = pkcePair();
  const code = await authorizeCode(
    origin,
    { client_id: GROW_CLIENT_ID, scope: GROW_SCOPES, code_challenge: challenge, code_challenge_method: 'S256' },
    '/grow',
  );
  const res = await form(`${origin}/grow/oauth/token`, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: GROW_CLIENT_ID,
    client_secret: GROW_CLIENT_SECRET,
    code_verifier: verifier,
  });
  if (res.status !== 200) throw new Error(`grow token answered ${res.status}`);
  return (await res.json()) as Tokens;
}

/** GET/POST/PATCH/DELETE with a bearer token and an optional JSON body. */
export async function api(url: string, token: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(url, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export async function admin(origin: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${origin}/__admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}
