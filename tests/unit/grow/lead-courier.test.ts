/**
 * The lead courier against the sandbox's Grow API (OAuth, PKCE, the real client and Grow's
 * limiter) and its legacy Lead Inbox (the firm's token in the body): the leads it makes are
 * the ones the sandbox holds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '@/lib/errors';
import { GROW_LEAD, growLeadCourier, type GrowLeadPayload } from '@/lib/leads/lead-courier';
import type { GrowLeadJson } from '@/lib/leads/clio-grow-leads';
import { hostsFor } from '@/lib/auth/regions';
import type { LeadDraft } from '@/lib/leads/lead';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import { Outbox } from '@/lib/outbox/outbox';
import { LEAD_INBOX_TOKEN } from '@/sandbox/credentials';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

let sandbox: Sandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 10 });
  admin = sandboxAdmin(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => admin.reset());

/** The courier as the background builds it, connected to Grow; `inboxToken` is the firm's legacy token (null: none entered). */
async function world(inboxToken: string | null = LEAD_INBOX_TOKEN) {
  const { client, limiter } = await signedInClient(sandbox.origin, 'grow');
  const courier = growLeadCourier({
    grow: client,
    limiter,
    legacyUrl: async () => hostsFor('custom', sandbox.origin).legacyLeadInbox,
    inboxToken: async () => inboxToken ?? undefined,
  });
  await admin.clearLog();
  return { courier, log: () => admin.log() };
}

const draft: LeadDraft = {
  firstName: ' Ada ',
  lastName: 'Okafor',
  email: 'ada.okafor@example.com ',
  phone: '+1 415 555 0134',
  message: ' Was let go after asking about overtime. ',
  referringUrl: 'https://example.com/contact',
};
const lead = (via: GrowLeadPayload['via'], d: LeadDraft = draft): GrowLeadPayload => ({ draft: d, source: 'Clio Companion', via });

function entry<P>(p: P, over: Partial<OutboxEntry<P>> = {}): OutboxEntry<P> {
  return { id: 'l1', kind: GROW_LEAD, payload: p, state: 'sending', attempts: 1, createdAt: Date.now(), nextAttemptAt: Date.now(), ...over };
}

