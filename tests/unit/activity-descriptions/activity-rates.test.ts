/**
 * The Activity picker's rates for a matter, against the sandbox with the real ClioClient: one request with
 * `rate_for[matter_id]` and `rate_for[user_id]` when a matter is picked, kept for the next pick; nothing asked when
 * the popup merely opens, nor ever for a user Clio hides rates from.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activityRates, type ActivityRatesDeps } from '@/lib/activity-descriptions/activity-rates';
import { fetchAccount } from '@/lib/auth/account';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

let sandbox: Sandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 5 });
  admin = sandboxAdmin(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await admin.reset();
});

async function deps(me: { id: number; seesRates?: boolean } | null, now = () => Date.parse('2026-03-02T10:00:00Z')) {
  const { client } = await signedInClient(sandbox.origin);
  await admin.clearLog();
  const d: ActivityRatesDeps = {
    client,
    me: async () => me,
    refreshMe: async () => (await fetchAccount(client)).user,
    currency: async () => 'USD',
    now,
  };
  return d;
}

describe('activity rates for a matter', () => {
  it('a picked matter: one request for the signed-in user and the matter; the next pick of it asks nothing', async () => {
    const [m] = await admin.matters();
    const d = await deps({ id: 1001, seesRates: true });
    const got = await activityRates(d, m!.id, true);
    expect(got?.currency).toBe('USD');
    // The sandbox's seeded rates: Margaret's own 425/h (or 0.9× on a matter with its own rate), Filing flat 75.
    expect(got?.rates[512]).toEqual({ amount: 75, flat: true });
    expect([425, 382.5]).toContain(got?.rates[501]?.amount);
    expect(got?.rates[501]?.flat).toBe(false);
    const log = await admin.log('manage');
    expect(requestLines(log)).toEqual(['GET /activity_descriptions.json']);
    expect(log[0]!.query).toMatchObject({ 'rate_for[matter_id]': String(m!.id), 'rate_for[user_id]': '1001' });

    await admin.clearLog();
    expect(await activityRates(d, m!.id, true)).toEqual(got);
    expect(await activityRates(d, m!.id, false)).toEqual(got);
    expect(await admin.log('manage')).toEqual([]);
  });

  it('kept a few hours, then asked again', async () => {
    const [m] = await admin.matters();
    let at = Date.parse('2026-03-02T10:00:00Z');
    const d = await deps({ id: 1001, seesRates: true }, () => at);
    await activityRates(d, m!.id, true);
    at += 5 * 3600_000;
    await admin.clearLog();
    expect(await activityRates(d, m!.id, false)).toBeNull();
    await activityRates(d, m!.id, true);
    expect(requestLines(await admin.log('manage'))).toEqual(['GET /activity_descriptions.json']);
  });

  it('a matter already there when the popup opens: what is kept, or nothing, and no request', async () => {
    const [m] = await admin.matters();
    const d = await deps({ id: 1001, seesRates: true });
    expect(await activityRates(d, m!.id, false)).toBeNull();
    expect(await admin.log('manage')).toEqual([]);
  });

  it('a user who may not see rates: nothing, and no request', async () => {
    const [m] = await admin.matters();
    const d = await deps({ id: 1003, seesRates: false });
    expect(await activityRates(d, m!.id, true)).toBeNull();
    expect(await admin.log('manage')).toEqual([]);
  });

  it('an account stored before rate visibility was asked: who_am_i once, on a pick (never on opening)', async () => {
    const [m] = await admin.matters();
    const d = await deps({ id: 1001 });
    expect(await activityRates(d, m!.id, false)).toBeNull();
    expect(await admin.log('manage')).toEqual([]);
    expect(await activityRates(d, m!.id, true)).not.toBeNull();
    expect(requestLines(await admin.log('manage'))).toEqual(['GET /users/who_am_i.json', 'GET /activity_descriptions.json']);
  });

  it('nobody signed in: nothing', async () => {
    const [m] = await admin.matters();
    const d = await deps(null);
    expect(await activityRates(d, m!.id, true)).toBeNull();
    expect(await admin.log('manage')).toEqual([]);
  });
});
