/**
 * The filing couriers against the sandbox, through a real Outbox and the real ClioClient: a note, a communication
 * (matched senders and receivers, its linked time entry) and a document (kept bytes, the upload, a missing upload
 * permission). A fault at each step still ends in exactly one record, within the budgeted requests. Then
 * `filing/save` (FilingService) over the same couriers: checks, entries per part, bytes this browser already filed.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bytesStore } from '@/lib/filing/bytes-store';
import { COMMUNICATION, communicationCourier, type CommunicationPayload, type CommunicationResult } from '@/lib/filing/communication-courier';
import { DOCUMENT, documentCourier, type DocumentPayload } from '@/lib/filing/document-courier';
import { entrySteps } from '@/lib/filing/entry-steps';
import { matchPeople } from '@/lib/filing/match-people';
import { NOTE, noteCourier, type NotePayload } from '@/lib/filing/note-courier';
import { ENTRY_PROPERTY } from '@/lib/clio/entry-property';
import { HASH_PROPERTY } from '@/lib/filing/clio-documents';
import { sha256Hex } from '@/lib/filing/content-hash';
import { filedDocumentsItem, filedKey, uploadProgressItem, withFiled } from '@/lib/filing/filing-items';
import { FilingService } from '@/lib/filing/filing-service';
import { hostsFor } from '@/lib/auth/regions';
import type { MatterRef } from '@/lib/matter-ref';
import { Outbox } from '@/lib/outbox/outbox';
import type { Faults } from '@/sandbox/faults';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { memoryOutboxStore, requestLines, sandboxAdmin, type SandboxAdmin, type SandboxMatter, signedInClient, type SignedIn } from '../helpers/clio-sandbox';

let sb: Sandbox;
let admin: SandboxAdmin;
let clio: SignedIn;
let matter: MatterRef;
/** Two other matters' clients: one the local index knows, one only Clio's contacts search finds. */
let known: SandboxMatter['client'] & {};
let unknown: SandboxMatter['client'] & {};

interface Filed {
  documents: Array<{
    id: number;
    name: string;
    matter: { id: number };
    external_properties: Array<{ name: string; value: string }>;
    versions: Array<{ fully_uploaded: boolean }>;
  }>;
  communications: Array<{
    id: number;
    type: string;
    subject: string;
    body: string;
    received_at: string;
    matter: { id: number };
    senders: Array<{ id: number; type: string }>;
    receivers: Array<{ id: number; type: string }>;
    external_properties: Array<{ name: string; value: string }>;
    time_entries: Array<{ id: number; quantity: number }>;
  }>;
  notes: Array<{ id: number; type: string; subject: string; detail: string; matter: { id: number } | null; contact: unknown }>;
}
const filed = async () => (await admin.state()) as unknown as Filed;
const manageLines = async () => requestLines(await admin.log('manage'));
/** The injected fault did hit: a dropped connection or a 503 is in the log. */
const faultHit = async () => expect((await admin.log()).some((e) => e.dropped !== undefined || e.status === 503)).toBe(true);

beforeAll(async () => {
  sb = await startSandbox({ port: 0, matters: 60 });
  admin = sandboxAdmin(sb.origin);
  const open = await admin.matters();
  const m = open[0]!;
  matter = { id: m.id, displayNumber: m.display_number, description: m.description };
  const withEmail = open.filter((x) => x.client?.primary_email_address && x.client.id !== m.client?.id);
  known = withEmail[0]!.client!;
  unknown = withEmail.find((x) => x.client!.id !== known.id)!.client!;
});
afterAll(() => sb.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await admin.reset();
  clio = await signedInClient(sb.origin); // a reset forgets the grants
  await admin.clearLog();
});

