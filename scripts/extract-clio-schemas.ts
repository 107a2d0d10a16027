/**
 * Writes sandbox/clio-schemas.json: the component schemas (with their transitive $ref closure)
 * of the Clio Manage v4 response bodies the sandbox serves, trimmed of prose.
 * Run by hand when the spec changes:
 *   npx tsx scripts/extract-clio-schemas.ts [path/to/manage-v4.openapi.json]
 * (default: docs/clio/manage-v4.trimmed.openapi.json, written by scripts/trim-clio-spec.ts).
 * Nothing reads the spec at run time or test time; the sandbox tests read the JSON written here.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const specPath = process.argv[2] ?? 'docs/clio/manage-v4.trimmed.openapi.json';
const out = 'sandbox/clio-schemas.json';

/** Response bodies of the endpoints the sandbox serves. */
const roots = [
  'User_Show',
  'User_List',
  'Matter_Show',
  'Matter_List',
  'Contact_Show',
  'Contact_List',
  'Relationship_Show',
  'Relationship_List',
  'Activity_Show',
  'Activity_List',
  'ActivityDescription_List',
  'ExpenseCategory_List',
  'BillingSetting_Show',
  'Timer_Show',
  'Document_Show',
  'Document_List',
  'DocumentCategory_List',
  'Communication_Show',
  'Communication_List',
  'Note_Show',
  'Note_List',
  'Task_Show',
  'Task_List',
  'Calendar_List',
  'CalendarEntry_Show',
  'CalendarEntry_List',
  // billing (#16)
  ...['Bill_List', 'Bill_Show', 'OutstandingClientBalance_List', 'BankAccount_List', 'BankAccount_Show'],
  ...['ClioPaymentsLink_List', 'ClioPaymentsLink_Show', 'ClioPaymentsPayment_List', 'TrustRequest_Show'],
  'Error',
];

/** Keywords kept; everything else (description, example, x-*) is dropped. */
const keep = new Set([
  'type',
  'format',
  'enum',
  'items',
  'properties',
  'required',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'nullable',
  'additionalProperties',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
  info: { version: string };
  components: { schemas: Record<string, Json> };
};
const all = spec.components.schemas;

function trim(node: Json, refs: Set<string>, isPropertyMap = false): Json {
  if (Array.isArray(node)) return node.map((n) => trim(n, refs));
  if (node === null || typeof node !== 'object') return node;
  const result: { [k: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (!isPropertyMap && !keep.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') refs.add(value.replace('#/components/schemas/', ''));
    result[key] = trim(value, refs, !isPropertyMap && key === 'properties');
  }
  return result;
}

const picked: Record<string, Json> = {};
const queue = [...roots];
while (queue.length) {
  const name = queue.shift()!;
  if (name in picked) continue;
  const schema = all[name];
  if (schema === undefined) throw new Error(`spec has no schema ${name}`);
  const refs = new Set<string>();
  picked[name] = trim(schema, refs);
  queue.push(...refs);
}

const sorted = Object.fromEntries(
  Object.keys(picked)
    .sort()
    .map((k) => [k, picked[k]!]),
);
const doc = { source: `Clio Manage API v4 OpenAPI spec ${spec.info.version}`, roots, components: { schemas: sorted } };
writeFileSync(out, `${JSON.stringify(doc, null, 1)}\n`);
console.log(`wrote ${out}: ${Object.keys(sorted).length} schemas, ${JSON.stringify(doc).length} bytes`);
