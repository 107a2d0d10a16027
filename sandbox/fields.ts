/**
 * The `fields` query parameter: `id,display_number,client{id,name},practice_area`.
 * One nesting level; unknown names and deeper nesting are ArgumentErrors (400).
 */
import { KINDS, type KindName, type RenderCtx } from './resources';

export interface Selection {
  fields: string[];
  nested: Map<string, string[] | null>;
}

export class FieldsError extends Error {}

/** Split on commas that are not inside braces. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth < 0) throw new FieldsError(`Unbalanced braces in fields: ${text}`);
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new FieldsError(`Unbalanced braces in fields: ${text}`);
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseFields(raw: string | null | undefined, kindName: KindName): Selection {
  const kind = KINDS[kindName];
  const sel: Selection = { fields: [], nested: new Map() };
  const parts = raw ? splitTop(raw) : [];
  if (parts.length === 0) return { fields: [...kind.defaults], nested: new Map() };
  for (const part of parts) {
    const m = /^([a-z_][a-z0-9_]*)(?:\{(.*)\})?$/s.exec(part);
    if (!m) throw new FieldsError(`Invalid field: ${part}`);
    const name = m[1]!;
    const inner = m[2];
    const assoc = kind.associations[name];
    if (assoc) {
      if (inner === undefined) {
        sel.nested.set(name, null);
        continue;
      }
      if (inner.includes('{')) throw new FieldsError(`Nested fields may only be one level deep: ${part}`);
      const nestedKind = KINDS[assoc.kind];
      const innerFields = splitTop(inner);
      for (const f of innerFields) {
        if (!(f in nestedKind.fields)) throw new FieldsError(`Invalid field: ${name}{${f}}`);
      }
      sel.nested.set(name, innerFields.length ? innerFields : null);
    } else if (name in kind.fields) {
      if (inner !== undefined) throw new FieldsError(`Invalid field: ${part} (${name} has no nested fields)`);
      if (!sel.fields.includes(name)) sel.fields.push(name);
    } else {
      throw new FieldsError(`Invalid field: ${name}`);
    }
  }
  return sel;
}

function pick(kindName: KindName, record: unknown, names: string[], ctx: RenderCtx): Record<string, unknown> {
  const kind = KINDS[kindName];
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = kind.fields[n]!(record, ctx);
  return out;
}

/** Render a record with a selection. */
export function project(kindName: KindName, record: unknown, sel: Selection, ctx: RenderCtx): Record<string, unknown> {
  const kind = KINDS[kindName];
  const out = pick(kindName, record, sel.fields, ctx);
  for (const [name, inner] of sel.nested) {
    const assoc = kind.associations[name]!;
    const nestedKind = KINDS[assoc.kind];
    const names = inner ?? nestedKind.defaults;
    const value = assoc.get(record, ctx);
    out[name] =
      value === null || value === undefined
        ? null
        : Array.isArray(value)
          ? value.map((v) => pick(assoc.kind, v, names, ctx))
          : pick(assoc.kind, value, names, ctx);
  }
  return out;
}
