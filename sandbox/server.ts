/** The sandbox HTTP server: classifies each request, applies faults, dispatches, logs. */
import { testPage } from './test-pages';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleAdmin } from './admin';
import type { FaultApi } from './faults';
import { handleGrow, handleLegacyInbox } from './grow-api';
import { BodyError, CORS_HEADERS, growError, json, manageError, parseBody, readRaw, send, type Reply, type Req } from './http-utils';
import { handleManage } from './manage-api';
import { authorizeGet, authorizePost, deauthorize, revoke, token } from './oauth';
import { SandboxState, type LogEntry } from './state';

export interface SandboxOptions {
  port?: number; // 0 = any free port; default 4010
  host?: string; // default '127.0.0.1'
  matters?: number; // default 3000
  contacts?: number; // default 900
  rateLimit?: number; // Manage requests per 60 s per grant, default 50
  accessTokenTtl?: number; // seconds, default 2592000
  seed?: number; // PRNG seed, default 1
}
export interface Sandbox {
  origin: string;
  port: number;
  close(): Promise<void>;
}

type Api = NonNullable<LogEntry['api']> | 'admin';

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
    const action = state.faults.before(faultApi);
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
  if (faultApi && state.faults.dropAfter(faultApi)) {
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
  const server = createServer((req, res) => {
    handle(state, req, res).catch((e: unknown) => {
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
    server.listen(opts.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    origin: `http://${hostForUrl}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const s of sockets) s.destroy();
      }),
  };
}
