import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GROW_CLIENT_ID, GROW_CLIENT_SECRET, MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from '../../../sandbox/credentials';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, authorizeCode, form, GROW_SCOPES, growTokens, manageTokens, pkcePair, REDIRECT, start, type Tokens } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start({ matters: 50 });
});
beforeEach(() => admin(sb.origin, 'POST', 'reset'));
afterAll(() => sb.close());

const manageCode = (): Promise<string> => authorizeCode(sb.origin, { client_id: MANAGE_CLIENT_ID });
const exchange = (code: string, extra: Record<string, string> = {}): Promise<Response> =>
  form(`${sb.origin}/oauth/token`, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: MANAGE_CLIENT_ID,
    client_secret: MANAGE_CLIENT_SECRET,
    ...extra,
  });
const whoAmI = (token: string): Promise<Response> => api(`${sb.origin}/api/v4/users/who_am_i.json?fields=id,name`, token);

describe('Manage authorize page', () => {
  it('renders the consent form for a registered app and redirect URI', async () => {
    const url = `${sb.origin}/oauth/authorize?response_type=code&client_id=${MANAGE_CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}&state=abc`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Authorize Clio Companion');
    expect(page).toContain('<label for="user_id">Sign in as</label>');
    expect(page).toMatch(/value="approve">Approve</);
    expect(page).toMatch(/value="decline">Decline</);
  });

  it('refuses unknown clients and unregistered redirect URIs with an HTML 400', async () => {
    const bad = await fetch(`${sb.origin}/oauth/authorize?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT)}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('text/html');
    for (const uri of ['https://evil.example/cb', 'https://abc.chromiumapp.org/', 'https://deadbeef.extensions.allizom.org.evil.example/']) {
      const res = await fetch(`${sb.origin}/oauth/authorize?response_type=code&client_id=${MANAGE_CLIENT_ID}&redirect_uri=${encodeURIComponent(uri)}`);
      expect(res.status, uri).toBe(400);
    }
    for (const uri of ['https://0123abcd.extensions.allizom.org/', 'http://127.0.0.1/mozoauth2/abc']) {
      const res = await fetch(`${sb.origin}/oauth/authorize?response_type=code&client_id=${MANAGE_CLIENT_ID}&redirect_uri=${encodeURIComponent(uri)}`);
      expect(res.status, uri).toBe(200);
    }
  });

  it('declines with a redirect only when redirect_on_decline=true', async () => {
    const base = { response_type: 'code', client_id: MANAGE_CLIENT_ID, redirect_uri: REDIRECT, state: 'st', decision: 'decline' };
    const redirected = await form(`${sb.origin}/oauth/authorize`, { ...base, redirect_on_decline: 'true' });
    expect(redirected.status).toBe(302);
    const loc = new URL(redirected.headers.get('location')!);
    expect(Object.fromEntries(loc.searchParams)).toEqual({ error: 'access_denied', state: 'st' });
    const page = await form(`${sb.origin}/oauth/authorize`, base);
    expect(await page.text()).toContain('Access denied');
  });
});

describe('Manage tokens', () => {
  it('exchange a code once; a reused code is invalid_grant', async () => {
    const code = await manageCode();
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      token_type: 'bearer',
      expires_in: 2_592_000,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
    });
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('check the secret and the redirect URI', async () => {
    const wrongSecret = await exchange(await manageCode(), { client_secret: 'wrong' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
    const noSecret = await form(`${sb.origin}/oauth/token`, {
      grant_type: 'authorization_code',
      code: await manageCode(),
      redirect_uri: REDIRECT,
      client_id: MANAGE_CLIENT_ID,
    });
    expect(noSecret.status).toBe(401);
    const wrongRedirect = await exchange(await manageCode(), { redirect_uri: `${REDIRECT}/other` });
    expect(wrongRedirect.status).toBe(400);
    expect(await wrongRedirect.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refresh without rotating: no refresh_token in the answer, the old one keeps working', async () => {
    const t = await manageTokens(sb.origin);
    const refresh = (): Promise<Response> =>
      form(`${sb.origin}/oauth/token`, {
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token!,
        client_id: MANAGE_CLIENT_ID,
        client_secret: MANAGE_CLIENT_SECRET,
      });
    const r1 = (await (await refresh()).json()) as Tokens;
    expect(r1.refresh_token).toBeUndefined();
    expect(r1.access_token).not.toBe(t.access_token);
    const r2 = await refresh();
    expect(r2.status).toBe(200);
    expect((await whoAmI(((await r2.json()) as Tokens).access_token)).status).toBe(200);
  });

  it('expired tokens get 401 invalid_token; refreshing recovers', async () => {
    const t = await manageTokens(sb.origin);
    expect((await whoAmI(t.access_token)).status).toBe(200);
    await admin(sb.origin, 'POST', 'tokens', { expireAll: true });
    const expired = await whoAmI(t.access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: 'invalid_token', error_description: expect.any(String) });
    const refreshed = await form(`${sb.origin}/oauth/token`, {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token!,
      client_id: MANAGE_CLIENT_ID,
      client_secret: MANAGE_CLIENT_SECRET,
    });
    expect((await whoAmI(((await refreshed.json()) as Tokens).access_token)).status).toBe(200);
  });

  it('a short accessTokenTtl expires on its own', async () => {
    const short = await start({ matters: 10, accessTokenTtl: 1 });
    try {
      const t = await manageTokens(short.origin);
      expect(t.expires_in).toBe(1);
      await new Promise((r) => setTimeout(r, 1050));
      expect((await api(`${short.origin}/api/v4/users/who_am_i.json`, t.access_token)).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('deauthorize revokes the whole grant', async () => {
    const t = await manageTokens(sb.origin);
    const res = await form(`${sb.origin}/oauth/deauthorize`, { token: t.access_token }, { Authorization: `Bearer ${t.access_token}` });
    expect(res.status).toBe(200);
    expect((await whoAmI(t.access_token)).status).toBe(401);
    const refresh = await form(`${sb.origin}/oauth/token`, {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token!,
      client_id: MANAGE_CLIENT_ID,
      client_secret: MANAGE_CLIENT_SECRET,
    });
    expect(refresh.status).toBe(400);
    expect(await admin(sb.origin, 'GET', 'state')).toMatchObject({ grants: { active: 0, revoked: 1 } });
  });

  it('revokeAll makes refresh fail too', async () => {
    const t = await manageTokens(sb.origin);
    await admin(sb.origin, 'POST', 'tokens', { revokeAll: true });
    expect((await whoAmI(t.access_token)).status).toBe(401);
    const refresh = await form(`${sb.origin}/oauth/token`, {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token!,
      client_id: MANAGE_CLIENT_ID,
      client_secret: MANAGE_CLIENT_SECRET,
    });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('Grow OAuth', () => {
  it('requires scope on authorize', async () => {
    const res = await fetch(`${sb.origin}/grow/oauth/authorize?response_type=code&client_id=${GROW_CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}`);
    expect(res.status).toBe(400);
    const ok = await fetch(
      `${sb.origin}/grow/oauth/authorize?response_type=code&client_id=${GROW_CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=grow_user_read`,
    );
    expect(ok.status).toBe(200);
  });

  it('checks the PKCE verifier', async () => {
    const { challenge } = pkcePair();
    const code = await authorizeCode(
      sb.origin,
      { client_id: GROW_CLIENT_ID, scope: GROW_SCOPES, code_challenge: challenge, code_challenge_method: 'S256' },
      '/grow',
    );
    const res = await form(`${sb.origin}/grow/oauth/token`, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: GROW_CLIENT_ID,
      client_secret: GROW_CLIENT_SECRET,
      code_verifier: pkcePair().verifier,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('issues 24 h tokens and rotates refresh tokens on every use', async () => {
    const t = await growTokens(sb.origin);
    expect(t.expires_in).toBe(86_400);
    const refresh = (rt: string): Promise<Response> =>
      form(`${sb.origin}/grow/oauth/token`, { grant_type: 'refresh_token', refresh_token: rt, client_id: GROW_CLIENT_ID, client_secret: GROW_CLIENT_SECRET });
    const r1 = await refresh(t.refresh_token!);
    expect(r1.status).toBe(200);
    const next = (await r1.json()) as Tokens;
    expect(next.refresh_token).toBeDefined();
    expect(next.refresh_token).not.toBe(t.refresh_token);
    const reuse = await refresh(t.refresh_token!);
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await refresh(next.refresh_token!)).status).toBe(200);
  });

  it('revoke ends the grant', async () => {
    const t = await growTokens(sb.origin);
    expect((await api(`${sb.origin}/grow/users/who_am_i`, t.access_token)).status).toBe(200);
    expect((await form(`${sb.origin}/grow/oauth/revoke`, { token: t.access_token, client_id: GROW_CLIENT_ID })).status).toBe(200);
    const res = await api(`${sb.origin}/grow/users/who_am_i`, t.access_token);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { status: '401', message: expect.any(String) } });
  });

  it('a Manage token is not a Grow token', async () => {
    const t = await manageTokens(sb.origin);
    expect((await api(`${sb.origin}/grow/users/who_am_i`, t.access_token)).status).toBe(401);
  });
});
