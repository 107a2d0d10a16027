import { describe, expect, it } from 'vitest';
import { injuryAreasOf, isInjuryArea } from '@/lib/injury/injury-area';

describe('isInjuryArea', () => {
  it('by default, areas named like "Personal Injury", whatever the case, accents or dash', () => {
    for (const a of ['Personal Injury', 'personal injury', 'Personal-Injury', 'Personal Injury – Auto', 'PERSONAL INJURIES', 'Pérsonal Injury'])
      expect(isInjuryArea(a, undefined), a).toBe(true);
    for (const a of ['Employment', 'Injury', 'Personal', '', null, undefined]) expect(isInjuryArea(a, [])).toBe(false);
  });

  it("the firm's own list replaces the default: exact names, without case or accents", () => {
    const chosen = ['Auto Accidents', 'Médical Malpractice'];
    expect(isInjuryArea('auto accidents', chosen)).toBe(true);
    expect(isInjuryArea('Medical Malpractice', chosen)).toBe(true);
    expect(isInjuryArea('Personal Injury', chosen)).toBe(false);
    expect(isInjuryArea('Auto', chosen)).toBe(false);
  });

  it('reads the options text one name a line (or commas), blanks dropped', () => {
    expect(injuryAreasOf(' Auto Accidents \n\nSlip and Fall, Dog Bite ')).toEqual(['Auto Accidents', 'Slip and Fall', 'Dog Bite']);
    expect(injuryAreasOf('  ')).toEqual([]);
  });
});
