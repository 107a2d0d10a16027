/** The sandbox HTTP server: classifies each request, applies faults, dispatches, logs. */
import { rootPage } from './root-page';
import { testPage } from './test-pages';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleAdmin } from './admin';
import type { FaultApi } from './faults';
import { handleGrow, handleLegacyInbox } from './grow-api';
import { BodyError, CORS_HEADERS, growError, json, manageError, parseBody, readRaw, send, type Reply, type Req } from './http-utils';
import { handleManage } from './manage-api';
import { authorizeGet, authorizePost, deauthorize, revoke, token } from './oauth';
import { SandboxState, type LogEntry } from './state';
import { handleUpload, UPLOAD_CORS } from './uploads';

export interface SandboxOptions {
  port?: number; // 0 = any free port; default 4010
  host?: string; // default '127.0.0.1'
  matters?: number; // default 3000
  contacts?: number; // default 900
  rateLimit?: number; // Manage requests per 60 s per grant, default 50
  accessTokenTtl?: number; // seconds, default 2592000
  seed?: number; // PRNG seed, default 1
  /**
   * The upload host's address (the put_urls' origin), apart from the API's origin as real Clio's storage host
   * is: default 127.0.0.2 (another loopback address: Linux answers the whole 127/8), on the API's port (with
   * port 0, any free port).
   */
  uploadHost?: string;
}
export interface Sandbox {
  origin: string;
  port: number;
  /** Where document bytes go: the put_urls point here. */
  uploadOrigin: string;
  close(): Promise<void>;
}

type Api = Exclude<NonNullable<LogEntry['api']>, 'upload'> | 'admin';

function classify(method: string, path: string): Api | undefined {
  if (path.startsWith('/__admin/')) return 'admin';
  if (/^\/(grow\/)?oauth\//.test(path)) return 'oauth';
  if (path.startsWith('/api/v4/')) return 'manage';
  if (path.startsWith('/grow/')) return 'grow';
  if (/^\/inbox_leads(\.json)?\/?$/.test(path) && method === 'POST') return 'legacy';
  return undefined;
}

function oauthRoute(req: Req, state: SandboxState): Reply {
  const family = req.path.startsWith('/grow/') ? 'grow' : 'manage';
  const endpoint = req.path.replace(/^\/(grow\/)?oauth\//, '').replace(/\/$/, '');
  const key = `${req.method} ${endpoint}`;
  if (key === 'GET authorize') return authorizeGet(req, family, state);
  if (key === 'POST authorize') return authorizePost(req, family, state);
  if (key === 'POST token') return token(req, family, state);
  if (key === 'POST deauthorize' && family === 'manage') return deauthorize(req, state);
  if (key === 'POST revoke' && family === 'grow') return revoke(req, state);
  return json(404, { error: 'not_found', error_description: `No OAuth endpoint ${req.method} ${req.path}` });
}

function dispatch(api: Api, req: Req, state: SandboxState): Reply {
  switch (api) {
    case 'admin':
      return handleAdmin(req, state);
    case 'oauth':
      return oauthRoute(req, state);
    case 'manage':
      return handleManage(req, state);
    case 'grow':
      return handleGrow(req, state);
    case 'legacy':
      return handleLegacyInbox(req, state);
  }
}

/** The reply a 5xx or 429-storm fault gives, in each API's own shape. */
function faultReply(api: FaultApi, kind: 'fail5xx' | 'storm429', retryAfter: number, state: SandboxState): Reply {
  if (kind === 'fail5xx') {
    return api === 'manage' ? manageError(503, 'Service temporarily unavailable') : growError(503, 'Service temporarily unavailable');
  }
  const headers: Record<string, string> = { 'Retry-After': String(retryAfter) };
  if (api === 'manage') {
    Object.assign(headers, {
      'X-RateLimit-Limit': String(state.config.rateLimit),
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + retryAfter),
    });
    return manageError(429, `Rate limit exceeded. Retry in ${retryAfter} seconds.`, 'RateLimited', headers);
  }
  return { status: 429, body: { message: 'Too Many Requests' }, headers };
}

const SECRET_KEYS = new Set(['inbox_lead_token', 'client_secret', 'refresh_token', 'code', 'code_verifier', 'token', 'password']);

function loggableBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !SECRET_KEYS.has(k)));
}

