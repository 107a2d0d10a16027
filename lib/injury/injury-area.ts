/**
 * Is a matter's practice area one the firm marks as personal injury? The firm's choice (options: practice area
 * names, one a line) when it made one; otherwise any area named like "Personal Injury" ("Personal injury – auto",
 * "Personal-Injury"). Names are compared without case, accents or surrounding spaces. Pure.
 */
import { fold } from '../matters/fold';

const LIKE_PERSONAL_INJURY = /personal[\s\-–]*injur/;

export function isInjuryArea(area: string | null | undefined, chosen: readonly string[] | undefined): boolean {
  if (!area) return false;
  const name = fold(area).trim();
  const marked = (chosen ?? []).map((c) => fold(c).trim()).filter(Boolean);
  return marked.length ? marked.includes(name) : LIKE_PERSONAL_INJURY.test(name);
}

/** The options' text (one name a line, or commas) as the list of names kept in settings. */
export const injuryAreasOf = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
