/** Pinned matters first in a Matter picker's list: all of them before the recent ones, or first among a search's results. Pure. */
import type { MatterRef } from '../matter-ref';

/** A picker's option: a matter, marked when pinned. */
export interface PickerMatter extends MatterRef {
  pinned?: true;
}

export const MAX_PINNED = 20;

/**
 * With no query, every pinned matter (in the order pinned) and then the recent ones not pinned; with one, the search's
 * results with the pinned ones first (otherwise in the search's order). Pinned matters are marked `pinned`.
 */
export function pinnedFirst(found: readonly MatterRef[], pinned: readonly MatterRef[], query: string): PickerMatter[] {
  const isPinned = new Set(pinned.map((m) => m.id));
  const mark = (m: MatterRef): PickerMatter => ({ ...m, pinned: true });
  const rest = found.filter((m) => !isPinned.has(m.id));
  if (!query.trim()) return [...pinned.map(mark), ...rest];
  return [...found.filter((m) => isPinned.has(m.id)).map(mark), ...rest];
}

/** The matter a picker hands on, without its mark. */
export const withoutMark = ({ pinned: _, ...m }: PickerMatter): MatterRef => m;
