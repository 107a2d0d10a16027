/**
 * A matter as the matter store keeps it: its id, and its other fields as one array in a fixed order, so the
 * record holds no field names (a third of an object's bytes in Chromium's IndexedDB). Pure.
 */
import type { IndexedMatter } from './matter';

/** The fields after the id, in the order a record holds them. Append new fields; never reorder (that is a format change). */
export const RECORD_FIELDS = [
  'displayNumber',
  'number',
  'description',
  'status',
  'clientId',
  'clientName',
  'responsibleAttorneyId',
  'responsibleAttorneyName',
  'practiceArea',
  'openDate',
  'lastActivityDate',
  'updatedAt',
  'clientReference',
  'clientEmails',
  'clientPhones',
  'currency',
] as const satisfies ReadonlyArray<Exclude<keyof IndexedMatter, 'id'>>;

type Unrecorded = Exclude<keyof IndexedMatter, 'id' | (typeof RECORD_FIELDS)[number]>;
/** Fails the typecheck when IndexedMatter gains a field RECORD_FIELDS lacks. */
const everyField: [Unrecorded] extends [never] ? true : false = true;
void everyField;

export interface MatterRecord {
  id: number;
  v: unknown[];
}

export function toRecord(m: IndexedMatter): MatterRecord {
  return { id: m.id, v: RECORD_FIELDS.map((f) => m[f]) };
}

export function fromRecord(r: MatterRecord): IndexedMatter {
  const m: Record<string, unknown> = { id: r.id };
  RECORD_FIELDS.forEach((f, i) => {
    m[f] = r.v[i];
  });
  return m as unknown as IndexedMatter;
}
