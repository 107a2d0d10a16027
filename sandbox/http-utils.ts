/** Replies as values, CORS, body reading and the error envelopes of each API. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (object/array), text/HTML when `contentType` says so, or bytes (a Buffer, sent as they are). */
  body?: unknown;
  contentType?: string;
}

export interface Req {
  method: string;
  path: string;
  url: URL;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed body: JSON value, form fields as an object, or undefined when empty. */
  body: unknown;
  rawBody: string;
  /** Origin to build absolute URLs with, from the Host header. */
  origin: string;
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-API-VERSION, If-Match, If-None-Match',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, Location',
  'Access-Control-Max-Age': '600',
};

export class BodyError extends Error {}

export async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON or form-encoded, by Content-Type (JSON also sniffed when the type is missing). */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === '') return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (type.includes('json') || /^\s*[[{]/.test(raw)) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new BodyError('Request body is not valid JSON');
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...CORS_HEADERS, ...reply.headers };
  let payload: string | Buffer | undefined;
  if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
    if (Buffer.isBuffer(reply.body) && reply.contentType) {
      payload = reply.body;
      headers['Content-Type'] = reply.contentType;
    } else if (typeof reply.body === 'string' && reply.contentType) {
      payload = reply.body;
      headers['Content-Type'] = reply.contentType;
    } else {
      payload = JSON.stringify(reply.body);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });

/** Manage error envelope: {"error":{"type","message"}}. */
export function manageError(status: number, message: string, type = defaultType(status), headers?: Record<string, string>): Reply {
  return { status, body: { error: { type, message } }, headers };
}

function defaultType(status: number): string {
  switch (status) {
    case 400:
      return 'ArgumentError';
    case 403:
      return 'ForbiddenError';
    case 404:
      return 'RecordNotFound';
    case 410:
      return 'Gone';
    case 412:
      return 'PreconditionFailed';
    case 422:
      return 'RecordInvalid';
    case 429:
      return 'RateLimited';
    case 503:
      return 'ServiceUnavailable';
    default:
      return 'Error';
  }
}

/** Grow error envelope: {"error":{"status","message"}}. */
export function growError(status: number, message: string, headers?: Record<string, string>): Reply {
  return { status, body: { error: { status: String(status), message } }, headers };
}

/** OAuth error body: {"error","error_description"}. */
export function oauthError(status: number, error: string, description: string): Reply {
  return { status, body: { error, error_description: description } };
}

export function html(status: number, title: string, bodyHtml: string): Reply {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1b2733}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}label{display:block;margin:1rem 0 .25rem;font-weight:600}select{font:inherit;padding:.3rem;width:100%}
.buttons{display:flex;gap:.75rem;margin-top:1.5rem}button{font:inherit;padding:.5rem 1.25rem;border-radius:4px;border:1px solid #0070e0;cursor:pointer}
button[value=approve]{background:#0070e0;color:#fff}button[value=decline]{background:#fff;color:#0070e0}.muted{color:#5b6b7b}</style>
</head><body>${bodyHtml}</body></html>`;
  return { status, body: page, contentType: 'text/html; charset=utf-8' };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function bearer(headers: IncomingMessage['headers']): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return m ? m[1]! : null;
}
