import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIO_PERMISSIONS } from '@/lib/setup/clio-permissions';

/** Every .ts file under `dir`, the generated types left out (they name every path of the spec). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.includes('generated') ? [p] : [];
  });
}

const spec = JSON.parse(readFileSync('docs/clio/manage-v4.trimmed.openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, { tags?: string[] }>>;
};
/** The spec's paths as patterns: `{id}` and the code's `${…}` both stand for one segment. */
const specPaths = Object.entries(spec.paths).map(([path, ops]) => ({
  pattern: new RegExp(`^${path.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  tag: Object.values(ops).find((o) => o.tags?.length)?.tags?.[0] ?? '',
}));
const tagOf = (path: string) => specPaths.find((p) => p.pattern.test(path.replace(/\$\{[^}]+\}/g, 'x')))?.tag;

/** What lib/ calls of Clio's Manage API: each spec tag, and whether anything is written there. */
function calledTags(): Map<string, boolean> {
  const called = new Map<string, boolean>();
  for (const file of sources('lib')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['`](\/[a-z_]+(?:\/[^'`\s?]*)?\.json)['`?]/g)) {
      const tag = tagOf(m[1]!);
      if (tag && !called.has(tag)) called.set(tag, false);
    }
    for (const m of text.matchAll(/\.(post|patch|delete|put)(?:<[^>]*>)?\(\s*['`](\/[^'`?]+\.json)/g)) {
      const tag = tagOf(m[2]!);
      if (tag) called.set(tag, true);
    }
  }
  return called;
}

describe('the permissions the setup page lists', () => {
  const called = calledTags();

  it('cover every Clio resource the extension calls, and nothing it does not', () => {
    expect(called.size).toBeGreaterThan(10);
    const covered = CLIO_PERMISSIONS.flatMap((p) => p.covers);
    expect([...covered].sort()).toEqual([...called.keys()].sort());
    expect(new Set(covered).size).toBe(covered.length);
  });

  it('ask to write exactly where the extension writes', () => {
    for (const p of CLIO_PERMISSIONS) expect({ name: p.name, write: p.covers.some((tag) => called.get(tag)) }).toEqual({ name: p.name, write: p.write });
  });
});
