/**
 * A document's upload against the sandbox (separate upload origin, signed put_urls), with a fault at every step:
 * a dropped connection before or after the create, each PUT and the completing PATCH, an expired put_url, a 5xx.
 * Each attempt is run again (as the outbox would) until it succeeds; exactly one fully uploaded document results,
 * holding the bytes, and the Clio requests stay within 3 (+1 look or check after an interruption).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Faults } from '@/sandbox/faults';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { type SandboxAdmin, sandboxAdmin, signedInClient, type SignedIn } from '../helpers/clio-sandbox';
import { sha256Hex } from '@/lib/filing/content-hash';
import { runUpload } from '@/lib/filing/document-upload';
import { HASH_PROPERTY, type NewDocument } from '@/lib/filing/clio-documents';
import { PART_BYTES, planParts, resumed, type UploadState } from '@/lib/filing/upload-machine';
import { AppError } from '@/lib/errors';

let sb: Sandbox;
let admin: SandboxAdmin;
let clio: SignedIn;
const MATTER = 100_001;

interface SandboxDocument {
  id: number;
  external_properties: Array<{ name: string; value: string }>;
  versions: Array<{ fully_uploaded: boolean }>;
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0, matters: 200 });
  admin = sandboxAdmin(sb.origin);
  clio = await signedInClient(sb.origin);
});
beforeEach(async () => {
  await admin.clearFaults();
  await admin.clearLog();
});
afterAll(() => sb.close());

/** Runs the upload attempt after attempt (at most 6), as the outbox does after each failure. */
async function uploadThroughFaults(bytes: Uint8Array<ArrayBuffer>, name: string) {
  let stored: UploadState | undefined;
  const doc: NewDocument = { matterId: MATTER, name, filename: `${name}.bin`, contentType: 'application/octet-stream', sha256: await sha256Hex(bytes) };
  const failures: string[] = [];
  const progress: Array<[number, number]> = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const done = await runUpload(
        {
          client: clio.client,
          load: async () => stored,
          save: async (s) => void (stored = structuredClone(s)),
          progress: (sent, total) => void progress.push([sent, total]),
          mayReach: async (url) => new URL(url).origin === sb.uploadOrigin,
        },
        doc,
        new Blob([bytes]),
      );
      return { ...done, failures, doc, progress };
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      failures.push((e as AppError).kind);
    }
  }
  throw new Error(`no upload after 6 attempts: ${failures.join(', ')}`);
}

async function documentsNamed(name: string): Promise<SandboxDocument[]> {
  const state = (await admin.state()) as unknown as { documents: Array<SandboxDocument & { name: string }> };
  return state.documents.filter((d) => d.name === name);
}

async function expectOneDocument(name: string, bytes: Uint8Array, documentId: number): Promise<void> {
  const docs = await documentsNamed(name);
  expect(docs).toHaveLength(1);
  expect(docs[0]!.id).toBe(documentId);
  expect(docs[0]!.versions.every((v) => v.fully_uploaded)).toBe(true);
  const stored = (await (await fetch(`${sb.origin}/__admin/documents/${documentId}/bytes`)).json()) as { sha256: string };
  expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  expect(docs[0]!.external_properties).toEqual([{ name: HASH_PROPERTY, value: createHash('sha256').update(bytes).digest('hex') }]);
}

const manageLines = async () => (await admin.log('manage')).map((r) => `${r.method} ${r.path.replace('/api/v4', '')}`);