function world(o: { allowUploads?: () => boolean } = {}) {
  let clock = Date.now();
  const steps = entrySteps();
  const bytes = bytesStore({ inUse: async () => new Set() });
  const progress: Array<[string, number | undefined, number | undefined]> = [];
  const filedDocs: Array<[number, string, number]> = [];
  const me = { id: 0, email: '' };
  const outbox = new Outbox({
    store: memoryOutboxStore(),
    now: () => clock,
    random: () => 0,
    owner: async () => 'clio#1',
    couriers: {
      [NOTE]: noteCourier(clio.client),
      [COMMUNICATION]: communicationCourier({
        client: clio.client,
        steps,
        match: (senders, receivers) =>
          matchPeople(
            {
              client: clio.client,
              me: async () => (me.email ? me : null),
              // The local index knows one client's email.
              localClients: async (emails) => new Map(emails.filter((e) => e === known.primary_email_address!.toLowerCase()).map((e) => [e, known.id])),
            },
            senders,
            receivers,
          ),
      }),
      [DOCUMENT]: documentCourier({
        client: clio.client,
        bytes,
        steps,
        mayReach: async (url) => new URL(url).origin === sb.uploadOrigin && (o.allowUploads?.() ?? true),
        progress: async (id, sent, total) => void progress.push([id, sent, total]),
        filed: async (p, documentId) => {
          filedDocs.push([p.matter.id, p.sha256, documentId]);
          await filedDocumentsItem.setValue(
            withFiled(await filedDocumentsItem.getValue(), filedKey(p.matter.id, p.sha256), { documentId, name: p.name, at: clock }),
          );
        },
      }),
    },
  });
  /** Tries again, as the outbox's alarm would, until nothing is left to send (at most 6 rounds). */
  const settle = async () => {
    for (let round = 0; round < 6; round++) {
      const open = (await outbox.list()).filter((e) => e.state === 'pending' || e.state === 'uncertain');
      if (!open.length) return;
      clock += 11 * 60_000;
      await outbox.flush();
    }
  };
  const filing = new FilingService({
    outbox,
    bytes,
    client: clio.client,
    hosts: async () => hostsFor('custom', sb.origin),
    filed: () => filedDocumentsItem.getValue(),
    uploads: () => uploadProgressItem.getValue(),
  });
  return { outbox, steps, bytes, progress, filedDocs, me, settle, filing };
}

const note = (over: Partial<NotePayload> = {}): NotePayload => ({ matter, subject: 'Call with the clerk', detail: 'Hearing moved to 3 May.', ...over });

describe('note courier', () => {
  it('one request: a Matter note carrying matter{id} alone, with the subject and text', async () => {
    const w = world();
    const e = await w.outbox.add(NOTE, note());
    expect(e.state).toBe('sent');
    expect(await manageLines()).toEqual(['POST /notes.json']);
    expect((await filed()).notes).toEqual([
      expect.objectContaining({ type: 'Matter', subject: 'Call with the clerk', detail: 'Hearing moved to 3 May.', matter: { id: matter.id }, contact: null }),
    ]);
  });

  for (const [what, fault] of [
    ['dropped before it reached Clio', { dropBefore: 1, scope: 'manage', method: 'POST' }],
    ['dropped after Clio made it', { dropAfter: 1, scope: 'manage', method: 'POST' }],
    ['answered 503', { fail5xx: 1, scope: 'manage', method: 'POST' }],
  ] as Array<[string, Partial<Faults>]>) {
    it(`the create ${what}: looked for before it is sent again; exactly one note`, async () => {
      const w = world();
      await admin.faults(fault);
      await w.outbox.add(NOTE, note());
      await w.settle();
      await faultHit();
      const [entry] = await w.outbox.list();
      const notes = (await filed()).notes;
      expect(notes).toHaveLength(1);
      expect(entry).toMatchObject({ state: 'sent', result: { id: notes[0]!.id } });
      const lines = await manageLines();
      expect(lines.filter((l) => l === 'POST /notes.json').length).toBeLessThanOrEqual(2);
      expect(lines.filter((l) => l.startsWith('GET /notes.json'))).toHaveLength(1);
    });
  }
});

