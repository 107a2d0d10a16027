import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBody, fetchJson } from '@/lib/clio/fetch-json';

describe('answerBody', () => {
  it('parses JSON when the content type says JSON (with parameters, or a +json type) or says nothing', () => {
    expect(answerBody('{"data":{"id":1}}', 'application/json; charset=utf-8')).toEqual({ data: { id: 1 } });
    expect(answerBody('{"a":1}', 'application/vnd.api+json')).toEqual({ a: 1 });
    expect(answerBody('[1,2]', null)).toEqual([1, 2]);
  });
  it('keeps other answers as text: an HTML error page, JSON that does not parse', () => {
    expect(answerBody('<h1>Bad gateway</h1>', 'text/html')).toBe('<h1>Bad gateway</h1>');
    expect(answerBody('{"a":1}', 'text/plain')).toBe('{"a":1}');
    expect(answerBody('{"a":', 'application/json')).toBe('{"a":');
  });
  it('answers nothing for an empty body', () => {
    expect(answerBody('', 'application/json')).toBeUndefined();
  });
  it('drops __proto__, and a constructor carrying a prototype, at any depth', () => {
    const body = answerBody('{"a":{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"ok":2}}', 'application/json') as {
      a: Record<string, unknown>;
    };
    expect(Object.keys(body.a)).toEqual(['ok']);
    expect(Object.assign({}, body.a)).not.toHaveProperty('polluted');
  });
});

describe('fetchJson against a server', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => {
        if (req.url === '/slow') return setTimeout(() => res.end('{}'), 500);
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', etag: '"v1"' });
        res.end(JSON.stringify({ method: req.method, type: req.headers['content-type'] ?? null, accept: req.headers.accept ?? null, text }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends an object as JSON and reads the answer, its status and headers', async () => {
    const res = await fetchJson(`${base}/x`, { method: 'POST', headers: { Accept: 'application/json' }, body: { data: { a: 1 } }, timeoutMs: 2000 });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toEqual({ method: 'POST', type: 'application/json', accept: 'application/json', text: '{"data":{"a":1}}' });
  });
  it('sends URLSearchParams as a form', async () => {
    const res = await fetchJson(`${base}/x`, { method: 'POST', headers: {}, body: new URLSearchParams({ grant_type: 'refresh_token' }), timeoutMs: 2000 });
    expect(res.body).toMatchObject({ type: 'application/x-www-form-urlencoded;charset=UTF-8', text: 'grant_type=refresh_token' });
  });
  it('answers an error status instead of throwing, and sends no body when there is none', async () => {
    const res = await fetchJson(`${base}/missing`, { method: 'GET', headers: {}, timeoutMs: 2000 });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ method: 'GET', type: null, text: '' });
  });
  it('throws when the answer takes longer than the timeout', async () => {
    await expect(fetchJson(`${base}/slow`, { method: 'GET', headers: {}, timeoutMs: 50 })).rejects.toThrow();
  });
});
