/**
 * One fetch whose answer is JSON: the body sent as JSON (a form when it is URLSearchParams), never
 * retried, every status answered (the caller reads it), the answer parsed as JSON when it says so or
 * says nothing (kept as text when it is not JSON), with `__proto__` and a `constructor` carrying a
 * `prototype` dropped. What ofetch did for limitedFetch and the token endpoint, without its 3.5 kB
 * gzip (with ufo and destr) in the worker. A connection that fails, or a timeout, throws.
 */
export interface JsonRequest {
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  cache?: RequestCache;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function fetchJson(url: string, req: JsonRequest): Promise<JsonAnswer> {
  const headers = new Headers(req.headers);
  let body: BodyInit | undefined;
  if (req.body instanceof URLSearchParams) body = req.body;
  else if (req.body !== undefined) {
    body = JSON.stringify(req.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const res = await fetch(url, {
    method: req.method,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(req.cache ? { cache: req.cache } : {}),
    signal: AbortSignal.timeout(req.timeoutMs),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: answerBody(text, res.headers.get('content-type')) };
}

/** The answer's text as data: JSON when the content type is JSON or missing and the text parses, else the text; none when empty. */
export function answerBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType && !/^application\/(?:[\w!#$%&*.^`~-]*\+)?json(?:;.*)?$/i.test(contentType)) return text;
  try {
    return JSON.parse(text, withoutPrototypeKeys);
  } catch {
    return text;
  }
}

function withoutPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && value && typeof value === 'object' && 'prototype' in value)) return undefined;
  return value;
}
