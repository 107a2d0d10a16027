/**
 * Damages and medical bills from the outbox to Clio, and the medical records' local copy, against the sandbox with
 * the real ClioClient and rate limiter: what they create, find and sync is what the sandbox holds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClioClient } from '@/lib/clio/client';
import { MEDICAL_FIELDS } from '@/lib/injury/clio-injury';
import { DAMAGE, type DamagePayload, damageCourier, MEDICAL_BILL, type MedicalBillPayload, medicalBillCourier } from '@/lib/injury/injury-couriers';
import { InjuryService } from '@/lib/injury/injury-service';
import { EMPTY_MEDICAL, type MedicalCopy, type MedicalDetailJson } from '@/lib/injury/medical-records';
import type { MatterRef } from '@/lib/matter-ref';
import { Outbox } from '@/lib/outbox/outbox';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, sendingEntry, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';

let sandbox: Sandbox;
let admin: SandboxAdmin;
const RIVERSIDE = { id: 96_001, name: 'Riverside Orthopedic Clinic' };
const IMAGING = { id: 96_003, name: 'St. Anne Imaging Center' };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: 200 });
  admin = sandboxAdmin(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await admin.reset();
});

const details = (client: ClioClient) => client.get<MedicalDetailJson[]>('/medical_records_details.json', { fields: MEDICAL_FIELDS });

async function world() {
  const { client } = await signedInClient(sandbox.origin);
  const seeded = await details(client);
  const riverside = seeded.find((d) => d.medical_provider?.id === RIVERSIDE.id)!;
  const matter: MatterRef = { id: riverside.matter!.id, displayNumber: 'PI', description: '' };
  const added: Array<[DamagePayload, number]> = [];
  let filed: number | null = null;
  const damages = damageCourier(client, async (p, id) => void added.push([p, id]));
  const bills = medicalBillCourier({ client, filedDocument: async () => filed });
  let clock = Date.now();
  const outbox = new Outbox({
    store: memoryOutboxStore(),
    couriers: { [DAMAGE]: damages, [MEDICAL_BILL]: bills },
    now: () => clock,
    random: () => 0,
    owner: async () => 'clio#1001',
  });
  await admin.clearLog();
  return {
    client,
    matter,
    riverside,
    damages,
    bills,
    outbox,
    added,
    tick: (ms: number) => void (clock += ms),
    file: (id: number | null) => void (filed = id),
    manage: async () => (await admin.log('manage')).map((r) => `${r.method} ${r.path.replace('/api/v4', '')}`),
  };
}

const entry = sendingEntry;
const billOf = (matter: MatterRef, over: Partial<MedicalBillPayload> = {}): MedicalBillPayload => ({
  matter,
  provider: IMAGING,
  status: { billsStatus: 'received', recordsStatus: 'requested', inTreatment: true },
  bill: { name: 'MRI, lumbar spine', amount: 2800, adjustment: 300, balance: 2500, markBalanceAs: 'lien' },
  ...over,
});

describe('damageCourier', () => {
  it('deliver is one POST /damages; the damage is kept as added here; find looks by type, amount and description, never a claimed one', async () => {
    const w = await world();
    const p: DamagePayload = { matter: w.matter, damageType: 'general', description: 'Pain and suffering', amount: 25_000 };
    const before = Date.now();
    const made = (await w.damages.deliver(p, entry(DAMAGE, p))) as { id: number };
    expect(await w.manage()).toEqual(['POST /damages.json']);
    expect(w.added).toEqual([[p, made.id]]);
    const e = entry(DAMAGE, p, { createdAt: before, state: 'uncertain' });
    expect(await w.damages.find(p, e, new Set())).toMatchObject({ id: made.id });
    expect(await w.damages.find(p, e, new Set([made.id]))).toBeNull();
    expect(await w.damages.find({ ...p, amount: 25_001 }, e, new Set())).toBeNull();
    expect(await w.damages.find(p, { ...e, createdAt: Date.now() + 120_000 }, new Set())).toBeNull();
  });

  it('a damage whose answer was lost is found on the next attempt, not made twice', async () => {
    const w = await world();
    const p: DamagePayload = { matter: w.matter, damageType: 'special', description: 'Lost wages', amount: 7200.5 };
    await admin.faults({ dropAfter: 1, scope: 'manage' });
    const first = await w.outbox.add(DAMAGE, p);
    expect(first.state).toBe('uncertain');
    w.tick(60_000);
    await w.outbox.flush();
    expect(await w.outbox.get(first.id)).toMatchObject({ state: 'sent' });
    expect((await w.manage()).filter((r) => r.startsWith('POST'))).toEqual(['POST /damages.json']);
    expect(w.added).toHaveLength(1);
  });
});

describe('medicalBillCourier', () => {
  it('a new provider: one POST with the required fields and the bill; find sees it afterwards', async () => {
    const w = await world();
    const p = billOf(w.matter);
    const before = Date.now();
    const made = (await w.bills.deliver(p, entry(MEDICAL_BILL, p))) as MedicalDetailJson;
    expect(made).toMatchObject({
      matter: { id: w.matter.id },
      medical_provider: { id: IMAGING.id },
      medical_bills: [expect.objectContaining({ name: 'MRI, lumbar spine', amount: 2800, adjustment: 300 })],
    });
    expect(await w.manage()).toEqual(['POST /medical_records_details.json']);
    const e = entry(MEDICAL_BILL, p, { createdAt: before, state: 'uncertain' });
    expect(await w.bills.find(p, e, new Set())).toMatchObject({ id: made.id });
    expect(await w.bills.find(p, e, new Set([made.id]))).toBeNull();
    expect(await w.bills.find({ ...p, bill: { ...p.bill, name: 'X-ray' } }, e, new Set())).toBeNull();
  });

  it('a provider with a record on the matter: the bill is added with a PATCH on its ETag; a PATCH resent by the limiter after it reached Clio adds nothing twice', async () => {
    const w = await world();
    const p = billOf(w.matter, { provider: RIVERSIDE, detailId: w.riverside.id, etag: w.riverside.etag! });
    await admin.faults({ dropAfter: 1, scope: 'manage', method: 'PATCH' });
    const sent = await w.outbox.add(MEDICAL_BILL, p);
    expect(sent.state).toBe('sent');
    const now = (await details(w.client)).find((d) => d.id === w.riverside.id)!;
    expect(now.medical_bills!.map((b) => b.name)).toEqual(['ER visit', 'Follow-up consult', 'MRI, lumbar spine']);
    // The resend met 412 (the bill made the ETag change) and the courier found the bill there.
    expect((await w.manage()).filter((r) => r.startsWith('PATCH'))).toHaveLength(2);
  });

  it('a record changed by someone else since it was read: the bill is added to it as it is now', async () => {
    const w = await world();
    const p = billOf(w.matter, { provider: RIVERSIDE, detailId: w.riverside.id, etag: '"stale"' });
    const made = (await w.bills.deliver(p, entry(MEDICAL_BILL, p))) as MedicalDetailJson;
    expect(made.medical_bills!.filter((b) => b.name === 'MRI, lumbar spine')).toHaveLength(1);
  });

  it('a bill with its PDF waits (pending, nothing sent, no look) until the PDF is filed, then carries its document', async () => {
    const w = await world();
    const p = billOf(w.matter, { pdf: { sha256: 'ab'.repeat(32), name: 'bill.pdf' } });
    const waiting = await w.outbox.add(MEDICAL_BILL, p);
    expect(waiting).toMatchObject({ state: 'pending', lastError: { kind: 'network', message: expect.stringContaining('bill.pdf') } });
    expect(await w.manage()).toEqual([]);
    // A document id the sandbox does not hold is refused: the bill names the document the PDF became.
    w.file(424_242);
    w.tick(120_000);
    await w.outbox.flush();
    expect(await w.outbox.get(waiting.id)).toMatchObject({ state: 'failed', lastError: { kind: 'validation' } });
    const body = (await admin.log('manage')).find((r) => r.method === 'POST')!.body as { data: { medical_bills: Array<{ document_id: number }> } };
    expect(body.data.medical_bills[0]!.document_id).toBe(424_242);
  });
});

describe('InjuryService.medical', () => {
  it('a full pass first, then updated_since passes; a matter sees only its own records', async () => {
    const w = await world();
    let copy: MedicalCopy = EMPTY_MEDICAL;
    const service = new InjuryService({
      client: w.client,
      outbox: w.outbox,
      copy: { get: async () => copy, set: async (c) => void (copy = c) },
      damages: async () => [],
      file: async () => ({ entries: {} }),
      hashOf: async () => null,
      keepPdf: async () => ({ id: 'x', bytes: 0 }),
      pageOf: async () => ({ url: '', title: '', links: [] }),
      saved: async () => undefined,
    });
    const first = await service.medical(w.matter.id);
    expect(first.rows.map((r) => r.provider?.name)).toEqual(['Lakeview Physical Therapy', 'Riverside Orthopedic Clinic']);
    expect(first.providers.map((p) => p.id)).toEqual([96_002, 96_001, 96_003]);
    await w.bills.deliver(billOf(w.matter), entry(MEDICAL_BILL, billOf(w.matter)));
    const second = await service.medical(w.matter.id);
    expect(second.rows.map((r) => r.provider?.name)).toEqual(['Lakeview Physical Therapy', 'Riverside Orthopedic Clinic', 'St. Anne Imaging Center']);
    const gets = (await admin.log('manage')).filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.query.updated_since === undefined)).toEqual([true, false]);
    // Clio unreachable: the copy as it was, with why.
    await admin.faults({ fail5xx: 10, scope: 'manage' });
    const stale = await service.medical(w.matter.id);
    expect(stale.rows).toHaveLength(3);
    expect(stale.stale).toBeTruthy();
  });
});
