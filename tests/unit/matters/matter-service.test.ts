/**
 * MatterService against the sandbox: the real ClioClient and sync, the index in IndexedDB
 * (fake-indexeddb), the sync status in memory where the test can watch it. The clock is injected.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { whoAmI } from '@/lib/auth/clio-who-am-i';
import { indexedDbMatterStore } from '@/lib/matters/matter-store-idb';
import { normalisePhoneDigits } from '@/lib/matters/lookup-keys';
import { MatterService, type SyncStatus } from '@/lib/matters/matter-service';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { requestLines, sandboxAdmin, signedInClient, type SandboxAdmin } from '../helpers/clio-sandbox';
import { formatOneDatabase } from './format-one';

const MATTERS = 450; // three pages of 200
const SIGNED_OUT: SyncStatus = { running: false, fetched: 0, total: null, lastSyncAt: null, ready: false };
const MINUTE = 60_000;

let sandbox: Sandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, matters: MATTERS });
  admin = sandboxAdmin(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => admin.reset());

let databases = 0;

/** A signed-in MatterService with its own IndexedDB (or the one named); `onStatus` sees every status it writes. */
async function world(dbName = `matters-${++databases}`) {
  let clock = Date.now();
  const { client, session } = await signedInClient(sandbox.origin);
  const me = (await whoAmI(client)).id;
  const store = indexedDbMatterStore(dbName);
  let status: SyncStatus = SIGNED_OUT;
  const statuses: SyncStatus[] = [];
  let onStatus: (s: SyncStatus) => void = () => undefined;
  const service = new MatterService({
    client,
    store,
    userId: async () => ((await session.isSignedIn()) ? me : null),
    status: {
      get: async () => structuredClone(status),
      set: async (s) => {
        status = structuredClone(s);
        statuses.push(status);
        onStatus(status);
      },
    },
    now: () => clock,
  });
  await admin.clearLog();
  return {
    me,
    client,
    session,
    service,
    store,
    /** The same database opened afresh, as after a worker restart. */
    reopened: () => indexedDbMatterStore(dbName),
    status: () => status,
    setStatus: (s: SyncStatus) => void (status = s),
    statuses,
    onStatus: (f: (s: SyncStatus) => void) => void (onStatus = f),
    tick: (ms: number) => void (clock += ms),
    now: () => clock,
    manageRequests: async () => requestLines(await admin.log('manage')),
  };
}