describe('communication courier', () => {
  const payload = (over: Partial<CommunicationPayload> = {}): CommunicationPayload => ({
    matter,
    subject: 'Re: settlement offer',
    body: 'We accept the terms in principle.',
    date: '2026-03-02',
    senders: [known.primary_email_address!.toUpperCase()],
    receivers: [unknown.primary_email_address!, 'nobody@nowhere.example'],
    ...over,
  });

  it('matches senders and receivers (local index, then one contacts request), leaves the unknown out and says so', async () => {
    const w = world();
    const e = await w.outbox.add(COMMUNICATION, payload());
    expect(await manageLines()).toEqual([expect.stringMatching(/^GET \/contacts\.json/), 'POST /communications.json']);
    const [c] = (await filed()).communications;
    expect(c).toMatchObject({
      type: 'EmailCommunication',
      subject: 'Re: settlement offer',
      body: 'We accept the terms in principle.',
      received_at: '2026-03-02T12:00:00.000Z',
      matter: { id: matter.id },
      senders: [{ id: known.id, type: 'Contact' }],
      receivers: [{ id: unknown.id, type: 'Contact' }],
      external_properties: [{ name: ENTRY_PROPERTY, value: e.id }],
      time_entries: [],
    });
    expect(e).toMatchObject({ state: 'sent', result: { id: c!.id, unmatched: ['nobody@nowhere.example'] } });
  });

  it('the signed-in user is a User; everything known locally costs no contacts request', async () => {
    const w = world();
    const user = (await admin.state()).users[0]!;
    Object.assign(w.me, { id: user.id, email: user.email });
    await w.outbox.add(COMMUNICATION, payload({ senders: [user.email], receivers: [known.primary_email_address!] }));
    expect(await manageLines()).toEqual(['POST /communications.json']);
    expect((await filed()).communications[0]).toMatchObject({ senders: [{ id: user.id, type: 'User' }], receivers: [{ id: known.id, type: 'Contact' }] });
  });

  it('with hours: a TimeEntry of that time linked by communication{id}; 2 requests (+1 contacts lookup)', async () => {
    const w = world();
    const e = await w.outbox.add(COMMUNICATION, payload({ hours: 0.3 }));
    const lines = await manageLines();
    expect(lines.filter((l) => l.startsWith('POST'))).toEqual(['POST /communications.json', 'POST /activities.json']);
    expect(lines.filter((l) => l.startsWith('GET'))).toHaveLength(1);
    const [c] = (await filed()).communications;
    expect(c!.time_entries).toEqual([{ id: expect.any(Number), quantity: 1080 }]);
    expect(e).toMatchObject({ state: 'sent', result: { id: c!.id, timeEntryId: c!.time_entries[0]!.id } satisfies Partial<CommunicationResult> });
    expect(await w.steps.get(e.id)).toBeUndefined();
  });

  const faults: Array<[string, Partial<Faults>]> = [
    ['the contacts lookup answered 503', { fail5xx: 1, scope: 'manage', pathPrefix: '/api/v4/contacts' }],
    ['the communication dropped before it reached Clio', { dropBefore: 1, scope: 'manage', pathPrefix: '/api/v4/communications' }],
    ['the communication dropped after Clio made it', { dropAfter: 1, scope: 'manage', pathPrefix: '/api/v4/communications' }],
    ['the time entry dropped before it reached Clio', { dropBefore: 1, scope: 'manage', pathPrefix: '/api/v4/activities' }],
    ['the time entry dropped after Clio made it', { dropAfter: 1, scope: 'manage', pathPrefix: '/api/v4/activities' }],
    ['the time entry answered 503', { fail5xx: 1, scope: 'manage', method: 'POST', pathPrefix: '/api/v4/activities' }],
  ];
  for (const [what, fault] of faults) {
    it(`${what}: exactly one communication and one linked time entry`, async () => {
      const w = world();
      await admin.faults(fault);
      const e = await w.outbox.add(COMMUNICATION, payload({ hours: 0.3 }));
      await w.settle();
      await faultHit();
      const all = (await filed()).communications;
      expect(all).toHaveLength(1);
      expect(all[0]!.time_entries).toHaveLength(1);
      expect((await admin.state()).createdActivities).toHaveLength(1);
      expect(await w.outbox.get(e.id)).toMatchObject({ state: 'sent', result: { id: all[0]!.id, timeEntryId: all[0]!.time_entries[0]!.id } });
      // At most one contacts lookup that got an answer; one look for a step that may have reached Clio.
      const lines = await manageLines();
      expect(lines.filter((l) => l.startsWith('GET /communications.json') || l.startsWith('GET /activities.json')).length).toBeLessThanOrEqual(1);
    });
  }
});

