/**
 * Matter search at firm scale: builds the index over 10,000 synthetic matters (the sandbox's
 * seeded firm, mapped through the real Clio JSON → IndexedMatter mapping), then times ~2,000
 * searches typed keystroke by keystroke (prefixes, multi-word, numbers, one-edit typos).
 * `npx tsx scripts/bench/matter-search.ts [--matters 10000] [--queries 2000]`
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { fromClio, type ClioMatterJson, type IndexedMatter } from '../../lib/matters/matter';
import { createMatterIndex } from '../../lib/matters/search';
import { seedDb } from '../../sandbox/seed';
import { createRng } from '../../sandbox/prng';

export interface MatterSearchFigures {
  buildMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  storedKb: number;
  matters: number;
  searches: number;
}

export function syntheticMatters(count: number, seed = 7): IndexedMatter[] {
  const db = seedDb({ seed, matters: count, contacts: Math.max(900, Math.round(count * 0.6)) });
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: IndexedMatter[] = [];
  for (const m of db.matters.values()) {
    const client = db.contacts.get(m.clientId);
    const attorney = db.users.find((u) => u.id === m.responsibleAttorneyId);
    const area = db.practiceAreas.get(m.practiceAreaId);
    const json: ClioMatterJson = {
      id: m.id,
      etag: `"${m.id}"`,
      number: m.number,
      display_number: m.displayNumber,
      description: m.description,
      status: m.status,
      open_date: m.openDate,
      last_activity_date: m.lastActivityDate,
      updated_at: iso(m.updatedAt),
      client: client ? { id: client.id, name: client.name } : null,
      responsible_attorney: attorney ? { id: attorney.id, name: `${attorney.firstName} ${attorney.lastName}` } : null,
      practice_area: area ? { id: area.id, name: area.name } : null,
    };
    out.push(fromClio(json));
  }
  return out;
}

/** What a user types, keystroke by keystroke, looking for some matter. */
export function keystrokeQueries(matters: IndexedMatter[], n: number, seed = 11): string[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const typo = (w: string): string => {
    if (w.length < 5) return w;
    const i = 1 + Math.floor(rng.next() * (w.length - 2));
    switch (Math.floor(rng.next() * 4)) {
      case 0:
        return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // transposition
      case 1:
        return w.slice(0, i) + w.slice(i + 1); // deletion
      case 2:
        return `${w.slice(0, i)}e${w.slice(i + 1)}`; // substitution
      default:
        return w.slice(0, i) + w[i] + w.slice(i); // doubled letter
    }
  };
  const out: string[] = [];
  while (out.length < n) {
    const m = pick(matters);
    const client = m.clientName.split(' ');
    const descWords = m.description.split(/\s+/).filter((w) => w.length > 3);
    const targets = [
      client[client.length - 1] ?? '',
      m.clientName,
      m.displayNumber,
      String(m.number ?? ''),
      `${client[client.length - 1] ?? ''} ${descWords[descWords.length - 1] ?? ''}`,
      descWords[0] ?? '',
      m.clientName.toLowerCase(),
    ];
    let target = pick(targets).trim();
    if (!target) continue;
    if (rng.next() < 0.25) target = target.split(' ').map(typo).join(' ');
    for (let i = 1; i <= target.length && out.length < n; i++) out.push(target.slice(0, i));
  }
  return out;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function benchMatterSearch(opts: { matters?: number; queries?: number } = {}): Promise<MatterSearchFigures> {
  const matters = syntheticMatters(opts.matters ?? 10_000);
  const queries = keystrokeQueries(matters, opts.queries ?? 2_000);

  // Warm the JIT on a throwaway index with other queries first, as in a side panel that has
  // been used for a while (the very first keystrokes after start-up can take a few ms more).
  const warm = createMatterIndex(matters);
  for (const q of keystrokeQueries(matters, 1_000, 99)) warm.search(q);

  const builds: number[] = [];
  let index = createMatterIndex([]);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    index = createMatterIndex(matters);
    index.search('a'); // includes sorting the token array
    builds.push(performance.now() - t0);
  }
  builds.sort((a, b) => a - b);

  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    index.search(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const storedKb = Buffer.byteLength(JSON.stringify(matters)) / 1024;
  return {
    buildMs: quantile(builds, 0.5),
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times[times.length - 1]!,
    storedKb,
    matters: index.size,
    searches: queries.length,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { matters: { type: 'string', default: '10000' }, queries: { type: 'string', default: '2000' } } });
  const f = await benchMatterSearch({ matters: Number(values.matters), queries: Number(values.queries) });
  console.log(`matters:        ${f.matters.toLocaleString('en')}`);
  console.log(`index build:    ${f.buildMs.toFixed(1)} ms (median of 5)`);
  console.log(`search (${f.searches} keystrokes): p50 ${f.p50Ms.toFixed(3)} ms, p95 ${f.p95Ms.toFixed(3)} ms, max ${f.maxMs.toFixed(3)} ms`);
  console.log(`stored JSON:    ${f.storedKb.toFixed(0)} kB`);
}
