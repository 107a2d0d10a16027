/**
 * Payment links and trust requests from the outbox to Clio, and the billing service, against the sandbox with the real
 * ClioClient: what they make and find is what the sandbox holds; a link whose answer was lost is never made twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  PAYMENT_LINK,
  type PaymentLinkPayload,
  paymentLinkCourier,
  TRUST_REQUEST,
  type TrustRequestPayload,
  trustRequestCourier,
} from '@/lib/billing/billing-couriers';
import { BillingService } from '@/lib/billing/billing-service';
import type { MatterRef } from '@/lib/matter-ref';
import { Outbox } from '@/lib/outbox/outbox';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, sendingEntry, requestLines, sandboxAdmin, sendThroughDrop, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

interface Billed {
  id: number;
  display_number: string;
  client_id: number;
  bills: Array<{ id: number; number: string; balance: number; due_at: string }>;
}
interface BillingState {
  links: Array<{ id: number; subject: { id: number; type: string }; amount: number | null; description: string }>;
  trustRequests: Array<{ id: number; trustType: string; clientId: number; trustAmount: number; matters: Array<{ id: number }> }>;
}

let sandbox: Sandbox;
let admin: SandboxAdmin;
let billed: Billed;
let matter: MatterRef;

const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${sandbox.origin}/__admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 60 });
  admin = sandboxAdmin(sandbox.origin);
  billed = (await call<Billed[]>('GET', 'billing/matters?limit=1'))[0]!;
  matter = { id: billed.id, displayNumber: billed.display_number, description: '' };
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await admin.reset();
});

async function world() {
  const { client } = await signedInClient(sandbox.origin);
  await admin.clearLog();
  const links = paymentLinkCourier(client);
  const trust = trustRequestCourier(client);
  const outbox = (now: () => number = Date.now) =>
    new Outbox({
      store: memoryOutboxStore(),
      couriers: { [PAYMENT_LINK]: links, [TRUST_REQUEST]: trust },
      now,
      random: () => 0,
      owner: async () => 'clio#1001',
    });
  return {
    client,
    links,
    outbox,
    service: (o: Outbox) => new BillingService({ client, outbox: o, saved: async () => undefined }),
    billing: () => call<BillingState>('GET', 'billing'),
    manageRequests: async () => requestLines(await admin.log('manage')),
    posts: async () => (await admin.log('manage')).filter((r) => r.method === 'POST'),
  };
}

const linkFor = (over: Partial<PaymentLinkPayload> = {}): PaymentLinkPayload => ({
  matter,
  subject: { id: billed.bills[0]!.id, type: 'Bill' },
  amount: billed.bills[0]!.balance,
  currency: 'USD',
  description: `Bill ${billed.bills[0]!.number} · ${billed.display_number}`,
  destinationAccountId: 7001,
  duration: 604_800,
  email: 'client@example.com',
  ...over,
});
const entryOf = sendingEntry;

describe('paymentLinkCourier', () => {
  it('deliver makes one link with exactly the spec’s fields: one request', async () => {
    const w = await world();
    const made = (await w.links.deliver(linkFor(), entryOf(PAYMENT_LINK, linkFor()))) as { id: number; url: string; expires_at: string };
    expect(await w.manageRequests()).toEqual(['POST /clio_payments/links.json']);
    const [post] = await w.posts();
    expect(post!.body).toEqual({
      data: {
        currency: 'USD',
        description: `Bill ${billed.bills[0]!.number} · ${billed.display_number}`,
        destination_account: { id: 7001 },
        duration: 604_800,
        subject: { id: billed.bills[0]!.id, type: 'Bill' },
        amount: billed.bills[0]!.balance,
        email_address: 'client@example.com',
      },
    });
    expect(made.url).toMatch(/^https:\/\//);
    expect(Date.parse(made.expires_at) - Date.now()).toBeGreaterThan(604_800_000 - 60_000);
  });

  it('find() takes only the same subject, amount and description made since the entry, not one claimed', async () => {
    const w = await world();
    const e = entryOf(PAYMENT_LINK, linkFor());
    const a = (await w.links.deliver(linkFor(), e)) as { id: number };
    expect(await w.links.find(linkFor(), e, new Set())).toMatchObject({ id: a.id });
    expect(await w.links.find(linkFor(), e, new Set([a.id]))).toBeNull();
    expect(await w.links.find(linkFor({ amount: 1 }), e, new Set())).toBeNull();
    expect(await w.links.find(linkFor({ subject: { id: billed.bills[1]!.id, type: 'Bill' } }), e, new Set())).toBeNull();
    expect(await w.links.find(linkFor(), { ...e, createdAt: Date.now() + 120_000 }, new Set())).toBeNull();
  });

  it('a link whose answer was lost is found on the next attempt, not made twice', async () => {
    const w = await world();
    const { first, last } = await sendThroughDrop(admin, w.outbox, PAYMENT_LINK, linkFor());
    expect(first.state).toBe('uncertain');
    const { links } = await w.billing();
    expect(links).toHaveLength(1);
    expect(last).toMatchObject({ state: 'sent', result: { id: links[0]!.id } });
    expect((await w.posts()).length).toBe(1);
  });

  it('a resend with nothing in Clio makes the link once', async () => {
    const w = await world();
    const { first, last } = await sendThroughDrop(admin, w.outbox, PAYMENT_LINK, linkFor(), 'dropBefore');
    expect(first.state).toBe('uncertain');
    expect((await w.billing()).links).toHaveLength(1);
    expect(last).toMatchObject({ state: 'sent' });
  });
});

describe('trust requests', () => {
  const trustFor = (over: Partial<TrustRequestPayload> = {}): TrustRequestPayload => ({
    matter,
    trustType: 'matter',
    clientId: billed.client_id,
    issueDate: '2027-01-05',
    dueDate: '2027-01-19',
    approved: false,
    amount: 1500,
    note: '',
    ...over,
  });

  it('deliver sends the spec’s required fields (a matter request names its matter): one request', async () => {
    const w = await world();
    await trustRequestCourier(w.client).deliver(trustFor(), entryOf(TRUST_REQUEST, trustFor()));
    const [post] = await w.posts();
    expect(post!.body).toEqual({
      data: {
        trust_type: 'matter',
        client_id: billed.client_id,
        issue_date: '2027-01-05',
        due_date: '2027-01-19',
        approved: false,
        trust_amount: 1500,
        matter: [{ id: billed.id }],
      },
    });
    expect((await w.billing()).trustRequests).toEqual([expect.objectContaining({ trustType: 'matter', trustAmount: 1500, matters: [{ id: billed.id }] })]);
  });

  it('one that may have reached Clio is never resent by itself: it waits as failed, saying why', async () => {
    const w = await world();
    const { first, last } = await sendThroughDrop(admin, w.outbox, TRUST_REQUEST, trustFor());
    expect(first.state).toBe('uncertain');
    expect(last).toMatchObject({
      state: 'failed',
      lastError: { kind: 'conflict', message: expect.stringMatching(/may have reached Clio/) },
    });
    expect((await w.billing()).trustRequests).toHaveLength(1);
  });
});

describe('BillingService', () => {
  it('a matter’s billing: its unpaid bills, the client’s balance, trust funds, accounts with Clio Payments, its links and whether paid', async () => {
    const w = await world();
    const outbox = w.outbox();
    const service = w.service(outbox);
    const before = await service.ofMatter(billed.id);
    expect(before.bills.map((b) => b.id)).toEqual(billed.bills.map((b) => b.id));
    expect(before.outstanding?.total).toBeGreaterThan(0);
    expect(before.trust).toEqual([expect.objectContaining({ name: 'Client Trust (Clio Payments)' })]);
    expect('accounts' in before.payments && before.payments.accounts.map((a) => a.id)).toEqual([7001, 7002]);
    expect(await w.manageRequests()).toEqual([
      `GET /matters/${billed.id}.json`,
      'GET /bills.json',
      'GET /outstanding_client_balances.json',
      'GET /bank_accounts.json',
      'GET /clio_payments/links.json',
    ]);
    const saved = await service.requestPayment(
      {
        matter,
        billId: billed.bills[0]!.id,
        amount: null,
        account: { id: 7001, currency: 'USD' },
        clientId: billed.client_id,
        days: '7',
        email: '',
        description: 'Bill',
      },
      'k1',
    );
    expect(saved.state).toBe('sent');
    const link = saved.result as { id: number };
    await call('POST', `billing/links/${link.id}/pay`);
    const after = await service.ofMatter(billed.id);
    expect('accounts' in after.payments && after.payments.links).toEqual([
      expect.objectContaining({ id: link.id, paid: true, billNumber: billed.bills[0]!.number }),
    ]);
    expect(after.bills.map((b) => b.id)).toEqual([billed.bills[1]!.id]);
  });

  it('says which permission to tick when Clio refuses Clio Payments, and when the firm has no Clio Payments', async () => {
    const w = await world();
    const service = w.service(w.outbox());
    await call('POST', 'billing', { clioPayments: false });
    const refused = await service.ofMatter(billed.id);
    expect(refused.bills).toHaveLength(2);
    expect(refused.payments).toEqual({ problem: expect.stringMatching(/lacks the Clio Payments permission.*tick Clio Payments/) });
    await call('POST', 'billing', { clioPayments: true, firmClioPayments: false });
    expect((await service.ofMatter(billed.id)).payments).toEqual({ problem: expect.stringMatching(/doesn't have Clio Payments/) });
  });

  it('refuses a link open longer than Clio allows, before anything is sent', async () => {
    const w = await world();
    const service = w.service(w.outbox());
    await expect(
      service.requestPayment({
        matter,
        billId: null,
        amount: 50,
        account: { id: 7001, currency: 'USD' },
        clientId: billed.client_id,
        days: '91',
        email: '',
        description: 'x',
      }),
    ).rejects.toMatchObject({ kind: 'validation', fieldErrors: { duration: expect.stringMatching(/90 days/) } });
    expect(await w.posts()).toEqual([]);
  });
});

describe('BillingService, Accounting refused', () => {
  it('names the Accounting permission when Clio refuses bills and bank accounts', async () => {
    const w = await world();
    const service = w.service(w.outbox());
    await call('POST', 'billing', { accounting: false });
    const refused = await service.ofMatter(billed.id);
    expect(refused.problem).toMatch(/lacks the Accounting permission/);
    expect(refused.payments).toEqual({ problem: expect.stringMatching(/lacks the Accounting permission/) });
    expect(refused.bills).toEqual([]);
  });
});