describe('document courier', () => {
  const keep = async (w: ReturnType<typeof world>, id: string, text: string) => {
    const blob = new Blob([text], { type: 'text/html' });
    await w.bytes.keep(id, blob, { contentType: 'text/html', filename: 'Order.html' });
    const payload: DocumentPayload = {
      matter,
      name: `Order ${id}`,
      filename: 'Order.html',
      contentType: 'text/html',
      sha256: await sha256Hex(blob),
      bytesId: id,
    };
    return payload;
  };
  const expectOneDocument = async (p: DocumentPayload, text: string) => {
    const docs = (await filed()).documents.filter((d) => d.name === p.name);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.versions.every((v) => v.fully_uploaded)).toBe(true);
    expect(docs[0]!.external_properties).toEqual([{ name: HASH_PROPERTY, value: p.sha256 }]);
    const stored = (await (await fetch(`${sb.origin}/__admin/documents/${docs[0]!.id}/bytes`)).json()) as { sha256: string };
    expect(stored.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    return docs[0]!.id;
  };

  it('uploads the kept bytes (3 Clio requests + the PUT), remembers the hash, drops the bytes and its steps', async () => {
    const w = world();
    const p = await keep(w, 'd1', '<html><body>The order</body></html>');
    const e = await w.outbox.add(DOCUMENT, p);
    const id = await expectOneDocument(p, '<html><body>The order</body></html>');
    expect(e).toMatchObject({ state: 'sent', result: { id, name: 'Order d1' } });
    expect(await manageLines()).toEqual(['POST /documents.json', `PATCH /documents/${id}.json`]);
    expect((await admin.log('upload')).map((r) => r.method)).toEqual(['PUT']);
    expect(w.filedDocs).toEqual([[matter.id, p.sha256, id]]);
    expect(await w.bytes.read('d1')).toBeNull();
    expect(await w.steps.get(e.id)).toBeUndefined();
    expect(w.progress.at(-1)).toEqual([e.id, undefined, undefined]);
    expect(w.progress).toContainEqual([e.id, 35, 35]);
  });

  for (const [what, fault] of [
    ['the create dropped after Clio made it', { dropAfter: 1, scope: 'manage', method: 'POST' }],
    ['the PUT dropped', { dropBefore: 1, scope: 'upload' }],
    ['the complete dropped after Clio marked it', { dropAfter: 1, scope: 'manage', method: 'PATCH' }],
  ] as Array<[string, Partial<Faults>]>) {
    it(`${what}: resumed from its stored steps; exactly one complete document`, async () => {
      const w = world();
      await admin.faults(fault);
      const text = `bytes for ${what}`;
      const p = await keep(w, 'd2', text);
      const e = await w.outbox.add(DOCUMENT, p);
      await w.settle();
      await faultHit();
      const id = await expectOneDocument(p, text);
      expect(await w.outbox.get(e.id)).toMatchObject({ state: 'sent', result: { id } });
      expect((await manageLines()).length).toBeLessThanOrEqual(4);
    });
  }

  it('no permission for the upload origin: the entry waits (not failed), naming the origin; allowed, it goes', async () => {
    let allowed = false;
    const w = world({ allowUploads: () => allowed });
    const p = await keep(w, 'd3', 'waiting for permission');
    const e = await w.outbox.add(DOCUMENT, p);
    expect(e).toMatchObject({ state: 'pending', lastError: { kind: 'needs-permission', message: expect.stringContaining(sb.uploadOrigin) } });
    expect(await admin.log('upload')).toEqual([]);
    allowed = true;
    await w.outbox.wake();
    expect(await w.outbox.get(e.id)).toMatchObject({ state: 'sent' });
    await expectOneDocument(p, 'waiting for permission');
    // The create is not made twice: the stored steps went on from the PUT.
    expect((await manageLines()).filter((l) => l.startsWith('POST'))).toEqual(['POST /documents.json']);
  });

  it('discarding the entry drops its bytes and its steps', async () => {
    const w = world({ allowUploads: () => false });
    const p = await keep(w, 'd4', 'to be discarded');
    const e = await w.outbox.add(DOCUMENT, p);
    expect(await w.steps.get(e.id)).toBeDefined();
    await w.outbox.discard(e.id);
    expect(await w.bytes.read('d4')).toBeNull();
    expect(await w.steps.get(e.id)).toBeUndefined();
  });

  it('bytes gone (swept): the entry fails with words to act on, nothing is sent', async () => {
    const w = world();
    const p = await keep(w, 'd5', 'gone');
    await w.bytes.drop('d5');
    const e = await w.outbox.add(DOCUMENT, p);
    expect(e).toMatchObject({ state: 'failed', lastError: { kind: 'not-found', message: expect.stringContaining('Open Save to Clio again') } });
    expect(await manageLines()).toEqual([]);
  });
});