/** The upload host: PUTs to signed put_urls, with the upload faults (drops, 5xx), logged without the bytes. */
async function handleUploadRequest(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', state.uploads.origin);
  if (method === 'OPTIONS') {
    res.writeHead(204, UPLOAD_CORS);
    res.end();
    return;
  }
  const entry: LogEntry = { at: new Date().toISOString(), method, path: url.pathname, query: {}, status: 0, api: 'upload' };
  const action = state.faults.before('upload', { method, path: url.pathname });
  if (action.kind === 'drop') {
    entry.dropped = 'before';
    state.log.push(entry);
    req.socket.destroy();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  entry.bytes = body.length;
  const reply: Reply =
    action.kind === 'fail5xx'
      ? { status: 503, body: '<Error><Code>SlowDown</Code></Error>', contentType: 'application/xml' }
      : handleUpload({ method, url, headers: req.headers, body }, state.filing, state.uploads, Date.now());
  entry.status = reply.status;
  if (state.faults.dropAfter('upload', { method, path: url.pathname })) {
    entry.dropped = 'after';
    state.log.push(entry);
    req.socket.destroy();
    return;
  }
  state.log.push(entry);
  res.writeHead(reply.status, { ...UPLOAD_CORS, ...reply.headers, ...(reply.contentType ? { 'Content-Type': reply.contentType } : {}) });
  res.end(typeof reply.body === 'string' ? reply.body : undefined);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  const url = new URL(req.url ?? '/', origin);
  const path = url.pathname;
  if (method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS);
    res.end();
    return;
  }
  if (method === 'GET' && path === '/') {
    send(res, rootPage(state.db.users));
    return;
  }
  if (method === 'GET' && path.startsWith('/pages/')) {
    send(res, testPage(path));
    return;
  }
  const api = classify(method, path);
  if (!api) {
    send(res, json(404, { error: `Nothing at ${method} ${path}` }));
    return;
  }
  const entry: LogEntry = { at: new Date().toISOString(), method, path, query: Object.fromEntries(url.searchParams), status: 0 };
  if (api !== 'admin') entry.api = api;
  const log = (): void => {
    if (api !== 'admin') state.log.push(entry);
  };

  if (api !== 'admin' && state.faults.state.latencyMs > 0) await sleep(state.faults.state.latencyMs);
  const faultApi = api === 'manage' || api === 'grow' || api === 'legacy' ? api : undefined;
  if (faultApi) {
    const action = state.faults.before(faultApi, { method, path });
    if (action.kind === 'drop') {
      entry.dropped = 'before';
      log();
      req.socket.destroy();
      return;
    }
    if (action.kind !== 'none') {
      const reply = faultReply(faultApi, action.kind, action.kind === 'storm429' ? action.retryAfter : 0, state);
      entry.status = reply.status;
      log();
      send(res, reply);
      return;
    }
  }

  const rawBody = await readRaw(req);
  let reply: Reply;
  let body: unknown;
  try {
    body = parseBody(rawBody, req.headers['content-type']);
    reply = dispatch(api, { method, path, url, query: url.searchParams, headers: req.headers, body, rawBody, origin }, state);
  } catch (e) {
    if (!(e instanceof BodyError)) throw e;
    reply = api === 'manage' ? manageError(400, e.message) : json(400, { error: 'invalid_request', error_description: e.message });
  }
  if (api === 'oauth' && path.endsWith('/token') && typeof body === 'object' && body !== null) {
    const grantType = (body as Record<string, unknown>).grant_type;
    if (typeof grantType === 'string') entry.grantType = grantType;
  }
  if (faultApi && (method === 'POST' || method === 'PATCH' || method === 'PUT') && body !== undefined) entry.body = loggableBody(body);
  entry.status = reply.status;
  if (faultApi && state.faults.dropAfter(faultApi, { method, path })) {
    entry.dropped = 'after';
    log();
    req.socket.destroy();
    return;
  }
  log();
  send(res, reply);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  const state = new SandboxState({
    seed: opts.seed ?? 1,
    matters: opts.matters ?? 3000,
    ...(opts.contacts !== undefined ? { contacts: opts.contacts } : {}),
    config: {
      rateLimit: opts.rateLimit ?? 50,
      accessTokenTtl: opts.accessTokenTtl ?? 2_592_000,
      growAccessTokenTtl: 86_400,
      growRateLimit: 3,
      lockDate: '',
    },
  });
  const sockets = new Set<Socket>();
  const listen = async (serve: typeof handle, port: number, address: string): Promise<Server> => {
    const server = createServer((req, res) => {
      // No connection is used twice. A browser resends a request by itself when a REUSED HTTP/1.1 connection closes
      // before any answer (Chromium does, POSTs too), so a dropped connection (faults.ts) would meet the browser's own
      // resend instead of the extension's next attempt, and what a test's drops hit would depend on how many idle
      // connections the browser held. (Over HTTP/2 a browser resends only what the server refused unprocessed.)
      res.setHeader('Connection', 'close');
      serve(state, req, res).catch((e: unknown) => {
        console.error('[sandbox] internal error', e);
        if (!res.headersSent) send(res, json(500, { error: { type: 'InternalError', message: String(e) } }));
        else res.destroy();
      });
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, address, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server;
  };
  const urlOf = (address: string, server: Server) => `http://${address.includes(':') ? `[${address}]` : address}:${(server.address() as AddressInfo).port}`;
  const api = await listen(handle, opts.port ?? 4010, host);
  const port = (api.address() as AddressInfo).port;
  const uploadHost = opts.uploadHost ?? '127.0.0.2';
  const uploads = await listen(handleUploadRequest, opts.port === 0 ? 0 : port, uploadHost);
  state.uploads.origin = urlOf(uploadHost, uploads);
  const closeServer = (server: Server) => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return {
    origin: urlOf(host, api),
    port,
    uploadOrigin: state.uploads.origin,
    close: async () => {
      const closing = [closeServer(api), closeServer(uploads)];
      for (const s of sockets) s.destroy();
      await Promise.all(closing);
    },
  };
}
