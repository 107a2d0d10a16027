import { describe, expect, it } from 'vitest';
import { authorizeUrl, codeFromRedirect, needsRefresh, newState, REFRESH_AHEAD_MS, tokenSetFrom } from '@/lib/auth/oauth';
import type { AppError } from '@/lib/errors';

const kindOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).kind;
  }
  return 'no error';
};

describe('OAuth helpers', () => {
  it('makes a fresh 128-bit state each time', () => {
    const a = newState();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newState()).not.toBe(a);
  });

  it('builds the authorize URL with the code flow, the redirect and the state', () => {
    const u = new URL(
      authorizeUrl({
        authorizeEndpoint: 'https://app.clio.com/oauth/authorize',
        clientId: 'k',
        redirectUri: 'https://x.chromiumapp.org/',
        state: 's1',
        extra: { redirect_on_decline: 'true' },
      }),
    );
    expect(u.origin + u.pathname).toBe('https://app.clio.com/oauth/authorize');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'k',
      redirect_uri: 'https://x.chromiumapp.org/',
      state: 's1',
      redirect_on_decline: 'true',
    });
  });

  it('takes the code from a redirect whose state matches', () => {
    expect(codeFromRedirect('https://x.chromiumapp.org/?code=abc&state=s1', 's1')).toBe('abc');
  });

  it('refuses a redirect with another state, or none', () => {
    expect(kindOf(() => codeFromRedirect('https://x.chromiumapp.org/?code=abc&state=evil', 's1'))).toBe('auth-failed');
    expect(kindOf(() => codeFromRedirect('https://x.chromiumapp.org/?code=abc', 's1'))).toBe('auth-failed');
  });

  it('reports a decline as cancelled, and other errors as failed', () => {
    expect(kindOf(() => codeFromRedirect('https://x.chromiumapp.org/?error=access_denied&state=s1', 's1'))).toBe('auth-cancelled');
    expect(kindOf(() => codeFromRedirect('https://x.chromiumapp.org/?error=server_error&state=s1', 's1'))).toBe('auth-failed');
    expect(kindOf(() => codeFromRedirect('https://x.chromiumapp.org/?state=s1', 's1'))).toBe('auth-failed');
    expect(kindOf(() => codeFromRedirect('not a url', 's1'))).toBe('auth-failed');
  });

  it('reads a token reply, using expires_in and keeping the old refresh token when none comes', () => {
    expect(tokenSetFrom({ access_token: 'a', refresh_token: 'r', expires_in: 2592000 }, 1000)).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: 1000 + 2592000_000,
    });
    expect(tokenSetFrom({ access_token: 'a2', expires_in: 60 }, 0, 'r-old')).toEqual({ accessToken: 'a2', refreshToken: 'r-old', expiresAt: 60_000 });
    expect(kindOf(() => tokenSetFrom({ access_token: 'a' }, 0))).toBe('auth-failed');
  });

  it('wants a refresh shortly before expiry', () => {
    const t = { accessToken: 'a', refreshToken: 'r', expiresAt: 1_000_000 };
    expect(needsRefresh(t, 1_000_000 - REFRESH_AHEAD_MS - 1)).toBe(false);
    expect(needsRefresh(t, 1_000_000 - REFRESH_AHEAD_MS)).toBe(true);
  });
});
