/**
 * Writes docs/clio/manage-v4.trimmed.openapi.json: Clio's official Manage v4 OpenAPI spec cut down to
 * the endpoints the extension uses now or its open issues will use, with every component schema those
 * endpoints reference (followed through $refs transitively). Everything kept is copied verbatim.
 * Run by hand when Clio publishes a new spec:
 *   npx tsx scripts/trim-clio-spec.ts <path/to/manage-v4.openapi.json>
 * Then rerun scripts/generate-clio-types.ts and scripts/extract-clio-schemas.ts, which read the trimmed file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const specPath = process.argv[2];
if (!specPath) {
  console.error('usage: npx tsx scripts/trim-clio-spec.ts <path/to/manage-v4.openapi.json>');
  process.exit(2);
}
const out = 'docs/clio/manage-v4.trimmed.openapi.json';

/**
 * The resources kept: a path is kept when it is `/<resource>.json` or lies under `/<resource>/`.
 * (So `documents` keeps document versions, copy and download; `matters` keeps a matter's client and contacts.)
 */
const resources = [
  'activities',
  'activity_descriptions',
  'activity_rates',
  'timer',
  'matters',
  'contacts',
  'relationships',
  'users', // who_am_i, and users for assignees
  'practice_areas',
  'documents', // with /documents/{id}/versions…
  'document_categories',
  'communications',
  'notes',
  'tasks',
  'calendars',
  'calendar_entries',
  'expense_categories',
  'settings/billing',
  'bills',
  'outstanding_client_balances',
  'bank_accounts',
  'clio_payments/links',
  'clio_payments/payments',
  'trust_requests',
  'damages',
  'medical_records_details',
  'medical_records',
  'medical_bills',
];

/** Top-level keys kept besides `paths` and `components`: the document's version and description, and Clio's regional servers. */
const envelope = ['openapi', 'info', 'servers'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Spec {
  info: { version: string };
  paths: Record<string, Json>;
  components: { schemas: Record<string, Json> };
  [key: string]: unknown;
}
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Spec;

const keptPath = (path: string) => resources.some((r) => path === `/${r}.json` || path.startsWith(`/${r}/`));
const paths = Object.fromEntries(Object.entries(spec.paths).filter(([path]) => keptPath(path)));
for (const r of resources) {
  if (!Object.keys(paths).some((p) => p === `/${r}.json` || p.startsWith(`/${r}/`))) throw new Error(`spec has no path for ${r}`);
}

const prefix = '#/components/schemas/';
function collectRefs(node: Json, into: string[]): void {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, into);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith(prefix)) throw new Error(`unexpected $ref ${value}`);
        into.push(value.slice(prefix.length));
      } else collectRefs(value, into);
    }
  }
}

const wanted = new Set<string>();
const queue: string[] = [];
collectRefs(paths, queue);
while (queue.length) {
  const name = queue.shift()!;
  if (wanted.has(name)) continue;
  const schema = spec.components.schemas[name];
  if (schema === undefined) throw new Error(`spec has no schema ${name}`);
  wanted.add(name);
  collectRefs(schema, queue);
}
// In the spec's own order, so a diff against a newer trim shows only what changed.
const schemas = Object.fromEntries(Object.entries(spec.components.schemas).filter(([name]) => wanted.has(name)));

const trimmed: Record<string, unknown> = {};
for (const key of envelope) if (key in spec) trimmed[key] = spec[key];
trimmed.paths = paths;
trimmed.components = { schemas };

mkdirSync(dirname(out), { recursive: true });
const text = `${JSON.stringify(trimmed, null, 2)}\n`;
writeFileSync(out, text);
console.log(
  `wrote ${out}: ${Object.keys(paths).length} of ${Object.keys(spec.paths).length} paths, ` +
    `${Object.keys(schemas).length} of ${Object.keys(spec.components.schemas).length} schemas, ${(text.length / 1000).toFixed(0)} kB`,
);
