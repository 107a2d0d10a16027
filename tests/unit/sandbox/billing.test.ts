/** The sandbox's billing as Clio's spec has it: what a link and a trust request must carry, and the admin hooks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, manageTokens, start } from './helpers';

let sb: Sandbox;
let token: string;
let base: string;
let billed: { id: number; client_id: number; bills: Array<{ id: number; balance: number }> };

const post = async (path: string, data: unknown) =>
  api(`${base}${path}?fields=${path.includes('links') ? 'id,amount,url,expires_at' : 'id,created_at'}`, token, { method: 'POST', body: { data } });
const link = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  currency: 'USD',
  description: 'Invoice',
  destination_account: { id: 7001 },
  duration: 604_800,
  subject: { id: billed.bills[0]!.id, type: 'Bill' },
  ...over,
});

beforeAll(async () => {
  sb = await start();
  base = `${sb.origin}/api/v4`;
  token = (await manageTokens(sb.origin)).access_token;
  billed = ((await admin(sb.origin, 'GET', 'billing/matters?limit=1')) as Array<typeof billed>)[0]!;
});
afterAll(() => sb.close());

describe('Clio Payments links', () => {
  it('refuses a link without a required field, longer than 90 days, in another currency, or into an account without Clio Payments', async () => {
    for (const key of ['currency', 'description', 'destination_account', 'duration', 'subject']) {
      const { [key]: _gone, ...rest } = link();
      const res = await post('/clio_payments/links.json', rest);
      expect(res.status, key).toBe(422);
    }
    expect((await post('/clio_payments/links.json', link({ duration: 7_776_001 }))).status).toBe(422);
    expect((await post('/clio_payments/links.json', link({ duration: 7_776_000 }))).status).toBe(201);
    expect((await post('/clio_payments/links.json', link({ currency: 'CAD' }))).status).toBe(422);
    expect((await post('/clio_payments/links.json', link({ destination_account: { id: 7003 } }))).status).toBe(422);
    expect((await post('/clio_payments/links.json', link({ amount: billed.bills[0]!.balance + 1 }))).status).toBe(422);
    expect(
      (
        await post(
          '/clio_payments/links.json',
          link({ subject: { id: 7002, type: 'BankAccount' }, destination_account: { id: 7002 }, is_allocated_as_revenue: true }),
        )
      ).status,
    ).toBe(422);
  });

  it('answers 403 without the app’s Clio Payments permission, and 422 in a firm without Clio Payments', async () => {
    await admin(sb.origin, 'POST', 'billing', { clioPayments: false });
    const refused = await api(`${base}/clio_payments/links.json?active=true`, token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { type: 'Forbidden', message: 'The application does not have the Clio Payments permission' } });
    expect((await api(`${base}/bills.json?matter_id=${billed.id}`, token)).status).toBe(200);
    await admin(sb.origin, 'POST', 'billing', { clioPayments: true, firmClioPayments: false });
    expect((await post('/clio_payments/links.json', link())).status).toBe(422);
    const accounts = (await (await api(`${base}/bank_accounts.json?fields=id,clio_payments_enabled`, token)).json()) as {
      data: Array<{ clio_payments_enabled: boolean }>;
    };
    expect(accounts.data.every((a) => !a.clio_payments_enabled)).toBe(true);
    await admin(sb.origin, 'POST', 'billing', { firmClioPayments: true });
  });

  it('a paid link is still active until it expires; its payment names it, and the bill is paid', async () => {
    const made = (await (await post('/clio_payments/links.json', link({ subject: { id: billed.bills[1]!.id, type: 'Bill' } }))).json()) as {
      data: { id: number };
    };
    await admin(sb.origin, 'POST', `billing/links/${made.data.id}/pay`);
    const active = (await (await api(`${base}/clio_payments/links.json?active=true&fields=id,clio_payments_payment{state}`, token)).json()) as {
      data: Array<{ id: number; clio_payments_payment: { state: string } | null }>;
    };
    expect(active.data.find((l) => l.id === made.data.id)).toEqual({ id: made.data.id, clio_payments_payment: { state: 'completed' } });
    const bill = (await (await api(`${base}/bills/${billed.bills[1]!.id}.json?fields=state,balance`, token)).json()) as { data: unknown };
    expect(bill.data).toEqual({ state: 'paid', balance: 0 });
  });
});

describe('trust requests', () => {
  const request = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    trust_type: 'matter',
    client_id: billed.client_id,
    issue_date: '2027-01-05',
    due_date: '2027-01-19',
    approved: false,
    trust_amount: 1500,
    matter: [{ id: billed.id }],
    ...over,
  });

  it('needs the spec’s six fields, and a matter request its matter of that client', async () => {
    expect((await post('/trust_requests.json', request())).status).toBe(201);
    for (const key of ['trust_type', 'client_id', 'issue_date', 'due_date', 'approved', 'trust_amount']) {
      const { [key]: _gone, ...rest } = request();
      expect((await post('/trust_requests.json', rest)).status, key).toBe(422);
    }
    expect((await post('/trust_requests.json', request({ matter: [] }))).status).toBe(422);
    expect((await post('/trust_requests.json', request({ trust_type: 'client', matter: undefined }))).status).toBe(201);
    expect((await post('/trust_requests.json', request({ due_date: '2027-01-01' }))).status).toBe(422);
  });
});