describe('MatterService', () => {
  it('searches with Clio’s own search until the first full pass, then the local index without asking Clio', async () => {
    const w = await world();
    const [target] = await admin.matters('', 'Open');

    const before = await w.service.search(target!.display_number);
    expect(before.source).toBe('clio');
    expect(before.hits[0]).toMatchObject({ id: target!.id, displayNumber: target!.display_number, description: target!.description });
    const [asked] = await admin.log('manage');
    expect(asked).toMatchObject({ path: '/api/v4/matters.json', query: { query: target!.display_number } });

    await w.service.sync();
    await admin.clearLog();
    const after = await w.service.search(target!.display_number);
    expect(after.source).toBe('index');
    expect(after.hits[0]).toMatchObject({ id: target!.id, displayNumber: target!.display_number, clientName: target!.client!.name });
    expect(await w.manageRequests()).toEqual([]);
  });

  it('reports the progress of a pass, and marks the index ready when the first full pass is done', async () => {
    const w = await world();
    const result = await w.service.sync();

    expect(result).toMatchObject({ kind: 'full', fetched: MATTERS, requests: 3 });
    expect(await w.manageRequests()).toEqual(['GET /matters.json', 'GET /matters.json', 'GET /matters.json']);
    expect(w.statuses.filter((s) => s.running).map((s) => [s.fetched, s.total])).toEqual([
      [0, null],
      [200, MATTERS],
      [400, MATTERS],
      [MATTERS, MATTERS],
    ]);
    expect(w.statuses.every((s, i) => s.ready === (i === w.statuses.length - 1))).toBe(true);
    expect(w.status()).toEqual({
      running: false,
      kind: 'full',
      fetched: MATTERS,
      total: MATTERS,
      lastSyncAt: w.now(),
      startedAt: w.now(),
      ready: true,
      learning: false,
    });
    expect(await w.store.loadAll()).toHaveLength(MATTERS);
  });

  it('exact lookups by the client’s email and phone, display number and client reference, from the store’s keys', async () => {
    const w = await world();
    await w.service.sync();
    await admin.clearLog();
    const [target] = (await admin.matters('', 'Open')).filter((m) => m.client_reference);
    const detail = await w.service.detail(target!.id);
    const email = detail.matter.client!.primary_email_address!;
    const phone = normalisePhoneDigits(detail.matter.client!.primary_phone_number!)!;
    await admin.clearLog();

    const cold = new MatterService({
      client: w.client,
      store: w.reopened(),
      userId: async () => w.me,
      status: { get: w.status as never, set: async () => undefined },
    });
    const found = await cold.byKeys({
      emails: [email.toUpperCase()],
      phones: [phone],
      displayNumbers: [target!.display_number],
      clientReferences: [target!.client_reference!],
    });
    expect(found.learning).toBe(false);
    expect(found.ready).toBe(true);
    const hit = found.matches.find((m) => m.matter.id === target!.id)!;
    expect(hit.matched.map((k) => k.kind)).toEqual(['email', 'phone', 'displayNumber', 'clientReference']);
    expect(hit.matter).toMatchObject({ clientEmails: expect.arrayContaining([email]), clientReference: target!.client_reference });
    // Every matter of that client shares its email.
    expect(found.matches.filter((m) => m.matched.some((k) => k.kind === 'email')).every((m) => m.matter.clientId === hit.matter.clientId)).toBe(true);
    expect(await w.manageRequests()).toEqual([]);
  });

  it('a pass leaves the index packed: a woken worker searches it without reading every matter', async () => {
    const w = await world();
    await w.service.sync();
    expect((await w.store.log()).packedSeq).not.toBeNull();
    const store = w.reopened();
    const reads: string[] = [];
    const watched = new Proxy(store, {
      get: (target, key) => {
        if (key === 'loadAll' || key === 'chunk') reads.push(key);
        return target[key as keyof typeof target];
      },
    });
    const [target] = await admin.matters('', 'Open');
    const cold = new MatterService({
      client: w.client,
      store: watched,
      userId: async () => w.me,
      status: { get: w.status as never, set: async () => undefined },
    });
    expect((await cold.search(target!.display_number)).hits[0]).toMatchObject({ id: target!.id, displayNumber: target!.display_number });
    expect(reads).toEqual([]);

    // A sync that changes one matter: the next search sees it, still without reading every matter.
    await admin.editMatter(target!.id, { description: 'Quixotic renamed matter' });
    w.tick(10 * MINUTE);
    await cold.sync();
    expect((await cold.search('quixotic')).hits.map((m) => m.id)).toEqual([target!.id]);
    expect(reads).toEqual([]);
  });

  it('after an update from format 1: search works from what was kept, and prepare() learns the clients in one full pass', async () => {
    const first = await world();
    await first.service.sync();
    const kept = (await first.store.loadAll()).map(({ clientReference: _r, clientEmails: _e, clientPhones: _p, ...old }) => old);
    const name = `matters-format-one-${++databases}`;
    await formatOneDatabase(name, kept, { ...(await first.store.getMeta()), formatVersion: 1 });
    const w = await world(name);
    w.setStatus(first.status());
    const [target] = await admin.matters('', 'Open');

    expect((await w.service.search(target!.display_number)).hits[0]).toMatchObject({ id: target!.id, displayNumber: target!.display_number });
    const email = target!.client!.primary_email_address!;
    expect(await w.service.byKeys({ emails: [email] })).toMatchObject({ matches: [], learning: true, ready: true });
    expect(await w.manageRequests()).toEqual([]);

    await w.service.prepare();
    expect(await w.manageRequests()).toEqual(['GET /matters.json', 'GET /matters.json', 'GET /matters.json']); // ⌈450 / 200⌉
    expect(w.statuses[0]).toMatchObject({ running: true, learning: true });
    expect(w.status()).toMatchObject({ running: false, kind: 'full', learning: false, ready: true });
    const after = await w.service.byKeys({ emails: [email] });
    expect(after.learning).toBe(false);
    expect(after.matches.map((m) => m.matter.id)).toContain(target!.id);
  });

  it('syncIfStale syncs only when the last pass is older than asked, and then incrementally', async () => {
    const w = await world();
    await w.service.sync();
    await admin.clearLog();

    w.tick(4 * MINUTE);
    await w.service.syncIfStale(5 * MINUTE);
    expect(await w.manageRequests()).toEqual([]);

    w.tick(2 * MINUTE);
    await w.service.syncIfStale(5 * MINUTE);
    const log = await admin.log('manage');
    expect(requestLines(log)).toEqual(['GET /matters.json']);
    expect(log[0]!.query.updated_since).toEqual(expect.any(String));
    expect(w.status()).toMatchObject({ running: false, kind: 'incremental', lastSyncAt: w.now(), ready: true });
  });

  it('syncIfStale waits for a pass marked running, unless the mark is over 10 minutes old (its worker died)', async () => {
    const w = await world();
    w.setStatus({ ...SIGNED_OUT, running: true, fetched: 200, total: MATTERS, startedAt: w.now() - 9 * MINUTE });
    await w.service.syncIfStale(MINUTE);
    expect(await w.manageRequests()).toEqual([]);

    w.tick(2 * MINUTE);
    await w.service.syncIfStale(MINUTE);
    expect(await w.manageRequests()).toHaveLength(3);
    expect(w.status()).toMatchObject({ running: false, ready: true, lastSyncAt: w.now() });
  });

  it('forget() clears the index and the status; searches go to Clio again', async () => {
    const w = await world();
    await w.service.sync();
    await w.service.forget();

    expect(w.status()).toEqual(SIGNED_OUT);
    expect(await w.store.loadAll()).toEqual([]);
    expect(await w.store.getMeta()).toBeUndefined();
    expect(await w.reopened().loadAll()).toEqual([]);
    const [target] = await admin.matters('', 'Open');
    expect(await w.service.search(target!.display_number)).toMatchObject({ source: 'clio', hits: [expect.objectContaining({ id: target!.id })] });
  });

  it('forget() while a pass runs: the pass leaves neither matters nor progress behind', async () => {
    const w = await world();
    await admin.faults({ latencyMs: 100, scope: 'manage' }); // each page takes a while
    let forgotten: Promise<void> | undefined;
    w.onStatus((s) => {
      if (s.fetched === 200 && !forgotten) forgotten = w.service.forget(); // while page 2 is on its way
    });

    expect(await w.service.sync()).toBeNull();
    await forgotten;
    expect(await w.manageRequests()).toHaveLength(3); // the pass ran to its end
    expect(await w.store.loadAll()).toEqual([]);
    expect(await w.store.getMeta()).toBeUndefined();
    expect(w.status()).toEqual(SIGNED_OUT);
  });

  it('sign-out while a page is on its way: that page is not kept, and the refused pass leaves nothing behind', async () => {
    const w = await world();
    await admin.faults({ latencyMs: 150, scope: 'all' });
    let signedOut: Promise<unknown> | undefined;
    w.onStatus((s) => {
      // Page 2 has left with the token (microtasks run before this timer); the sign-out revokes it and
      // forgets the matters before page 2 is answered, and page 3 finds no token.
      if (s.fetched === 200 && !signedOut) signedOut = new Promise((r) => setTimeout(r, 20)).then(() => Promise.all([w.session.signOut(), w.service.forget()]));
    });

    const pass = await w.service.sync().catch((e: unknown) => e);
    await signedOut;
    expect(await w.manageRequests()).toEqual(['GET /matters.json', 'GET /matters.json']);
    expect(pass).toBeNull();
    expect(await w.store.loadAll()).toEqual([]);
    expect(await w.store.getMeta()).toBeUndefined();
    expect(w.status()).toEqual(SIGNED_OUT);
  });

  it('mine: only matters whose responsible attorney is the signed-in user', async () => {
    const w = await world();
    await w.service.sync();
    const open = (await w.store.loadAll()).filter((m) => m.status !== 'Closed');
    const mineIds = open.filter((m) => m.responsibleAttorneyId === w.me).map((m) => m.id);
    expect(mineIds.length).toBeGreaterThan(0);
    expect(mineIds.length).toBeLessThan(open.length);

    const all = await w.service.search('', { limit: MATTERS });
    expect(all.hits.map((m) => m.id).sort()).toEqual(open.map((m) => m.id).sort());
    const mine = await w.service.search('', { mine: true, limit: MATTERS });
    expect(mine.source).toBe('index');
    expect(mine.hits.map((m) => m.id).sort()).toEqual(mineIds.sort());
  });

  it('before the first pass, Clio’s search is asked for the lookup’s statuses and, with mine, the user’s matters only', async () => {
    const w = await world();
    await w.service.search('', { mine: true, statuses: ['Open', 'Pending', 'Closed'], limit: 10 });
    const [asked] = await admin.log('manage');
    expect(asked!.query).toMatchObject({ responsible_attorney_id: String(w.me), status: 'open,pending,closed' });

    await w.service.sync();
    const mineIds = new Set((await w.store.loadAll()).filter((m) => m.responsibleAttorneyId === w.me).map((m) => m.id));
    await w.service.forget();
    const { hits, source } = await w.service.search('', { mine: true, limit: 50 });
    expect(source).toBe('clio');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((m) => !mineIds.has(m.id))).toEqual([]);
  });
});