describe('the upload, step by step', () => {
  it('no fault: create, PUT to the upload origin (put_headers only, no token), complete: 3 Clio requests', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 order of the court');
    const r = await uploadThroughFaults(bytes, 'clean');
    expect(r.failures).toEqual([]);
    await expectOneDocument('clean', bytes, r.documentId);
    expect(await manageLines()).toEqual(['POST /documents.json', `PATCH /documents/${r.documentId}.json`]);
    const uploads = await admin.log('upload');
    expect(uploads.map((u) => [u.method, u.status])).toEqual([['PUT', 200]]);
    expect(r.progress.at(-1)).toEqual([bytes.length, bytes.length]);
  });

  const faults: Array<[string, Partial<Faults>]> = [
    ['the create dropped before it reached Clio', { dropBefore: 1, scope: 'manage', method: 'POST' }],
    ['the create dropped after Clio made it', { dropAfter: 1, scope: 'manage', method: 'POST' }],
    ['the PUT dropped before the bytes arrived', { dropBefore: 1, scope: 'upload' }],
    ['the PUT dropped after the bytes arrived', { dropAfter: 1, scope: 'upload' }],
    ['the complete dropped before it reached Clio', { dropBefore: 1, scope: 'manage', method: 'PATCH' }],
    ['the complete dropped after Clio marked it', { dropAfter: 1, scope: 'manage', method: 'PATCH' }],
    ['the put_url had expired', { expiredPutUrls: 1 }],
    ['the complete failed with a 503', { fail5xx: 1, scope: 'manage', method: 'PATCH' }],
  ];
  for (const [what, fault] of faults) {
    it(`${what}: exactly one fully uploaded document, holding the bytes`, async () => {
      await admin.faults(fault);
      const bytes = new TextEncoder().encode(`bytes for ${what}`);
      const r = await uploadThroughFaults(bytes, what);
      // The fault did hit (a dropped connection, a 503, an expired put_url refused); it was retried within the attempt
      // (the limiter resends a PATCH itself; an expired put_url is read again at once) or by the next attempt.
      const log = [...(await admin.log('manage')), ...(await admin.log('upload'))];
      expect(log.some((e) => e.dropped !== undefined || e.status === 503 || e.status === 403)).toBe(true);
      await expectOneDocument(what, bytes, r.documentId);
      // 3 Clio requests, plus the one that failed, plus at most one look or check.
      expect((await manageLines()).length).toBeLessThanOrEqual(4);
    });
  }

  it('a large file goes in 5 MB parts; a part dropped after arriving is sent again; one document', async () => {
    const bytes = new Uint8Array(PART_BYTES * 2 + 1234);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    await admin.faults({ dropAfter: 1, scope: 'upload' });
    const r = await uploadThroughFaults(bytes, 'large');
    await expectOneDocument('large', bytes, r.documentId);
    const puts = (await admin.log('upload')).filter((u) => u.method === 'PUT');
    expect(puts.length).toBe(4); // three parts, the first once more
    expect(r.progress.map(([sent]) => sent)).toEqual([PART_BYTES, PART_BYTES * 2, bytes.length, bytes.length]);
  }, 30_000); // 10 MB through the sandbox and its hashing: ~5 s on a loaded 2-core machine

  it('no host permission for the upload origin: refused before any byte is sent, naming the origin', async () => {
    const bytes = new TextEncoder().encode('no permission');
    const doc: NewDocument = { matterId: MATTER, name: 'np', filename: 'np.txt', contentType: 'text/plain', sha256: await sha256Hex(bytes) };
    let stored: UploadState | undefined;
    const run = runUpload(
      { client: clio.client, load: async () => stored, save: async (s) => void (stored = s), mayReach: async () => false },
      doc,
      new Blob([bytes]),
    );
    await expect(run).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringContaining(sb.uploadOrigin) });
    expect(await admin.log('upload')).toEqual([]);
    expect(stored?.step).toBe('put');
  });
});

describe('pure parts of the machine', () => {
  it('plans one whole PUT up to 5 MB, else 5 MB parts with a shorter last one', () => {
    expect(planParts(10)).toEqual([{ part: 0, offset: 0, size: 10 }]);
    expect(planParts(PART_BYTES + 1).map((p) => p.size)).toEqual([PART_BYTES, 1]);
  });
  it('resumes a create or a complete that was under way when the worker died by looking, not resending', () => {
    expect(resumed({ step: 'create', inFlight: true })).toEqual({ step: 'look' });
    expect(resumed({ step: 'finish', doc: { id: 1, uuid: 'u' }, inFlight: true })).toEqual({ step: 'check', doc: { id: 1, uuid: 'u' } });
    expect(resumed(undefined)).toEqual({ step: 'create' });
  });
  it('the content hash is SHA-256 in hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
