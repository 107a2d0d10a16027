import { describe, expect, it, vi } from 'vitest';
import type { ManageAppConfig } from '@/lib/auth/app-config';
import { hostsFor } from '@/lib/auth/regions';
import { ClioSession, type WebAuthFlow } from '@/lib/auth/session';
import type { TokenEndpoint } from '@/lib/auth/token-endpoint';
import { AppError, appError } from '@/lib/errors';
import { memorySecretStore } from '@/lib/storage/secret-store';

const app: ManageAppConfig = { region: 'US', hosts: hostsFor('US'), clientId: 'key', clientSecret: 'secret' };
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

function setup(opts: { flow?: WebAuthFlow; appConfig?: ManageAppConfig } = {}) {
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
    expect(url.pathname).toBe('/oauth/authorize');
    expect(url.searchParams.get('redirect_on_decline')).toBe('true');
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
    await expect(declined.session.signIn()).rejects.toMatchObject({ kind: 'auth-cancelled', message: expect.stringContaining('declined') });
    const closed = setup({ flow: { redirectUri: () => REDIRECT, launch: () => Promise.reject(new Error('The user did not approve access.')) } });
    await expect(closed.session.signIn()).rejects.toMatchObject({ kind: 'auth-cancelled', message: expect.stringContaining('closed') });
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
    await session.signOut();
    expect(fake.calls.revoke).toEqual(['access-1']);
    expect(await vault.get('manage-tokens')).toBeUndefined();
  });

  it('survives a restart: a new session reads the stored tokens', async () => {
    const { session, make } = setup();
    await session.signIn();
    expect(await make().accessToken()).toBe('access-1');
  });

  it('does not use tokens of another region', async () => {
    const { session, vault, fake } = setup();
    await session.signIn();
    const eu = new ClioSession({ vault, flow: approvingFlow(), endpoint: fake.endpoint, app: async () => ({ ...app, region: 'EU', hosts: hostsFor('EU') }) });
    expect(await eu.isSignedIn()).toBe(false);
  });
});
