import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, growTokens, manageTokens, start } from './helpers';

let sb: Sandbox;
let token: string;
let whoAmI: string;
beforeAll(async () => {
  sb = await start({ matters: 50 });
  whoAmI = `${sb.origin}/api/v4/users/who_am_i.json`;
});
beforeEach(async () => {
  await admin(sb.origin, 'POST', 'reset');
  token = (await manageTokens(sb.origin)).access_token;
  await admin(sb.origin, 'DELETE', 'log');
});
afterAll(() => sb.close());

interface Logged {
  method: string;
  path: string;
  status: number;
  api?: string;
  grantType?: string;
  body?: unknown;
  query: Record<string, string>;
}
const log = async (): Promise<Logged[]> => (await admin(sb.origin, 'GET', 'log')) as Logged[];

describe('faults', () => {
  it('fail5xx answers 503 for the next N API requests', async () => {
    await admin(sb.origin, 'POST', 'faults', { fail5xx: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(whoAmI, token)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('storm429 answers 429 with Retry-After, without touching the real window', async () => {
    await admin(sb.origin, 'POST', 'faults', { storm429: { count: 2, retryAfter: 7 }, scope: 'manage' });
    const a = await api(whoAmI, token);
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    expect((await api(whoAmI, token)).status).toBe(429);
    const ok = await api(whoAmI, token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('49');
  });

  it('scope limits faults to one API; OAuth is never failed', async () => {
    await admin(sb.origin, 'POST', 'faults', { fail5xx: 1, scope: 'grow' });
    expect((await api(whoAmI, token)).status).toBe(200);
    const grow = await growTokens(sb.origin); // OAuth unaffected
    expect((await api(`${sb.origin}/grow/users/who_am_i`, grow.access_token)).status).toBe(503);
  });

  it('dropBefore destroys the socket without processing', async () => {
    await admin(sb.origin, 'POST', 'faults', { dropBefore: 1 });
    await expect(
      api(`${sb.origin}/api/v4/activities.json`, token, { method: 'POST', body: { data: { type: 'TimeEntry', date: '2026-05-01' } } }),
    ).rejects.toThrow();
    expect(await admin(sb.origin, 'GET', 'state')).toMatchObject({ createdActivities: [] });
  });

  it('dropAfter processes the request, then destroys the socket', async () => {
    await admin(sb.origin, 'POST', 'faults', { dropAfter: 1 });
    await expect(
      api(`${sb.origin}/api/v4/activities.json`, token, { method: 'POST', body: { data: { type: 'TimeEntry', date: '2026-05-01', quantity: 60 } } }),
    ).rejects.toThrow();
    const state = (await admin(sb.origin, 'GET', 'state')) as { createdActivities: Array<{ quantity: number }> };
    expect(state.createdActivities).toHaveLength(1);
    expect((await log()).at(-1)).toMatchObject({ status: 201, dropped: 'after' });
    expect((await api(whoAmI, token)).status).toBe(200);
  });

  it('latency delays answers; DELETE clears faults', async () => {
    await admin(sb.origin, 'POST', 'faults', { latencyMs: 150 });
    let t = Date.now();
    await api(whoAmI, token);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    await admin(sb.origin, 'DELETE', 'faults');
    t = Date.now();
    await api(whoAmI, token);
    expect(Date.now() - t).toBeLessThan(140);
  });
});

describe('log, state, reset, CORS', () => {
  it('records method, path, query, status, api, grant type and JSON bodies, not admin calls or secrets', async () => {
    await api(`${whoAmI}?fields=id`, token);
    await api(`${sb.origin}/api/v4/activities.json`, token, { method: 'POST', body: { data: { type: 'TimeEntry', date: '2026-05-01', note: 'logged' } } });
    await admin(sb.origin, 'GET', 'state');
    await manageTokens(sb.origin);
    const entries = await log();
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/api/v4/users/who_am_i.json', query: { fields: 'id' }, status: 200, api: 'manage' });
    expect(entries[1]).toMatchObject({ method: 'POST', status: 201, body: { data: { note: 'logged' } } });
    const tokenCall = entries.find((e) => e.path === '/oauth/token')!;
    expect(tokenCall).toMatchObject({ api: 'oauth', grantType: 'authorization_code' });
    expect(tokenCall.body).toBeUndefined();
    expect(entries.some((e) => e.path.startsWith('/__admin'))).toBe(false);
    expect(JSON.stringify(entries)).not.toContain('sandbox-manage-secret');
  });

  it('reset restores the seeded state', async () => {
    await api(`${sb.origin}/api/v4/activities/900001.json`, token, { method: 'DELETE' });
    await admin(sb.origin, 'POST', 'faults', { fail5xx: 5 });
    await admin(sb.origin, 'POST', 'reset');
    expect(await admin(sb.origin, 'GET', 'state')).toMatchObject({ grants: { active: 0, revoked: 0 }, createdActivities: [], timers: [] });
    expect(await log()).toEqual([]);
    const fresh = (await manageTokens(sb.origin)).access_token;
    expect((await api(`${sb.origin}/api/v4/activities/900001.json`, fresh)).status).toBe(200);
    expect((await api(`${sb.origin}/api/v4/activities/900001.json`, token)).status).toBe(401);
  });

  it('answers CORS preflights and exposes the headers the extension reads', async () => {
    const pre = await fetch(whoAmI, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://x', 'Access-Control-Request-Method': 'PATCH' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('If-Match');
    const res = await api(whoAmI, token);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag.*X-RateLimit-Remaining.*Retry-After/);
  });
});