describe('filing/save', () => {
  const page = '<html><body>Order of the court</body></html>';
  const keepPage = (w: ReturnType<typeof world>, id: string) => w.bytes.keep(id, new Blob([page]), { contentType: 'text/html', filename: 'Order.html' });

  it('each chosen part is an entry under the request id; answered before they are sent; the same request twice is the same entries', async () => {
    const w = world();
    await keepPage(w, 'r1');
    const request = {
      id: 'r1',
      matter,
      pageUrl: 'https://court.example/order',
      document: { name: ' Order 2026-03-02 ', source: 'page-copy' as const },
      communication: { subject: 'Order', body: 'See the order.', date: '2026-03-02', senders: [], receivers: [], hours: 0.3 },
      note: { subject: 'Order received', detail: '' },
    };
    const answer = await w.filing.save(request);
    expect(answer).toEqual({ entries: { document: 'r1:document', communication: 'r1:communication', note: 'r1:note' } });
    expect(await w.filing.save(request)).toEqual(answer);
    // What the dialog asks while it waits: its own entries only.
    expect((await w.filing.progress(['r1:note', 'r1:document', 'other'])).entries.map((e) => e.id).sort()).toEqual(['r1:document', 'r1:note']);
    await w.outbox.flush();
    expect((await w.filing.progress(['r1:note'])).entries.map((e) => e.state)).toEqual(['sent']);
    expect((await w.outbox.list()).map((e) => [e.id, e.state])).toEqual([
      ['r1:document', 'sent'],
      ['r1:communication', 'sent'],
      ['r1:note', 'sent'],
    ]);
    const got = await filed();
    expect(got.documents).toEqual([expect.objectContaining({ name: 'Order 2026-03-02' })]);
    expect(got.communications).toHaveLength(1);
    expect(got.notes).toHaveLength(1);
  });

  it('the same bytes on the same matter again: not uploaded, answered alreadyFiled; its bytes dropped', async () => {
    const w = world();
    await keepPage(w, 'first');
    await w.filing.save({ id: 'first', matter, document: { name: 'Order', source: 'page-copy' } });
    await w.outbox.flush();
    const [doc] = (await filed()).documents;
    await admin.clearLog();

    await keepPage(w, 'again');
    expect(await w.filing.save({ id: 'again', matter, document: { name: 'Order (2)', source: 'page-copy' } })).toEqual({
      entries: {},
      alreadyFiled: { documentId: doc!.id, name: 'Order' },
    });
    await w.outbox.flush();
    expect(await manageLines()).toEqual([]);
    expect(await w.bytes.read('again')).toBeNull();
  });

  it('the same bytes while the first is still on its way: answered with that entry, not a second upload', async () => {
    const w = world({ allowUploads: () => false });
    await keepPage(w, 'one');
    await w.filing.save({ id: 'one', matter, document: { name: 'Order', source: 'page-copy' } });
    await w.outbox.flush();
    await keepPage(w, 'two');
    expect(await w.filing.save({ id: 'two', matter, document: { name: 'Order', source: 'page-copy' } })).toEqual({ entries: { document: 'one:document' } });
    expect((await w.outbox.list()).map((e) => e.id)).toEqual(['one:document']);
  });

  it('checks before anything is queued: a part chosen, the subject, the bytes kept; no document → its bytes dropped', async () => {
    const w = world();
    await expect(w.filing.save({ id: 'x', matter })).rejects.toMatchObject({ kind: 'validation' });
    await expect(w.filing.save({ id: 'x', matter, note: { subject: '  ', detail: 'text' } })).rejects.toMatchObject({
      kind: 'validation',
      fieldErrors: { subject: 'Enter a subject.' },
    });
    await expect(w.filing.save({ id: 'x', matter, document: { name: 'Order', source: 'pdf' } })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      w.filing.save({ id: 'x', matter, communication: { subject: 'S', body: '', date: '2026-02-30', senders: [], receivers: [] } }),
    ).rejects.toMatchObject({ fieldErrors: { date: expect.any(String) } });
    expect(await w.outbox.list()).toEqual([]);

    await keepPage(w, 'note-only');
    expect(await w.filing.save({ id: 'note-only', matter, note: { subject: 'Call', detail: '' } })).toEqual({ entries: { note: 'note-only:note' } });
    expect(await w.bytes.read('note-only')).toBeNull();
  });

  it('recent: up to 5 newest of a kind, one request, each with its place in Clio', async () => {
    const w = world();
    for (let i = 1; i <= 6; i++) await w.outbox.add(NOTE, note({ subject: `Note ${i}` }));
    await admin.clearLog();
    const recent = await w.filing.recent(matter.id, 'notes');
    expect(recent.items.map((n) => n.title)).toEqual(['Note 6', 'Note 5', 'Note 4', 'Note 3', 'Note 2']);
    expect(recent.more).toBe(`${sb.origin}/nc/#/matters/${matter.id}/notes`);
    expect(recent.items[0]!.url).toBe(recent.more);
    expect(await manageLines()).toEqual(['GET /notes.json']);
    expect((await w.filing.recent(matter.id, 'communications')).items).toEqual([]);
    await expect(w.filing.recent(matter.id, 'bills' as never)).rejects.toMatchObject({ kind: 'bad-request' });
  });
});
