import { describe, expect, it, vi } from 'vitest';
import { growApp, manageApp, type OAuthApp } from '@/lib/auth/app-config';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings-item';
import { ClioSession, type WebAuthFlow } from '@/lib/auth/session';
import type { TokenEndpoint } from '@/lib/auth/token-endpoint';
import { type AppError, appError } from '@/lib/errors';
import { memorySecretStore } from '@/lib/storage/secret-store';

const build = { manageClientId: 'key', manageClientSecret: 'secret', growClientId: 'gkey', growClientSecret: 'gsecret' };
const app: OAuthApp = manageApp(DEFAULT_SETTINGS, build);
const REDIRECT = 'https://abc.chromiumapp.org/';

/** A fake auth window: answers with the code and the state it was given, or something else. */
function approvingFlow(answer: (state: string) => string = (state) => `${REDIRECT}?code=the-code&state=${state}`): WebAuthFlow & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    redirectUri: () => REDIRECT,
    launch: async (url) => (urls.push(url), answer(new URL(url).searchParams.get('state')!)),
  };
}

function fakeEndpoint(now: () => number) {
  let n = 0;
  const calls = { exchange: 0, refresh: 0, revoke: [] as string[] };
  let refreshFails: AppError | undefined;
  let gate: Promise<void> = Promise.resolve();
  const endpoint: TokenEndpoint = {
    async exchange(code, _app, redirectUri) {
      calls.exchange++;
      expect(code).toBe('the-code');
      expect(redirectUri).toBe(REDIRECT);
      return { accessToken: `access-${++n}`, refreshToken: 'refresh-1', expiresAt: now() + 3600_000 };
    },
    async refresh(refreshToken) {
      calls.refresh++;
      await gate;
      if (refreshFails) throw refreshFails;
      expect(refreshToken).toBe('refresh-1');
      return { accessToken: `access-${++n}`, refreshToken, expiresAt: now() + 3600_000 };
    },
    async revoke(token) {
      calls.revoke.push(token);
    },
  };
  return {
    endpoint,
    calls,
    failRefresh: (e: AppError) => (refreshFails = e),
    hold: () => {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return release;
    },
  };
}

function setup(opts: { flow?: WebAuthFlow; appConfig?: OAuthApp } = {}) {
  let clock = 1_000_000;
  const now = () => clock;
  const vault = memorySecretStore();
  const fake = fakeEndpoint(now);
  const ended = vi.fn();
  const flow = opts.flow ?? approvingFlow();
  const make = () => new ClioSession({ vault, flow, endpoint: fake.endpoint, app: async () => opts.appConfig ?? app, now, onEnded: ended });
  return { session: make(), make, vault, fake, ended, flow, tick: (ms: number) => (clock += ms) };
}

