/** The sandbox's damages and medical records details: what it takes, refuses and lists, as the spec has them. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, manageTokens, start } from './helpers';

let sb: Sandbox;
let token: string;
let base: string;
const PROVIDER = 96_001;
const FIELDS =
  'id,etag,bills_status,records_status,in_treatment,updated_at,matter{id},medical_provider{id,name},medical_bills{id,name,amount,adjustment,document_id}';

const call = async (method: string, path: string, data?: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const res = await api(`${base}/${path}${path.includes('?') ? '&' : '?'}fields=${encodeURIComponent(FIELDS)}`, token, {
    method,
    headers,
    ...(data ? { body: { data } } : {}),
  });
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as { data: Record<string, unknown> & Array<Record<string, unknown>> } };
};
const detail: Record<string, unknown> = {
  medical_provider_id: PROVIDER,
  bills_status: 'received',
  records_status: 'requested',
  in_treatment: true,
  matter_id: 100_001,
};
const bill = { name: 'ER visit', amount: 4250, adjustment: 850, balance: 3400, mark_balance_type_as: 'lien' };

beforeAll(async () => {
  sb = await start();
  base = `${sb.origin}/api/v4`;
});
beforeEach(async () => {
  await admin(sb.origin, 'POST', 'reset');
  token = (await manageTokens(sb.origin)).access_token;
});
afterAll(() => sb.close());

describe('medical records details', () => {
  it('seeds providers and bills on personal-injury matters, and lists them with the matter and bills', async () => {
    const list = await call('GET', 'medical_records_details.json');
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBe(3);
    const first = list.body.data.find((d) => (d.medical_provider as { id: number }).id === PROVIDER)!;
    expect(first).toMatchObject({ bills_status: 'received', medical_provider: { name: 'Riverside Orthopedic Clinic' } });
    expect(first.medical_bills).toEqual([
      expect.objectContaining({ name: 'ER visit', amount: 4250, adjustment: 850 }),
      expect.objectContaining({ name: 'Follow-up consult', amount: 375.5, adjustment: 0 }),
    ]);
  });

  it('creates one with its required fields and a bill; refuses one without them, or with keys the spec does not name', async () => {
    const made = await call('POST', 'medical_records_details.json', { ...detail, medical_bills: [bill] });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ matter: { id: 100_001 }, medical_bills: [expect.objectContaining({ name: 'ER visit', amount: 4250 })] });
    for (const key of ['medical_provider_id', 'bills_status', 'records_status', 'in_treatment', 'matter_id']) {
      const { [key]: _, ...without } = detail;
      expect((await call('POST', 'medical_records_details.json', without)).status, key).toBe(422);
    }
    expect((await call('POST', 'medical_records_details.json', { ...detail, medical_bills: [{ ...bill, balance: undefined }] })).status).toBe(422);
    expect((await call('POST', 'medical_records_details.json', { ...detail, matter: { id: 100_001 } })).status).toBe(422);
    expect((await call('POST', 'medical_records_details.json', { ...detail, bills_status: 'done' })).status).toBe(422);
  });

  it('a PATCH adds a bill without an id, and honours If-Match; updated_since finds the change', async () => {
    const made = await call('POST', 'medical_records_details.json', detail);
    const id = made.body.data.id as number;
    const before = new Date(Date.now() - 1).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const stale = await call('PATCH', `medical_records_details/${id}.json`, { medical_bills: [bill] }, { 'If-Match': '"nope"' });
    expect(stale.status).toBe(412);
    const changed = await call(
      'PATCH',
      `medical_records_details/${id}.json`,
      { medical_bills: [bill], bills_status: 'incomplete' },
      { 'If-Match': made.etag! },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ bills_status: 'incomplete', medical_bills: [expect.objectContaining({ name: 'ER visit' })] });
    const since = await call('GET', `medical_records_details.json?updated_since=${encodeURIComponent(before)}`);
    expect(since.body.data.map((d) => d.id)).toEqual([id]);
  });
});

describe('damages', () => {
  it('creates a damage with the required fields; refuses a missing one or an unknown type', async () => {
    const data = { amount: 1200, damage_type: 'special', description: 'Lost wages', matter_id: 100_001 };
    const res = await api(`${base}/damages.json?fields=id,amount,damage_type,description,matter{id}`, token, { method: 'POST', body: { data } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { data: unknown }).data).toMatchObject({ amount: 1200, damage_type: 'special', matter: { id: 100_001 } });
    for (const key of Object.keys(data)) {
      const { [key as keyof typeof data]: _, ...without } = data;
      expect((await api(`${base}/damages.json`, token, { method: 'POST', body: { data: without } })).status, key).toBe(422);
    }
    expect((await api(`${base}/damages.json`, token, { method: 'POST', body: { data: { ...data, damage_type: 'punitive' } } })).status).toBe(422);
  });
});
