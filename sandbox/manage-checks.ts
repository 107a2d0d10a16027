/** Checks every Manage write shares: Clio's 422 (RecordInvalid), required strings, references, external_properties. */
import { isRecord } from './http-utils';
import { ApiError } from './manage-errors';
import type { ManageCtx } from './manage-common';
import type { ExternalProperty } from './filing-model';

export const invalid = (message: string): ApiError => new ApiError(422, message, 'RecordInvalid');
const MAX_EXTERNAL_PROPERTIES = 5;

export function requiredString(data: Record<string, unknown>, key: string): string {
  const v = data[key];
  if (v === undefined || v === null) throw invalid(`${key} is required`);
  if (typeof v !== 'string') throw invalid(`${key} must be a string`);
  return v;
}

export function externalProperties(ctx: ManageCtx, raw: unknown, what = 'communication'): ExternalProperty[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid('external_properties must be an array');
  if (raw.length > MAX_EXTERNAL_PROPERTIES) throw invalid(`A ${what} may have at most ${MAX_EXTERNAL_PROPERTIES} external_properties`);
  return raw.map((p) => {
    if (!isRecord(p) || typeof p.name !== 'string' || (p.value !== undefined && typeof p.value !== 'string')) {
      throw invalid('each external_properties item must have a string name and value');
    }
    return {
      id: ctx.state.filing.nextId.externalProperty++,
      name: p.name,
      value: (p.value as string | undefined) ?? '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
  });
}

export function matterRef(ctx: ManageCtx, data: Record<string, unknown>, key = 'matter'): number | undefined {
  const m = data[key];
  if (m === undefined) return undefined;
  if (!isRecord(m) || typeof m.id !== 'number' || !Number.isInteger(m.id)) throw invalid(`${key} must be an object with a numeric id`);
  if (key === 'matter' && !ctx.db.matters.has(m.id)) throw invalid(`matter ${m.id} does not exist`);
  if (key === 'contact' && !ctx.db.contacts.has(m.id)) throw invalid(`contact ${m.id} does not exist`);
  return m.id;
}
