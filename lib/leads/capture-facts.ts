/**
 * The page facts a capture dialog opens with, handed from the background to the dialog's page (in a frame
 * over the page, or in its window) under a one-time id that only the background and that dialog know.
 * The frame never takes them from the page (no `postMessage` from the page): a frame opened without a
 * valid id gets nothing, and shows nothing.
 */
import type { PageFacts } from '../page-reading/extract-lead';
import { handOffs } from '../storage/hand-offs';

export const captureFacts = handOffs<PageFacts>('capture-facts');
