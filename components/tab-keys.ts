/**
 * The keys of a tab list (WAI-ARIA's tabs pattern, tabs activated as focus moves): ← and → move to the previous and
 * next tab, wrapping; Home and End to the first and last. Pure: the index of the tab a key leads to, or null for a
 * key the list leaves alone.
 */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
