/**
 * The pure parts of Clio's OAuth 2.0 authorization-code flow: the authorize URL, the `state`
 * that ties a redirect to the attempt that started it, and reading the redirect and token replies
 * (what is wrong with one is thrown as a Problem: the caller says it with `inWords`).
 */
import { phrase, problem } from '../phrase';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working. */
  expiresAt: number;
}

/** A fresh unguessable `state` for one sign-in attempt (128 bits, hex). */
export function newState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function authorizeUrl(p: { authorizeEndpoint: string; clientId: string; redirectUri: string; state: string; extra?: Record<string, string> }): string {
  const url = new URL(p.authorizeEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('state', p.state);
  for (const [k, v] of Object.entries(p.extra ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

/** Reads the URL the auth server redirected to; returns the code, or throws a Problem a person understands. */
export function codeFromRedirect(redirectUrl: string, expectedState: string): string {
  let params: URLSearchParams;
  try {
    params = new URL(redirectUrl).searchParams;
  } catch {
    throw problem('auth-failed', phrase('oauthReplyUnreadable'));
  }
  if (params.get('state') !== expectedState) {
    throw problem('auth-failed', phrase('oauthStateMismatch'));
  }
  const error = params.get('error');
  if (error === 'access_denied') throw problem('auth-cancelled', phrase('oauthDeclined'), { signIn: 'access_denied' });
  if (error) throw problem('auth-failed', phrase('oauthRefused', error.slice(0, 60)));
  const code = params.get('code');
  if (!code) throw problem('auth-failed', phrase('oauthNoCode'));
  return code;
}

/**
 * A token endpoint reply as a TokenSet. A refresh reply may omit the refresh token:
 * then the previous one stays (Manage refresh tokens are reusable).
 */
export function tokenSetFrom(reply: unknown, now: number, previousRefreshToken?: string): TokenSet {
  const r = reply as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
  const refreshToken = typeof r.refresh_token === 'string' && r.refresh_token ? r.refresh_token : previousRefreshToken;
  if (typeof r.access_token !== 'string' || !r.access_token || !refreshToken) {
    throw problem('auth-failed', phrase('oauthTokenIncomplete'));
  }
  const expiresIn = typeof r.expires_in === 'number' && r.expires_in > 0 ? r.expires_in : 3600;
  return { accessToken: r.access_token, refreshToken, expiresAt: now + expiresIn * 1000 };
}

/** Refresh this long before expiry, so no request meets an expired token. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

export const needsRefresh = (t: TokenSet, now: number) => t.expiresAt - REFRESH_AHEAD_MS <= now;

/** PKCE (RFC 7636, S256): a random verifier and its SHA-256 challenge, base64url. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
