/** Talks to Clio's OAuth token and deauthorize endpoints. Errors never include a token or secret. */
import { ofetch } from 'ofetch';
import { appError } from '../errors';
import type { ManageAppConfig } from './app-config';
import { tokenSetFrom, type TokenSet } from './oauth';

export interface TokenEndpoint {
  exchange(code: string, app: ManageAppConfig, redirectUri: string): Promise<TokenSet>;
  refresh(refreshToken: string, app: ManageAppConfig): Promise<TokenSet>;
  revoke(accessToken: string, app: ManageAppConfig): Promise<void>;
}

const TIMEOUT_MS = 20_000;

async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  try {
    const res = await ofetch.raw(url, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { Accept: 'application/json', ...headers },
      retry: 0,
      ignoreResponseError: true,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: res.status, body: res._data as unknown };
  } catch {
    throw appError('network', 'Clio could not be reached. Check your connection and try again.');
  }
}

function oauthError(status: number, body: unknown, during: 'sign-in' | 'refresh') {
  const code = (body as { error?: unknown } | undefined)?.error;
  if (code === 'invalid_client') {
    return appError('auth-failed', 'Clio did not accept the app key and secret. Check them on the options page.', { status });
  }
  if (code === 'invalid_grant') {
    return during === 'refresh'
      ? appError('signed-out', 'Your Clio session has ended. Sign in again.', { status })
      : appError('auth-failed', 'Clio did not accept the sign-in code. Please sign in again.', { status });
  }
  if (status >= 500) return appError('server', 'Clio’s sign-in service is failing right now. Try again in a moment.', { status });
  return appError('auth-failed', `Clio refused the ${during} (HTTP ${status}).`, { status });
}

export function httpTokenEndpoint(now: () => number = Date.now): TokenEndpoint {
  return {
    async exchange(code, app, redirectUri) {
      const res = await postForm(`${app.hosts.manage}/oauth/token`, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      });
      if (res.status !== 200) throw oauthError(res.status, res.body, 'sign-in');
      return tokenSetFrom(res.body, now());
    },
    async refresh(refreshToken, app) {
      const res = await postForm(`${app.hosts.manage}/oauth/token`, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      });
      if (res.status !== 200) throw oauthError(res.status, res.body, 'refresh');
      return tokenSetFrom(res.body, now(), refreshToken);
    },
    async revoke(accessToken, app) {
      const res = await postForm(`${app.hosts.manage}/oauth/deauthorize`, { token: accessToken }, { Authorization: `Bearer ${accessToken}` });
      // 401: the token was already dead, which is what revoking wants.
      if (res.status >= 400 && res.status !== 401) throw oauthError(res.status, res.body, 'sign-in');
    },
  };
}
