import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, manageTokens, start } from './helpers';

let sb: Sandbox;
let token: string;
let base: string;
const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

beforeAll(async () => {
  sb = await start({ matters: 450 });
  base = `${sb.origin}/api/v4`;
});
beforeEach(async () => {
  await admin(sb.origin, 'POST', 'reset');
  token = (await manageTokens(sb.origin)).access_token;
});
afterAll(() => sb.close());

describe('fields', () => {
  it('default to id and etag', async () => {
    const body = await json<{ data: Array<Record<string, unknown>> }>(await api(`${base}/matters.json?limit=2`, token));
    expect(Object.keys(body.data[0]!)).toEqual(['id', 'etag']);
    expect(body.data[0]!.etag).toMatch(/^"[0-9a-f]+"$/);
  });

  it('select top-level and one nested level; a bare association gives its defaults', async () => {
    const res = await api(`${base}/matters/100001.json?fields=id,display_number,client{id,name},responsible_attorney`, token);
    const { data } = await json<{ data: Record<string, unknown> }>(res);
    expect(Object.keys(data)).toEqual(['id', 'display_number', 'client', 'responsible_attorney']);
    expect(Object.keys(data.client as object)).toEqual(['id', 'name']);
    expect(Object.keys(data.responsible_attorney as object)).toEqual(['id', 'etag']);
    expect(data.display_number).toMatch(/^00001-[A-Za-z]+$/);
  });

  it('reject unknown fields and a second nesting level with 400 ArgumentError', async () => {
    for (const fields of ['id,nope', 'client{nope}', 'client{id,account{id}}', 'id{x}']) {
      const res = await api(`${base}/matters.json?fields=${encodeURIComponent(fields)}`, token);
      expect(res.status, fields).toBe(400);
      expect(await json(res)).toMatchObject({ error: { type: 'ArgumentError' } });
    }
  });

  it('shape POST responses too', async () => {
    const res = await api(`${base}/activities.json?fields=id,quantity,matter{id}`, token, {
      method: 'POST',
      body: { data: { type: 'TimeEntry', date: '2026-05-01', quantity: 600, matter: { id: 100_002 } } },
    });
    expect(res.status).toBe(201);
    const { data } = await json<{ data: Record<string, unknown> }>(res);
    expect(data).toMatchObject({ quantity: 600, matter: { id: 100_002 } });
    expect(Object.keys(data)).toEqual(['id', 'quantity', 'matter']);
  });
});