describe('ClioSession', () => {
  it('signs in through the auth window with a fresh state and stores the tokens', async () => {
    const { session, vault, flow } = setup();
    await session.signIn();
    expect(await session.accessToken()).toBe('access-1');
    expect(await vault.get('manage-tokens')).toMatchObject({ accessToken: 'access-1', origin: 'https://app.clio.com' });
    const url = new URL((flow as ReturnType<typeof approvingFlow>).urls[0]!);
    expect(url.origin + url.pathname).toBe('https://app.clio.com/oauth/authorize');
    expect(url.searchParams.get('redirect_on_decline')).toBe('true');
    expect(url.searchParams.has('code_challenge')).toBe(false); // Manage has no PKCE
  });

  it('refuses a reply with a tampered state and stores nothing', async () => {
    const { session, vault, fake } = setup({ flow: approvingFlow(() => `${REDIRECT}?code=the-code&state=forged`) });
    await expect(session.signIn()).rejects.toMatchObject({ kind: 'auth-failed' });
    expect(fake.calls.exchange).toBe(0);
    expect(await vault.get('manage-tokens')).toBeUndefined();
    expect(await session.isSignedIn()).toBe(false);
  });

  it('reports a decline and a closed window clearly, storing nothing', async () => {
    const declined = setup({ flow: approvingFlow((s) => `${REDIRECT}?error=access_denied&state=${s}`) });
    await expect(declined.session.signIn()).rejects.toMatchObject({
      kind: 'auth-cancelled',
      signIn: 'access_denied',
      message: expect.stringContaining('declined'),
    });
    const closed = setup({ flow: { redirectUri: () => REDIRECT, launch: () => Promise.reject(new Error('The user did not approve access.')) } });
    await expect(closed.session.signIn()).rejects.toMatchObject({
      kind: 'auth-cancelled',
      signIn: 'window_closed',
      message: expect.stringContaining('closed'),
    });
    expect(await closed.vault.get('manage-tokens')).toBeUndefined();
  });

  it('asks for app credentials before opening any window', async () => {
    const flow = approvingFlow();
    const { session } = setup({ flow, appConfig: { ...app, clientSecret: '' } });
    await expect(session.signIn()).rejects.toMatchObject({ kind: 'auth-failed', message: expect.stringContaining('options page') });
    expect(flow.urls).toEqual([]);
  });

  it('refreshes ahead of expiry', async () => {
    const { session, fake, tick } = setup();
    await session.signIn();
    tick(3600_000 - 4 * 60_000);
    expect(await session.accessToken()).toBe('access-2');
    expect(fake.calls.refresh).toBe(1);
  });

  it('refreshes exactly once however many requests met the rejected token', async () => {
    const { session, fake } = setup();
    await session.signIn();
    const release = fake.hold();
    const retries = Array.from({ length: 6 }, () => session.tokenRejected('access-1'));
    release();
    expect(await Promise.all(retries)).toEqual(Array(6).fill('access-2'));
    // A straggler that still holds the old token gets the new one without another refresh.
    expect(await session.tokenRejected('access-1')).toBe('access-2');
    expect(fake.calls.refresh).toBe(1);
  });

  it('ends the session when Clio refuses the refresh, and says so', async () => {
    const { session, fake, vault, ended } = setup();
    await session.signIn();
    fake.failRefresh(appError('signed-out', 'Your Clio session has ended. Sign in again.'));
    await expect(session.tokenRejected('access-1')).rejects.toMatchObject({ kind: 'signed-out' });
    expect(ended).toHaveBeenCalledWith('Your Clio session has ended. Sign in again.');
    expect(await vault.get('manage-tokens')).toBeUndefined();
    await expect(session.accessToken()).rejects.toMatchObject({ kind: 'signed-out' });
  });

  it('keeps the session when a refresh fails for a passing reason', async () => {
    const { session, fake, ended, tick } = setup();
    await session.signIn();
    fake.failRefresh(appError('network', 'offline'));
    tick(3600_000 - 60_000); // inside the refresh window, not yet expired
    expect(await session.accessToken()).toBe('access-1');
    expect(ended).not.toHaveBeenCalled();
  });

  it('signs out: revokes at Clio and forgets the tokens', async () => {
    const { session, fake, vault } = setup();
    await session.signIn();
    expect(await session.signOut()).toEqual({ revoked: true });
    expect(fake.calls.revoke).toEqual(['access-1']);
    expect(await vault.get('manage-tokens')).toBeUndefined();
  });

  it('signs out with a token that still works: an expired one is refreshed first', async () => {
    const { session, fake, vault, tick } = setup();
    await session.signIn();
    tick(2 * 3600_000); // access-1 has expired
    expect(await session.signOut()).toEqual({ revoked: true });
    expect(fake.calls.refresh).toBe(1);
    expect(fake.calls.revoke).toEqual(['access-2']);
    expect(await vault.get('manage-tokens')).toBeUndefined();
  });

  it('says when Clio did not confirm the revocation, and forgets the tokens all the same', async () => {
    const { session, fake, vault } = setup();
    await session.signIn();
    fake.endpoint.revoke = async () => Promise.reject(appError('network', 'offline'));
    expect(await session.signOut()).toEqual({ revoked: false });
    expect(await vault.get('manage-tokens')).toBeUndefined();
    expect(await session.isSignedIn()).toBe(false);
  });

  it('survives a restart: a new session reads the stored tokens', async () => {
    const { session, make } = setup();
    await session.signIn();
    expect(await make().accessToken()).toBe('access-1');
  });

  it('does not use tokens of another region', async () => {
    const { session, vault, fake } = setup();
    await session.signIn();
    const eu = new ClioSession({
      vault,
      flow: approvingFlow(),
      endpoint: fake.endpoint,
      app: async () => manageApp({ ...DEFAULT_SETTINGS, region: 'EU' }, build),
    });
    expect(await eu.isSignedIn()).toBe(false);
  });

  it('uses PKCE (S256) and the scopes for Grow, and keeps Grow tokens apart', async () => {
    const flow = approvingFlow();
    const { session, vault, fake } = setup({ flow, appConfig: growApp(DEFAULT_SETTINGS, build) });
    let verifier: string | undefined;
    const exchange = fake.endpoint.exchange;
    fake.endpoint.exchange = async (code, a, r, v) => ((verifier = v), exchange(code, a, r, v));
    await session.signIn();
    const url = new URL(flow.urls[0]!);
    expect(url.origin).toBe('https://auth.api.clio.com');
    expect(url.searchParams.get('scope')).toBe('grow_lead_inbox_write grow_contact_read grow_user_read');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier!)));
    const expected = btoa(String.fromCharCode(...digest))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(url.searchParams.get('code_challenge')).toBe(expected);
    expect(await vault.get('grow-tokens')).toBeDefined();
    expect(await vault.get('manage-tokens')).toBeUndefined();
  });

  it('a refresh that lost a race to a rotated token does not sign out', async () => {
    const { session, vault, fake, ended, make } = setup();
    await session.signIn();
    // Another refresh (an earlier worker) already rotated the token and stored the new pair.
    const other = make();
    await vault.set('manage-tokens', { accessToken: 'access-9', refreshToken: 'refresh-9', expiresAt: Date.now() + 3600_000, origin: 'https://app.clio.com' });
    fake.failRefresh(appError('signed-out', 'Your Clio session has ended. Sign in again.'));
    expect(await session.tokenRejected('access-1')).toBe('access-9');
    expect(ended).not.toHaveBeenCalled();
    expect(await other.accessToken()).toBe('access-9');
  });

  it('a refresh still running when the user signs out does not bring the session back', async () => {
    const { session, fake, vault } = setup();
    await session.signIn();
    const release = fake.hold();
    const retry = session.tokenRejected('access-1').catch((e: AppError) => e.kind);
    await session.signOut();
    release();
    expect(await retry).toBe('signed-out');
    expect(await vault.get('manage-tokens')).toBeUndefined();
    await expect(session.accessToken()).rejects.toMatchObject({ kind: 'signed-out' });
  });
});
