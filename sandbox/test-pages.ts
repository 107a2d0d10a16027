/**
 * Web pages for the capture tests and the demo: `GET /pages/<name>` serves `sandbox/pages/<name>.html`.
 * Pages whose name starts with `strict-` are served with a strict Content-Security-Policy, as
 * banks and courts do, to prove the capture dialog works there. `GET /pages/<name>.pdf` serves a PDF of
 * `sandbox/pages/` (a court order, for "Save to Clio").
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reply } from './http-utils';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'pages');
export const STRICT_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function testPage(path: string): Reply {
  const pdf = /^\/pages\/([a-z0-9-]+)\.pdf$/.exec(path);
  if (pdf) {
    try {
      return { status: 200, body: readFileSync(join(DIR, `${pdf[1]}.pdf`)), contentType: 'application/pdf' };
    } catch {
      return { status: 404, body: 'No such PDF', contentType: 'text/plain' };
    }
  }
  const name = path.replace(/^\/pages\//, '').replace(/\.html$/, '');
  const missing: Reply = { status: 404, body: 'No such page', contentType: 'text/plain' };
  if (!/^[a-z0-9-]+$/.test(name)) return missing;
  let html: string;
  try {
    html = readFileSync(join(DIR, `${name}.html`), 'utf8');
  } catch {
    return missing;
  }
  const headers: Record<string, string> = {};
  if (name.startsWith('strict-')) headers['Content-Security-Policy'] = STRICT_CSP;
  return { status: 200, body: html, contentType: 'text/html; charset=utf-8', headers };
}
