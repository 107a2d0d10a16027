/** Gzipped size of each surface's JavaScript (its entry script and every chunk it loads) and of the zip. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The chunks a built JS file imports statically (what loads before it runs), followed transitively. */
function withImports(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dir, file), 'utf8');
  for (const m of text.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{0,2}\/[^"']+\.js)["']/g)) {
    const target = new URL(m[1]!, `file:///${file}`).pathname.slice(1);
    withImports(dir, target, seen);
  }
  return seen;
}

/** Scripts an HTML entry loads. */
function htmlScripts(dir: string, html: string): Set<string> {
  const text = readFileSync(join(dir, html), 'utf8');
  const files = new Set<string>();
  for (const m of text.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)) {
    for (const f of withImports(dir, m[1]!)) files.add(f);
  }
  return files;
}

export interface SizeRow {
  /** The entry: an HTML page's name (`popup`), or a script's path without `.js` (`background`, `content-scripts/capture`). */
  name: string;
  /** Its JS and every chunk that JS imports statically, gzipped, in kB. */
  gzipKb: number;
}

export function entrySizes(dir: string): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const bytes = [...htmlScripts(dir, html)].reduce((sum, f) => sum + gz(join(dir, f)), 0);
    rows.push({ name: html.replace(/\.html$/, ''), gzipKb: bytes / 1000 });
  }
  for (const js of ['background.js', ...safeList(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`)].filter((f) => {
    try {
      return statSync(join(dir, f)).isFile();
    } catch {
      return false;
    }
  })) {
    const bytes = [...withImports(dir, js)].reduce((sum, f) => sum + gz(join(dir, f)), 0);
    rows.push({ name: js.replace(/\.js$/, ''), gzipKb: bytes / 1000 });
  }
  return rows;
}

export const fileKb = (file: string) => statSync(file).size / 1000;

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
