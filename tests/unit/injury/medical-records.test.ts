import { describe, expect, it } from 'vitest';
import {
  EMPTY_MEDICAL,
  heldAlready,
  knownProviders,
  MEDICAL_FULL_EVERY_MS,
  type MedicalDetailJson,
  mergeMedical,
  nextSince,
  rowsOfMatter,
} from '@/lib/injury/medical-records';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const detail = (id: number, matterId: number | null, updated: string, provider = { id: 7, name: 'Riverside Clinic' }): MedicalDetailJson => ({
  id,
  etag: `"e${id}"`,
  bills_status: 'received',
  records_status: 'requested',
  in_treatment: true,
  updated_at: updated,
  matter: matterId === null ? null : { id: matterId },
  medical_provider: provider,
  medical_bills: [{ id: id * 10, name: 'ER visit', amount: 4250, adjustment: null }],
});

describe('the local copy of medical records details', () => {
  it('a first pass is full; later ones ask updated_since the high-water mark less a second; a day later, full again', () => {
    expect(nextSince(EMPTY_MEDICAL, NOW)).toBeNull();
    const copy = mergeMedical(EMPTY_MEDICAL, [detail(1, 5, '2026-12-01T09:00:00Z'), detail(2, 6, '2026-12-01T11:00:00Z')], true, NOW);
    expect(copy.highWater).toBe('2026-12-01T11:00:00Z');
    expect(nextSince(copy, NOW + 60_000)).toBe('2026-12-01T10:59:59.000Z');
    expect(nextSince(copy, NOW + MEDICAL_FULL_EVERY_MS)).toBeNull();
  });

  it('an incremental pass replaces what it fetched and keeps the rest; one that lost its matter goes', () => {
    const held = mergeMedical(
      EMPTY_MEDICAL,
      [detail(1, 5, '2026-12-01T09:00:00Z'), detail(2, 6, '2026-12-01T11:00:00Z'), detail(3, 5, '2026-12-01T08:00:00Z')],
      true,
      NOW,
    );
    const changed = { ...detail(1, 5, '2026-12-02T09:30:00Z'), bills_status: 'certified' as const };
    const next = mergeMedical(held, [changed, detail(3, null, '2026-12-02T09:31:00Z'), detail(4, 5, '2026-12-02T09:00:00Z')], false, NOW + 1000);
    expect(Object.keys(next.rows).sort()).toEqual(['1', '2', '4']);
    expect(next.rows['1']!.billsStatus).toBe('certified');
    expect(next.rows['2']).toBe(held.rows['2']);
    expect(next.highWater).toBe('2026-12-02T09:31:00Z');
    expect(next.fullAt).toBe(NOW);
  });

  it('an incremental pass that brought back only what is held (the overlap) changes nothing', () => {
    const held = mergeMedical(EMPTY_MEDICAL, [detail(1, 5, '2026-12-01T09:00:00Z')], true, NOW);
    expect(heldAlready(held, [])).toBe(true);
    expect(heldAlready(held, [detail(1, 5, '2026-12-01T09:00:00Z')])).toBe(true);
    expect(heldAlready(held, [detail(1, 5, '2026-12-01T09:00:01Z')])).toBe(false);
    expect(heldAlready(held, [detail(2, 5, '2026-12-01T09:00:00Z')])).toBe(false);
  });

  it('a full pass keeps only what it fetched (records deleted in Clio go)', () => {
    const held = mergeMedical(EMPTY_MEDICAL, [detail(1, 5, '2026-12-01T09:00:00Z'), detail(2, 6, '2026-12-01T11:00:00Z')], true, NOW);
    const next = mergeMedical(held, [detail(2, 6, '2026-12-01T11:00:00Z')], true, NOW + MEDICAL_FULL_EVERY_MS);
    expect(Object.keys(next.rows)).toEqual(['2']);
    expect(next.fullAt).toBe(NOW + MEDICAL_FULL_EVERY_MS);
  });

  it("a matter's rows by provider name; bills with missing figures read 0; providers known from every matter", () => {
    const copy = mergeMedical(
      EMPTY_MEDICAL,
      [
        detail(1, 5, '2026-12-01T09:00:00Z', { id: 8, name: 'Lakeview PT' }),
        detail(2, 5, '2026-12-01T09:00:00Z'),
        detail(3, 6, '2026-12-01T09:00:00Z', { id: 9, name: 'Imaging' }),
      ],
      true,
      NOW,
    );
    expect(rowsOfMatter(copy, 5).map((r) => r.provider?.name)).toEqual(['Lakeview PT', 'Riverside Clinic']);
    expect(rowsOfMatter(copy, 5)[0]!.bills[0]).toEqual({ id: 10, name: 'ER visit', amount: 4250, adjustment: 0, documentId: null });
    expect(knownProviders(copy).map((p) => p.name)).toEqual(['Imaging', 'Lakeview PT', 'Riverside Clinic']);
  });
});
