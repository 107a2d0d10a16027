/**
 * The sandbox's documents (the three-step upload through a separate upload origin), communications and notes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, manageTokens, start } from './helpers';

let sb: Sandbox;
let token: string;
let base: string;
const MATTER = 100_001;
const VERSION = 'latest_document_version{uuid,put_url,put_headers,fully_uploaded,multiparts}';

interface Doc {
  id: number;
  latest_document_version: {
    uuid: string;
    put_url: string;
    put_headers: Array<{ name: string; value: string }>;
    fully_uploaded: boolean;
    multiparts: Array<{ part_number: number; put_url: string; put_headers: Array<{ name: string; value: string }> }>;
  };
}

const create = async (extra: Record<string, unknown> = {}): Promise<Doc> => {
  const res = await api(`${base}/documents.json?fields=id,${VERSION}`, token, {
    method: 'POST',
    body: { data: { name: 'Order.pdf', parent: { type: 'Matter', id: MATTER }, content_type: 'application/pdf', filename: 'order.pdf', ...extra } },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: Doc }).data;
};
const put = (url: string, headers: Array<{ name: string; value: string }>, body: Uint8Array<ArrayBuffer>, more: Record<string, string> = {}) =>
  fetch(url, { method: 'PUT', headers: { ...Object.fromEntries(headers.map((h) => [h.name, h.value])), ...more }, body });
const finish = (id: number, uuid: string) => api(`${base}/documents/${id}.json`, token, { method: 'PATCH', body: { data: { uuid, fully_uploaded: true } } });

beforeAll(async () => {
  sb = await start();
  base = `${sb.origin}/api/v4`;
});
beforeEach(async () => {
  await admin(sb.origin, 'POST', 'reset');
  token = (await manageTokens(sb.origin)).access_token;
});
afterAll(() => sb.close());

describe('documents: the three-step upload', () => {
  it('creates, takes the bytes on the upload origin with every put_header, and completes', async () => {
    const doc = await create({ external_properties: [{ name: 'sha256', value: 'abc' }] });
    const v = doc.latest_document_version;
    expect(new URL(v.put_url).origin).toBe(sb.uploadOrigin);
    expect(sb.uploadOrigin).not.toBe(sb.origin);
    expect(v.put_headers.map((h) => h.name)).toContain('Content-Type');
    const bytes = new TextEncoder().encode('%PDF-1.4 the order');
    // A header left out, and a bearer token, are refused.
    expect((await put(v.put_url, v.put_headers.slice(1), bytes)).status).toBe(403);
    expect((await put(v.put_url, v.put_headers, bytes, { Authorization: `Bearer ${token}` })).status).toBe(400);
    expect((await finish(doc.id, v.uuid)).status).toBe(422); // nothing uploaded yet
    expect((await put(v.put_url, v.put_headers, bytes)).status).toBe(200);
    // Not listed until complete, unless asked for.
    const hidden = await api(`${base}/documents.json?matter_id=${MATTER}`, token);
    expect(((await hidden.json()) as { data: unknown[] }).data).toHaveLength(0);
    expect((await finish(doc.id, v.uuid)).status).toBe(200);
    expect((await finish(doc.id, v.uuid)).status).toBe(422); // already complete
    const found = await api(`${base}/documents.json?matter_id=${MATTER}&external_property_name=sha256&external_property_value=abc&fields=id`, token);
    expect(((await found.json()) as { data: Array<{ id: number }> }).data).toEqual([{ id: doc.id }]);
    const stored = (await admin(sb.origin, 'GET', `documents/${doc.id}/bytes`)) as { base64: string };
    expect(Buffer.from(stored.base64, 'base64').toString()).toBe('%PDF-1.4 the order');
  });

  it('an expired put_url is refused; reading the document again signs a fresh one', async () => {
    await admin(sb.origin, 'POST', 'faults', { expiredPutUrls: 1 });
    const doc = await create();
    const bytes = new Uint8Array([1, 2, 3]);
    const expired = await put(doc.latest_document_version.put_url, doc.latest_document_version.put_headers, bytes);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    const again = await api(`${base}/documents/${doc.id}.json?fields=${VERSION}`, token);
    const v = ((await again.json()) as { data: Doc }).data.latest_document_version;
    expect((await put(v.put_url, v.put_headers, bytes)).status).toBe(200);
    expect((await finish(doc.id, v.uuid)).status).toBe(200);
  });

  it('multipart: parts of at least 5 MB but the last, at most 50 a request, joined in order', async () => {
    const five = 5 * 1024 * 1024;
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ part_number: i + 1, content_length: '1' }));
    const refused = await api(`${base}/documents.json`, token, {
      method: 'POST',
      body: { data: { name: 'x', parent: { type: 'Matter', id: MATTER }, multiparts: tooMany } },
    });
    expect(refused.status).toBe(422);
    const doc = await create({
      multiparts: [
        { part_number: 1, content_length: String(five) },
        { part_number: 2, content_length: '3' },
      ],
    });
    const parts = doc.latest_document_version.multiparts;
    expect(parts.map((p) => p.part_number)).toEqual([1, 2]);
    const first = new Uint8Array(five).fill(7);
    expect((await put(parts[1]!.put_url, parts[1]!.put_headers, new Uint8Array([1, 2, 3]))).status).toBe(200);
    expect((await finish(doc.id, doc.latest_document_version.uuid)).status).toBe(422); // part 1 missing
    expect((await put(parts[0]!.put_url, parts[0]!.put_headers, first)).status).toBe(200);
    expect((await finish(doc.id, doc.latest_document_version.uuid)).status).toBe(200);
    const stored = (await admin(sb.origin, 'GET', `documents/${doc.id}/bytes`)) as { size: number };
    expect(stored.size).toBe(five + 3);
  });

  it('a dropped connection after the PUT still stored the bytes', async () => {
    const doc = await create();
    await admin(sb.origin, 'POST', 'faults', { dropAfter: 1, scope: 'upload' });
    await expect(put(doc.latest_document_version.put_url, doc.latest_document_version.put_headers, new Uint8Array([9]))).rejects.toThrow();
    expect((await finish(doc.id, doc.latest_document_version.uuid)).status).toBe(200);
  });
});

describe('communications and notes', () => {
  it('a communication with a contact sender and a linked time entry', async () => {
    const res = await api(`${base}/communications.json?fields=id,subject,senders{id,type,name},time_entries_count`, token, {
      method: 'POST',
      body: {
        data: {
          type: 'EmailCommunication',
          subject: 'Re: settlement',
          body: 'Agreed.',
          received_at: '2026-05-01T10:00:00Z',
          matter: { id: MATTER },
          senders: [{ id: 1001, type: 'User' }],
          external_properties: [{ name: 'entry', value: 'e1' }],
        },
      },
    });
    expect(res.status).toBe(201);
    const c = ((await res.json()) as { data: { id: number; senders: Array<{ type: string }> } }).data;
    expect(c.senders[0]!.type).toBe('User');
    const te = await api(`${base}/activities.json`, token, {
      method: 'POST',
      body: { data: { type: 'TimeEntry', date: '2026-05-01', quantity: 1080, matter: { id: MATTER }, communication: { id: c.id } } },
    });
    expect(te.status).toBe(201);
    const found = await api(`${base}/communications.json?external_property_name=entry&external_property_value=e1&fields=id,time_entries_count`, token);
    expect(((await found.json()) as { data: unknown[] }).data).toEqual([{ id: c.id, time_entries_count: 1 }]);
    const missing = await api(`${base}/communications.json`, token, { method: 'POST', body: { data: { type: 'EmailCommunication', subject: 's' } } });
    expect(missing.status).toBe(422);
  });

  it('a Matter note carries matter alone (the field descriptions, not the schema’s required list)', async () => {
    const ok = await api(`${base}/notes.json?fields=id,type,subject,detail,matter{id}`, token, {
      method: 'POST',
      body: { data: { type: 'Matter', matter: { id: MATTER }, subject: 'Call', detail: 'Spoke to the clerk', date: '2026-05-01' } },
    });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { data: unknown }).data).toMatchObject({ type: 'Matter', subject: 'Call', matter: { id: MATTER } });
    const noMatter = await api(`${base}/notes.json`, token, { method: 'POST', body: { data: { type: 'Matter', subject: 'x' } } });
    expect(noMatter.status).toBe(422);
  });
});
