/**
 * The real session, token endpoint, rate limiter and client against the real sandbox, in Node:
 * the OAuth code flow, paging, fields, ETags, error mapping and the single refresh.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { whoAmI } from '@/lib/auth/clio-who-am-i';
import { fields } from '@/lib/clio/url';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { sandboxAdmin, signedInClient, type SandboxAdmin, type SignedIn } from '../helpers/clio-sandbox';

let sandbox: Sandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 450 });
  admin = sandboxAdmin(sandbox.origin);
});
afterAll(() => sandbox.close());

describe('Clio client against the sandbox', () => {
  let c: SignedIn;
  beforeEach(async () => {
    await admin.reset();
    c = await signedInClient(sandbox.origin); // the OAuth code flow, as the extension signs in
  });

  it('signs in with the code flow and reads who_am_i with explicit fields', async () => {
    const me = await whoAmI(c.client);
    expect(me).toMatchObject({ id: expect.any(Number), name: expect.any(String), email: expect.stringContaining('@') });
    const log = await admin.log();
    expect(log.at(-1)!.query.fields).toBe('id,name,first_name,last_name,email,time_zone,rate'); // rate: null when Clio hides rates from the user
  });

  it('follows cursor paging through every matter exactly once', async () => {
    const ids: number[] = [];
    for await (const page of c.client.pages<{ id: number; display_number: string }>('/matters.json', {
      fields: fields(['id', 'display_number']),
      query: { limit: 200 },
    })) {
      ids.push(...page.map((m) => m.id));
      expect(page.every((m) => typeof m.display_number === 'string')).toBe(true);
    }
    expect(ids.length).toBeGreaterThanOrEqual(450);
    expect(new Set(ids).size).toBe(ids.length);
    const pages = (await admin.log()).filter((r) => r.path.startsWith('/api/v4/matters'));
    expect(pages).toHaveLength(Math.ceil(ids.length / 200));
  });

  it('asks again with If-None-Match and uses the cached body on 304', async () => {
    const first = await whoAmI(c.client);
    const second = await whoAmI(c.client);
    expect(second).toEqual(first);
    const statuses = (await admin.log()).map((r) => r.status);
    expect(statuses.slice(-2)).toEqual([200, 304]);
  });

  it('maps an unknown field to a validation error and a missing record to not-found', async () => {
    await expect(c.client.get('/matters.json', { fields: 'id,no_such_field' })).rejects.toMatchObject({ kind: 'validation' });
    await expect(c.client.get('/matters/999999999.json', { fields: 'id' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('surfaces a PATCH on a stale etag as a conflict', async () => {
    const [matter] = await c.client.get<Array<{ id: number }>>('/matters.json', { fields: 'id', query: { limit: 1 } });
    const created = await c.client.post<{ id: number; etag: string }>(
      '/activities.json',
      { data: { type: 'TimeEntry', date: '2026-11-24', quantity: 600, note: 'first', matter: { id: matter!.id } } },
      { fields: 'id,etag' },
    );
    expect(created.status).toBe(201);
    await c.client.patch(`/activities/${created.data.id}.json`, { data: { note: 'second' } }, { fields: 'id,etag', ifMatch: created.data.etag });
    await expect(
      c.client.patch(`/activities/${created.data.id}.json`, { data: { note: 'third' } }, { fields: 'id', ifMatch: created.data.etag }),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('places a 422’s message at the field it names', async () => {
    const e = await c.client
      .post('/activities.json', { data: { type: 'TimeEntry', quantity: 60 } }, { fields: 'id', inputFields: ['date', 'quantity', 'note', 'matter'] })
      .catch((x) => x);
    expect(e).toMatchObject({ kind: 'validation' });
    expect(Object.keys(e.fieldErrors)).toContain('date');
  });

  it('refreshes once for many requests that met an expired token, then carries on', async () => {
    await whoAmI(c.client);
    await admin.tokens({ expireAll: true });
    await admin.clearLog();
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => c.client.get('/matters.json', { fields: 'id', query: { limit: 1, ids: [i + 1] } })));
    expect(results).toHaveLength(4);
    const refreshes = (await admin.log()).filter((r) => r.path === '/oauth/token' && r.grantType === 'refresh_token');
    expect(refreshes).toHaveLength(1);
  });

  it('retries a GET through a 5xx and a dropped connection', async () => {
    await admin.faults({ fail5xx: 1, dropBefore: 1 });
    const me = await whoAmI(c.client);
    expect(me.id).toBeGreaterThan(0);
  });

  it('does not repeat a POST whose connection dropped after Clio got it, and says it could not be reached', async () => {
    const [matter] = await c.client.get<Array<{ id: number }>>('/matters.json', { fields: 'id', query: { limit: 1 } });
    await admin.faults({ dropAfter: 1 });
    await expect(
      c.client.post('/activities.json', { data: { type: 'TimeEntry', date: '2026-11-24', quantity: 60, matter: { id: matter!.id } } }, { fields: 'id' }),
    ).rejects.toMatchObject({ kind: 'network' });
    const posts = (await admin.log()).filter((r) => r.method === 'POST' && r.path.startsWith('/api/v4/activities'));
    expect(posts).toHaveLength(1);
  });
});
