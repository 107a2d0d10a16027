import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GROW_CLIENT_ID, GROW_CLIENT_SECRET, LEAD_INBOX_TOKEN } from '../../../sandbox/credentials';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, authorizeCode, form, growTokens, REDIRECT, start } from './helpers';

let sb: Sandbox;
let token: string;
beforeAll(async () => {
  sb = await start({ matters: 50 });
});
beforeEach(async () => {
  await admin(sb.origin, 'POST', 'reset');
  await admin(sb.origin, 'POST', 'config', { growRateLimit: 1000 });
  token = (await growTokens(sb.origin)).access_token;
});
afterAll(() => sb.close());

const lead = {
  first_name: 'Zoë',
  last_name: 'Okafor',
  from_message: 'I need help with a contract.',
  referring_url: 'https://example.com/contact',
  from_source: 'Clio Companion',
};
const postLead = (body: unknown): Promise<Response> => api(`${sb.origin}/grow/inbox_leads`, token, { method: 'POST', body });

describe('Grow inbox leads', () => {
  it('creates an untriaged lead (201)', async () => {
    const res = await postLead({ data: { ...lead, email: 'zoe@example.com', phone_number: '(312) 555-0100', marketing_source: { id: 3 } } });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      ...lead,
      email: 'zoe@example.com',
      state: 'untriaged',
      id: expect.any(Number),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const listed = (await (await api(`${sb.origin}/grow/inbox_leads?state=untriaged`, token)).json()) as { data: Array<{ id: number }> };
    expect(listed.data.map((l) => l.id)).toContain(data.id);
    expect(await admin(sb.origin, 'GET', 'state')).toMatchObject({ leads: [{ id: data.id }] });
  });

  it('rejects unknown keys, missing required fields and a bad URI with 422', async () => {
    const bodies = [
      { data: { ...lead, company: 'Acme' } },
      { data: lead, extra: true },
      { data: { ...lead, first_name: undefined } },
      { data: { ...lead, referring_url: 'not a uri' } },
      { data: { ...lead, marketing_source: { id: 1, name: 'x' } } },
    ];
    for (const body of bodies) {
      const res = await postLead(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await res.json()).toMatchObject({ error: { status: '422', message: expect.any(String) } });
    }
  });

  it('requires state on the list, and the write scope to post', async () => {
    expect((await api(`${sb.origin}/grow/inbox_leads`, token)).status).toBe(400);
    const code = await authorizeCode(sb.origin, { client_id: GROW_CLIENT_ID, scope: 'grow_user_read' }, '/grow');
    const res = await form(`${sb.origin}/grow/oauth/token`, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: GROW_CLIENT_ID,
      client_secret: GROW_CLIENT_SECRET,
    });
    const narrow = ((await res.json()) as { access_token: string }).access_token;
    const denied = await api(`${sb.origin}/grow/inbox_leads`, narrow, { method: 'POST', body: { data: lead } });
    expect(denied.status).toBe(403);
  });

  it('who_am_i and contacts lookup with cursor paging', async () => {
    const me = (await (await api(`${sb.origin}/grow/users/who_am_i`, token)).json()) as { data: Record<string, unknown> };
    expect(me.data).toMatchObject({ id: 1001, first_name: 'Margaret', account: { id: expect.any(Number), firm_name: expect.any(String) } });
    const page1 = (await (await api(`${sb.origin}/grow/contacts?limit=100`, token)).json()) as {
      data: Array<{ id: number; email: string | null }>;
      meta: { paging: { next?: string } };
    };
    expect(page1.data).toHaveLength(100);
    const page2 = (await (await api(page1.meta.paging.next!, token)).json()) as { data: Array<{ id: number }> };
    expect(page2.data[0]!.id).toBeGreaterThan(page1.data[99]!.id);
    const email = page1.data.find((c) => c.email)!.email!;
    const found = (await (await api(`${sb.origin}/grow/contacts?query=${encodeURIComponent(email)}`, token)).json()) as { data: Array<{ email: string }> };
    expect(found.data.map((c) => c.email)).toContain(email);
  });

  it('limits an app to 3 requests per second with {"message":"Too Many Requests"}', async () => {
    await admin(sb.origin, 'POST', 'config', { growRateLimit: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(`${sb.origin}/grow/users/who_am_i`, token)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await api(`${sb.origin}/grow/users/who_am_i`, token);
    expect(await res.json()).toEqual({ message: 'Too Many Requests' });
  });
});

describe('legacy Lead Inbox', () => {
  const legacy = { from_first: 'José', from_last: 'García', from_message: 'Call me', referring_url: 'https://example.com/', from_source: 'Website' };
  const post = (body: unknown): Promise<Response> =>
    fetch(`${sb.origin}/inbox_leads`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('accepts a lead with the inbox token', async () => {
    const res = await post({ inbox_lead: { ...legacy, from_email: 'jose@example.com' }, inbox_lead_token: LEAD_INBOX_TOKEN });
    expect(res.status).toBe(201);
    expect(await admin(sb.origin, 'GET', 'state')).toMatchObject({ legacyLeads: [{ first_name: 'José', email: 'jose@example.com' }] });
  });

  it('401 for a wrong token, 422 for unknown keys', async () => {
    expect((await post({ inbox_lead: legacy, inbox_lead_token: 'wrong' })).status).toBe(401);
    expect((await post({ inbox_lead: { ...legacy, from_company: 'x' }, inbox_lead_token: LEAD_INBOX_TOKEN })).status).toBe(422);
    expect((await post({ inbox_lead: legacy, inbox_lead_token: LEAD_INBOX_TOKEN, extra: 1 })).status).toBe(422);
  });

  it('never logs the token', async () => {
    await admin(sb.origin, 'DELETE', 'log');
    await post({ inbox_lead: legacy, inbox_lead_token: LEAD_INBOX_TOKEN });
    const log = (await admin(sb.origin, 'GET', 'log')) as Array<{ api: string; body: Record<string, unknown> }>;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ api: 'legacy', body: { inbox_lead: legacy } });
    expect(JSON.stringify(log)).not.toContain(LEAD_INBOX_TOKEN);
  });
});
