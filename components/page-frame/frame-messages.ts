/**
 * What a dialog's frame tells the content script that mounted it, through `postMessage` to its parent:
 * that it is shown, its height, that it wants to close. Nothing a person typed, and nothing the page
 * could use: the page sees these messages too. The host trusts only messages whose source is its own
 * frame's window; the frame listens to no message at all.
 */
export type FrameMessage = { clioFrame: 'shown' } | { clioFrame: 'close' } | { clioFrame: 'size'; height: number };

export function isFrameMessage(data: unknown): data is FrameMessage {
  return typeof data === 'object' && data !== null && typeof (data as { clioFrame?: unknown }).clioFrame === 'string';
}
