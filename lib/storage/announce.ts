/**
 * How one of the extension's contexts (the background, the popup, the side panel, the options page) tells the
 * others that stored state changed: a BroadcastChannel, named after what changed. IndexedDB has no change
 * events, and `storage.onChanged` also reaches content scripts. The channel belongs to the extension's origin: a
 * content script, which runs in the page's origin, can neither hear nor post on it.
 *
 * Every listener of `name` hears a message, in the same context too, in the order one context posted them.
 */

/** Tells every context listening on `name` that it changed, with `message` (structured-cloned). */
export function announce(name: string, message: unknown = null): void {
  const channel = new BroadcastChannel(name);
  channel.postMessage(message);
  channel.close();
}

/** Calls `cb` with every message announced on `name` from now on; returns the function that stops listening. */
export function onAnnounced<M>(name: string, cb: (message: M) => void): () => void {
  const channel = new BroadcastChannel(name);
  channel.onmessage = (e: MessageEvent<M>) => cb(e.data);
  return () => channel.close();
}
