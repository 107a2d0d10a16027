/** Talks to an OAuth token and revoke endpoint (Clio Manage or Grow). Errors never include a token or secret. */
import { fetchJson } from '../clio/fetch-json';
import { appError, inWords } from '../errors';
import { t } from '../i18n';
import type { OAuthApp } from './app-config';
import { tokenSetFrom, type TokenSet } from './oauth';

export interface TokenEndpoint {
  exchange(code: string, app: OAuthApp, redirectUri: string, codeVerifier?: string): Promise<TokenSet>;
  refresh(refreshToken: string, app: OAuthApp): Promise<TokenSet>;
  revoke(accessToken: string, app: OAuthApp): Promise<void>;
}

const TIMEOUT_MS = 20_000;

async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  try {
    const res = await fetchJson(url, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { Accept: 'application/json', ...headers },
      timeoutMs: TIMEOUT_MS,
    });
    return { status: res.status, body: res.body };
  } catch {
    throw appError('network', t('tokenNetwork'));
  }
}

const REFUSED = { 'sign-in': 'oauthSignInRefusedHttp', refresh: 'oauthRefreshRefusedHttp', 'sign-out': 'oauthSignOutRefusedHttp' } as const;

function oauthError(status: number, body: unknown, during: 'sign-in' | 'refresh' | 'sign-out') {
  const code = (body as { error?: unknown } | undefined)?.error;
  if (code === 'invalid_client') {
    return appError('auth-failed', t('badAppCredentials'), { status, signIn: 'invalid_client' });
  }
  if (code === 'invalid_grant') {
    return during === 'refresh' ? appError('signed-out', t('sessionEnded'), { status }) : appError('auth-failed', t('badSignInCode'), { status });
  }
  if (status >= 500) return appError('server', t('signInServiceFailing'), { status });
  return appError('auth-failed', t(REFUSED[during], status), { status });
}

export function httpTokenEndpoint(now: () => number = Date.now): TokenEndpoint {
  const credentials = (app: OAuthApp) => ({ client_id: app.clientId, client_secret: app.clientSecret });
  return {
    async exchange(code, app, redirectUri, codeVerifier) {
      const res = await postForm(app.tokenEndpoint, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        ...credentials(app),
        ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
      });
      if (res.status !== 200) throw oauthError(res.status, res.body, 'sign-in');
      return inWords(() => tokenSetFrom(res.body, now()));
    },
    async refresh(refreshToken, app) {
      const res = await postForm(app.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: refreshToken, ...credentials(app) });
      if (res.status !== 200) throw oauthError(res.status, res.body, 'refresh');
      return inWords(() => tokenSetFrom(res.body, now(), refreshToken));
    },
    async revoke(accessToken, app) {
      const res =
        app.revokeStyle === 'bearer'
          ? await postForm(app.revokeEndpoint, { token: accessToken }, { Authorization: `Bearer ${accessToken}` })
          : await postForm(app.revokeEndpoint, { token: accessToken, ...credentials(app) });
      // 401: the token was already dead, which is what revoking wants.
      if (res.status >= 400 && res.status !== 401) throw oauthError(res.status, res.body, 'sign-out');
    },
  };
}