describe('lists and paging', () => {
  it('cursor paging visits every matter exactly once', async () => {
    const seen: number[] = [];
    let url: string | undefined = `${base}/matters.json?limit=200&fields=id`;
    let records = 0;
    while (url) {
      const body: { data: Array<{ id: number }>; meta: { paging: { next?: string }; records: number } } = await json(await api(url, token));
      seen.push(...body.data.map((m) => m.id));
      records = body.meta.records;
      url = body.meta.paging.next;
      if (url) expect(url).toContain('page_token=');
    }
    expect(records).toBe(450);
    expect(seen.length).toBe(450);
    expect(new Set(seen).size).toBe(450);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('omit paging.next on the last page and validate limit', async () => {
    const body = await json<{ meta: { paging: Record<string, string> } }>(await api(`${base}/users.json`, token));
    expect(body.meta.paging).toEqual({});
    for (const limit of ['0', '201', 'x']) expect((await api(`${base}/matters.json?limit=${limit}`, token)).status).toBe(400);
  });

  it('offset paging allows other orders and stops at 10,000', async () => {
    const body = await json<{ data: Array<{ display_number: string }>; meta: { paging: { next?: string } } }>(
      await api(`${base}/matters.json?order=display_number(desc)&limit=3&fields=display_number`, token),
    );
    const numbers = body.data.map((m) => m.display_number);
    expect(numbers).toEqual([...numbers].sort().reverse());
    expect(body.meta.paging.next).toContain('offset=3');
    expect((await api(`${base}/matters.json?offset=10000`, token)).status).toBe(422);
    expect((await api(`${base}/matters.json?order=bogus(asc)`, token)).status).toBe(400);
  });

  it('filter matters by query, status, client and updated_since', async () => {
    const all = await json<{ data: Array<Record<string, unknown>> }>(
      await api(`${base}/matters.json?fields=id,display_number,status,client{id,name},updated_at`, token),
    );
    const sample = all.data[7]!;
    const client = sample.client as { id: number; name: string };
    const byClient = await json<{ data: Array<{ client: { id: number } }> }>(await api(`${base}/matters.json?client_id=${client.id}&fields=client`, token));
    expect(byClient.data.length).toBeGreaterThan(0);
    expect(byClient.data.every((m) => m.client.id === client.id)).toBe(true);
    const q = client.name.split(' ')[0]!.toUpperCase();
    const byQuery = await json<{ data: Array<{ id: number }> }>(await api(`${base}/matters.json?query=${encodeURIComponent(q)}`, token));
    expect(byQuery.data.map((m) => m.id)).toContain(sample.id);
    const statuses = await json<{ data: Array<{ status: string }> }>(await api(`${base}/matters.json?status=open,pending&fields=status`, token));
    expect(new Set(statuses.data.map((m) => m.status))).toEqual(new Set(['Open', 'Pending']));
    expect((await api(`${base}/matters.json?status=Open`, token)).status).toBe(400);
    const since = await json<{ data: Array<{ updated_at: string }> }>(
      await api(`${base}/matters.json?updated_since=${sample.updated_at as string}&fields=updated_at`, token),
    );
    expect(since.data.every((m) => m.updated_at >= (sample.updated_at as string))).toBe(true);
  });

  it('relationships: a contact’s parts in matters other than client, by contact_id and matter_id', async () => {
    const all = await json<{ data: Array<{ id: number; description: string; contact: { id: number }; matter: { id: number; client_id: number } }> }>(
      await api(`${base}/relationships.json?limit=200&fields=id,description,contact{id},matter{id,client_id}`, token),
    );
    expect(all.data.length).toBeGreaterThan(50);
    const first = all.data[0]!;
    expect(['Opposing Party', 'Witness']).toContain(first.description);
    expect(first.contact.id).not.toBe(first.matter.client_id);
    const byContact = await json<{ data: Array<{ contact: { id: number } }> }>(
      await api(`${base}/relationships.json?contact_id=${first.contact.id}&fields=id,contact{id}`, token),
    );
    expect(byContact.data.length).toBeGreaterThan(0);
    expect(byContact.data.every((r) => r.contact.id === first.contact.id)).toBe(true);
    const byMatter = await json<{ data: Array<{ id: number }> }>(await api(`${base}/relationships.json?matter_id=${first.matter.id}`, token));
    expect(byMatter.data.map((r) => r.id)).toContain(first.id);
    expect((await api(`${base}/relationships/${first.id}.json`, token)).status).toBe(200);
    expect((await api(`${base}/relationships/1.json`, token)).status).toBe(404);
  });

  it('search contacts by name, email and phone digits', async () => {
    const { data } = await json<{ data: Array<Record<string, string>> }>(
      await api(`${base}/contacts.json?limit=1&fields=id,name,primary_email_address,primary_phone_number`, token),
    );
    const c = data[0]!;
    for (const q of [c.name!, c.primary_email_address!, c.primary_phone_number!.replace(/\D/g, '')]) {
      const found = await json<{ data: Array<{ id: number }> }>(await api(`${base}/contacts.json?query=${encodeURIComponent(q)}`, token));
      expect(
        found.data.map((x) => x.id),
        q,
      ).toContain(c.id);
    }
  });
});

describe('ETags', () => {
  it('304 on If-None-Match; 412 on a stale If-Match', async () => {
    const first = await api(`${base}/activities/900001.json?fields=id,note`, token);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    expect((await api(`${base}/activities/900001.json?fields=id,note`, token, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const list = await api(`${base}/matters.json?limit=5`, token);
    expect((await api(`${base}/matters.json?limit=5`, token, { headers: { 'If-None-Match': list.headers.get('etag')! } })).status).toBe(304);

    const patched = await api(`${base}/activities/900001.json?fields=id,note,etag`, token, {
      method: 'PATCH',
      body: { data: { note: 'changed' } },
      headers: { 'If-Match': etag },
    });
    expect(patched.status).toBe(200);
    const newEtag = patched.headers.get('etag');
    expect(newEtag).not.toBe(etag);
    expect((await json<{ data: { etag: string } }>(patched)).data.etag).toBe(newEtag);
    const stale = await api(`${base}/activities/900001.json`, token, { method: 'PATCH', body: { data: { note: 'again' } }, headers: { 'If-Match': etag } });
    expect(stale.status).toBe(412);
    expect(await json(stale)).toMatchObject({ error: { type: 'PreconditionFailed' } });
    expect((await api(`${base}/activities/900001.json`, token, { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });
});

describe('versions and rate limits', () => {
  it('accept X-API-VERSION 4.0.0–4.0.13 and answer 410 otherwise', async () => {
    for (const v of ['4.0.13', '4.0.4']) expect((await api(`${base}/users/who_am_i.json`, token, { headers: { 'X-API-VERSION': v } })).status).toBe(200);
    for (const v of ['4.0.14', '3.0.0', 'latest'])
      expect((await api(`${base}/users/who_am_i.json`, token, { headers: { 'X-API-VERSION': v } })).status).toBe(410);
  });

  it('count requests per grant and answer 429 with Retry-After over the limit', async () => {
    await admin(sb.origin, 'POST', 'config', { rateLimit: 3 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await api(`${base}/users/who_am_i.json`, token);
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('x-ratelimit-limit')).toBe('3');
        expect(last.headers.get('x-ratelimit-remaining')).toBe('2');
        expect(Number(last.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await json(last!)).toMatchObject({ error: { type: 'RateLimited' } });
    // Another user's grant has its own window.
    const other = (await manageTokens(sb.origin, '1002')).access_token;
    expect((await api(`${base}/users/who_am_i.json`, other)).status).toBe(200);
  });

  it('401 invalid_token without a valid token', async () => {
    const res = await api(`${base}/users/who_am_i.json`, 'nope');
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: 'invalid_token' });
    expect(res.headers.get('x-ratelimit-limit')).toBe('50');
  });
});

describe('activities and the timer', () => {
  it('require type and date, a real matter; 422 otherwise', async () => {
    const post = (data: unknown): Promise<Response> => api(`${base}/activities.json`, token, { method: 'POST', body: { data } });
    const noType = await post({ date: '2026-05-01' });
    expect(noType.status).toBe(422);
    expect(JSON.stringify(await noType.json())).toContain('type');
    const noDate = await post({ type: 'TimeEntry' });
    expect(noDate.status).toBe(422);
    expect(JSON.stringify(await noDate.json())).toContain('date');
    expect((await post({ type: 'TimeEntry', date: '2026-05-01', matter: { id: 1 } })).status).toBe(422);
  });

  it('prices, rounds and filters time entries; DELETE answers 204', async () => {
    const res = await api(`${base}/activities.json?fields=id,quantity,rounded_quantity,quantity_in_hours,price,total,user{id}`, token, {
      method: 'POST',
      body: {
        data: { type: 'TimeEntry', date: '2026-05-02', quantity: 1000, matter: { id: 100_003 }, activity_description: { id: 501 }, note: 'Findable note' },
      },
    });
    const { data } = await json<{ data: { id: number; rounded_quantity: number; price: number; total: number; user: { id: number } } }>(res);
    expect(data).toMatchObject({ rounded_quantity: 1080, user: { id: 1001 } });
    expect(data.total).toBeCloseTo(0.3 * data.price, 2);
    const found = await json<{ data: Array<{ id: number }> }>(await api(`${base}/activities.json?matter_id=100003&query=findable&order=date(desc)`, token));
    expect(found.data.map((a) => a.id)).toEqual([data.id]);
    expect((await api(`${base}/activities/${data.id}.json`, token, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`${base}/activities/${data.id}.json`, token)).status).toBe(404);
  });

  it('run one timer per user and add its time to the activity when stopped', async () => {
    expect((await api(`${base}/timer.json`, token)).status).toBe(404);
    const created = await json<{ data: { id: number } }>(
      await api(`${base}/activities.json`, token, {
        method: 'POST',
        body: { data: { type: 'TimeEntry', date: '2026-05-03', quantity: 60, matter: { id: 100_004 }, start_timer: true } },
      }),
    );
    const timer = await json<{ data: { activity: { id: number }; elapsed_time: number } }>(
      await api(`${base}/timer.json?fields=elapsed_time,activity{id}`, token),
    );
    expect(timer.data.activity.id).toBe(created.data.id);
    // Starting another timer stops the first.
    const second = await api(`${base}/timer.json?fields=activity{id}`, token, { method: 'POST', body: { data: { activity: { id: 900_001 } } } });
    expect(second.status).toBe(201);
    const state = (await admin(sb.origin, 'GET', 'state')) as { timers: Array<{ activityId: number }> };
    expect(state.timers.map((t) => t.activityId)).toEqual([900_001]);
    await new Promise((r) => setTimeout(r, 1100));
    const before = await json<{ data: { quantity: number } }>(await api(`${base}/activities/900001.json?fields=quantity`, token));
    expect((await api(`${base}/timer.json`, token, { method: 'DELETE' })).status).toBe(204);
    const after = await json<{ data: { quantity: number; timer: unknown } }>(await api(`${base}/activities/900001.json?fields=quantity,timer`, token));
    expect(after.data.quantity - before.data.quantity).toBeGreaterThanOrEqual(1);
    expect(after.data.timer).toBeNull();
    expect((await api(`${base}/timer.json`, token, { method: 'DELETE' })).status).toBe(404);
  });
});
