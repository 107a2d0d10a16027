/**
 * What a copy of a page left out, and why (page-copy.ts counts it; the "Save to Clio" dialog says it). Counted by
 * reason, not listed: the person needs to know that the copy lacks something and what kind, not which file. Pure:
 * the dialog turns the phrases into words with `say`.
 */
import { type Phrase, phrase } from '../phrase';

export type LeftOutReason =
  /** Images (and other files a style sheet names, such as fonts) the page cannot read: another site's without CORS, or failing. */
  | 'unreadable'
  /** Images or fonts over the copy's per-file or total size cap. */
  | 'too-large'
  /** Images or fonts not read before the copy's time ran out. */
  | 'time'
  /** Frames, objects and embeds (another document inside the page). */
  | 'frame'
  /** Style sheets the page cannot read (another site's, without CORS). */
  | 'style-sheet'
  /** Video and audio. */
  | 'media';

export interface LeftOut {
  reason: LeftOutReason;
  count: number;
}

const ONE = {
  unreadable: 'copyLeftUnreadableOne',
  'too-large': 'copyLeftTooLargeOne',
  time: 'copyLeftTimeOne',
  frame: 'copyLeftFrameOne',
  'style-sheet': 'copyLeftStyleSheetOne',
  media: 'copyLeftMediaOne',
} as const;

const MANY = {
  unreadable: 'copyLeftUnreadableMany',
  'too-large': 'copyLeftTooLargeMany',
  time: 'copyLeftTimeMany',
  frame: 'copyLeftFrameMany',
  'style-sheet': 'copyLeftStyleSheetMany',
  media: 'copyLeftMediaMany',
} as const;

/** One phrase per reason that left something out, in the order given ("3 images or files from other sites…"). */
export function describeLeftOut(leftOut: readonly LeftOut[]): Phrase[] {
  return leftOut.filter((l) => l.count > 0).map(({ reason, count }) => (count === 1 ? phrase(ONE[reason]) : phrase(MANY[reason], count)));
}
