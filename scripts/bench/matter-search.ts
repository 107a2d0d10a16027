/**
 * Matter search at firm scale, in Node: the sandbox's seeded firm (10,000 or 100,000 matters, mapped
 * through the real Clio JSON → IndexedMatter mapping), indexed from scratch, packed as the store keeps
 * it, opened from the packed form as the side panel and a woken background open it, then ~2,000
 * searches typed keystroke by keystroke (prefixes, multi-word, numbers, one-edit typos) on the opened
 * index. `npx tsx scripts/bench/matter-search.ts [--matters 10000] [--queries 2000]`
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { lookupKeysOf } from '../../lib/matters/lookup-keys';
import { toRecord } from '../../lib/matters/matter-record';
import { fromClio, type ClioMatterJson, type IndexedMatter } from '../../lib/matters/matter';
import { createMatterIndex, openPackedIndex } from '../../lib/matters/search';
import type { PackedIndex } from '../../lib/matters/search-packed';
import { seedDb } from '../../sandbox/seed';
import { createRng } from '../../sandbox/prng';

export interface MatterSearchFigures {
  matters: number;
  /** Indexing every matter from scratch (what opening took before the packed index), median. */
  buildMs: number;
  /** Packing a built index (the background, after a sync that changed enough), median. */
  packMs: number;
  /** Opening the packed index (split tokens, copy columns), median. */
  openMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  searches: number;
  /** The matters as stored (serialised records, and 8 bytes a lookup key in the key buckets), kB; without IndexedDB's own overhead. */
  storedKb: number;
  /** The packed index's strings and arrays, gzipped as stored, kB. */
  packedKb: number;
}

/** The sandbox's seeded firm at this size (contacts 0.6 a matter), as the sync maps it. */
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
      client_reference: m.clientReference,
      open_date: m.openDate,
      last_activity_date: m.lastActivityDate,
      updated_at: iso(m.updatedAt),
      client: client
        ? {
            id: client.id,
            name: client.name,
            primary_email_address: client.emails.find((e) => e.primary)?.address ?? null,
            secondary_email_address: client.emails.find((e) => !e.primary)?.address ?? null,
            primary_phone_number: client.phones.find((p) => p.primary)?.number ?? null,
            secondary_phone_number: client.phones.find((p) => !p.primary)?.number ?? null,
          }
        : null,
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
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

/** The bytes a packed index holds, gzipped (as its Blob is stored). */
export function packedBytes(p: PackedIndex): number {
  const arrays = [p.postingStarts, p.postings, p.ids, p.statusRank, p.recency, p.attorney, p.rowStarts, p.rows, p.exactStarts];
  return gzipSync(Buffer.concat([Buffer.from(p.tokens), Buffer.from(p.exactKeys), ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]))
    .length;
}

export async function benchMatterSearch(opts: { matters?: number; queries?: number } = {}): Promise<MatterSearchFigures> {
  const matters = syntheticMatters(opts.matters ?? 10_000);
  const queries = keystrokeQueries(matters, opts.queries ?? 2_000);
  const runs = matters.length > 20_000 ? 3 : 5;

  const builds: number[] = [];
  const packs: number[] = [];
  let packed: PackedIndex | undefined;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    const built = createMatterIndex(matters);
    built.search('a'); // includes sorting the token array
    builds.push(performance.now() - t0);
    t0 = performance.now();
    packed = built.pack();
    packs.push(performance.now() - t0);
  }
  const opens: number[] = [];
  let index = openPackedIndex(packed!);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    index = openPackedIndex(packed!);
    opens.push(performance.now() - t0);
  }

  // Warm the JIT with other queries first, as in a side panel that has been used for a while.
  for (const q of keystrokeQueries(matters, 1_000, 99)) index.search(q);
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    index.search(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const storedKb = matters.reduce((n, m) => n + serialize(toRecord(m)).length + 8 * lookupKeysOf(m).length, 0) / 1024;
  return {
    matters: index.size,
    buildMs: median(builds),
    packMs: median(packs),
    openMs: median(opens),
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times[times.length - 1]!,
    searches: queries.length,
    storedKb,
    packedKb: packedBytes(packed!) / 1024,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { matters: { type: 'string', default: '10000' }, queries: { type: 'string', default: '2000' } } });
  const f = await benchMatterSearch({ matters: Number(values.matters), queries: Number(values.queries) });
  console.log(`matters:        ${f.matters.toLocaleString('en')}`);
  console.log(`index build:    ${f.buildMs.toFixed(1)} ms (from scratch, median)`);
  console.log(`pack:           ${f.packMs.toFixed(1)} ms; packed ${f.packedKb.toFixed(0)} kB`);
  console.log(`open packed:    ${f.openMs.toFixed(1)} ms (median of 5)`);
  console.log(`search (${f.searches} keystrokes): p50 ${f.p50Ms.toFixed(3)} ms, p95 ${f.p95Ms.toFixed(3)} ms, max ${f.maxMs.toFixed(3)} ms`);
  console.log(`stored JSON:    ${f.storedKb.toFixed(0)} kB`);
}