describe('growLeadCourier via Grow’s API (OAuth)', () => {
  it('posts exactly Grow’s fields, trimmed, and makes one lead', async () => {
    const w = await world();
    const p = lead('oauth');
    const made = (await w.courier.deliver(p, entry(p))) as GrowLeadJson;

    const log = await w.log();
    expect(requestLines(log)).toEqual(['POST /inbox_leads']);
    expect(log[0]).toMatchObject({ api: 'grow', status: 201 });
    expect(log[0]!.body).toEqual({
      data: {
        first_name: 'Ada',
        last_name: 'Okafor',
        email: 'ada.okafor@example.com',
        phone_number: '+1 415 555 0134',
        from_message: 'Was let go after asking about overtime.',
        referring_url: 'https://example.com/contact',
        from_source: 'Clio Companion',
      },
    });
    const { leads, legacyLeads } = await admin.state();
    expect(leads).toEqual([expect.objectContaining({ id: made.id, first_name: 'Ada', email: 'ada.okafor@example.com', state: 'untriaged' })]);
    expect(legacyLeads).toEqual([]);
  });

  it('leaves out an email and a phone the user left empty', async () => {
    const w = await world();
    const p = lead('oauth', { ...draft, email: ' ', phone: '' });
    await w.courier.deliver(p, entry(p));
    const [post] = await w.log();
    expect(Object.keys((post!.body as { data: object }).data).sort()).toEqual(['first_name', 'from_message', 'from_source', 'last_name', 'referring_url']);
    expect((await admin.state()).leads).toEqual([expect.objectContaining({ email: null, phone_number: null })]);
  });

  it('find() locates a lead that reached Grow, and not one another entry claimed', async () => {
    const w = await world();
    const p = lead('oauth');
    const before = Date.now();
    const e = entry(p, { createdAt: before, state: 'uncertain' });
    await admin.faults({ dropAfter: 1, scope: 'grow' });
    const lost = (await w.courier.deliver(p, entry(p)).catch((x: unknown) => x)) as AppError;
    expect(lost.kind).toBe('network');
    expect(w.courier.mayHaveReached(lost)).toBe(true);

    const [made] = (await admin.state()).leads;
    expect(await w.courier.find(p, e, new Set())).toMatchObject({ id: made!.id });
    expect(await w.courier.find(p, e, new Set([made!.id]))).toBeNull();
    expect(await w.courier.find(lead('oauth', { ...draft, message: 'Another matter' }), e, new Set())).toBeNull();
  });

  it('a lead whose answer was lost is found by the outbox, not sent twice', async () => {
    const w = await world();
    let clock = Date.now();
    const outbox = new Outbox({
      store: memoryOutboxStore(),
      couriers: { [GROW_LEAD]: w.courier },
      now: () => clock,
      random: () => 0,
      owner: async () => 'clio#1',
    });
    await admin.faults({ dropAfter: 1, scope: 'grow' });
    const first = await outbox.add(GROW_LEAD, lead('oauth'));
    expect(first.state).toBe('uncertain');

    clock += 60_000;
    await outbox.flush();
    const { leads } = await admin.state();
    expect(leads).toHaveLength(1);
    expect(await outbox.get(first.id)).toMatchObject({ state: 'sent', result: { id: leads[0]!.id } });
    expect(requestLines(await w.log()).filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });
});

describe('growLeadCourier via the legacy Lead Inbox token', () => {
  it('posts to the legacy inbox with the firm’s token and Grow’s legacy fields', async () => {
    const w = await world(LEAD_INBOX_TOKEN);
    const p = lead('lead-inbox-token');
    await w.courier.deliver(p, entry(p));

    const log = await w.log();
    expect(requestLines(log)).toEqual(['POST /inbox_leads']);
    expect(log[0]).toMatchObject({ api: 'legacy', status: 201 });
    // The sandbox logs the body without the token; that it was accepted (201) shows it was there.
    expect(log[0]!.body).toEqual({
      inbox_lead: {
        from_first: 'Ada',
        from_last: 'Okafor',
        from_email: 'ada.okafor@example.com',
        from_phone: '+1 415 555 0134',
        from_message: 'Was let go after asking about overtime.',
        referring_url: 'https://example.com/contact',
        from_source: 'Clio Companion',
      },
    });
    const { leads, legacyLeads } = await admin.state();
    expect(legacyLeads).toEqual([expect.objectContaining({ first_name: 'Ada', last_name: 'Okafor', from_source: 'Clio Companion' })]);
    expect(leads).toEqual([]);
  });

  it('without a token it fails as auth-failed and sends nothing', async () => {
    const w = await world(null);
    const p = lead('lead-inbox-token');
    await expect(w.courier.deliver(p, entry(p))).rejects.toMatchObject({ kind: 'auth-failed', message: expect.stringMatching(/Lead Inbox token/) });
    expect(await w.log()).toEqual([]);
  });

  it('a token Grow refuses is auth-failed too, and makes no lead', async () => {
    const w = await world('not-the-firms-token');
    const p = lead('lead-inbox-token');
    await expect(w.courier.deliver(p, entry(p))).rejects.toMatchObject({ kind: 'auth-failed', status: 401 });
    expect((await admin.state()).legacyLeads).toEqual([]);
  });

  it('find() cannot look in the Lead Inbox: a conflict that tells the user what to do; the outbox does not send it twice', async () => {
    const w = await world();
    const p = lead('lead-inbox-token');
    await expect(w.courier.find(p, entry(p), new Set())).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/Lead Inbox cannot be checked.*Look in the Grow inbox: Retry if it is not there, Discard if it is/),
    });

    let clock = Date.now();
    const outbox = new Outbox({
      store: memoryOutboxStore(),
      couriers: { [GROW_LEAD]: w.courier },
      now: () => clock,
      random: () => 0,
      owner: async () => 'clio#1',
    });
    await admin.faults({ dropAfter: 1, scope: 'grow' });
    const first = await outbox.add(GROW_LEAD, p);
    clock += 60_000;
    await outbox.flush();
    expect(await outbox.get(first.id)).toMatchObject({ state: 'failed', lastError: { kind: 'conflict' } });
    expect((await admin.state()).legacyLeads).toHaveLength(1);
  });
});
