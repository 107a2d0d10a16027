/**
 * Whether a frame's dialog can be seen whole, as the browser tells: IntersectionObserver v2 (`trackVisibility`,
 * Chromium) reports a target as not visible when anything covers it (a page's overlay, a popover or dialog
 * opened above ours in the top layer) or when it is drawn see-through, transformed or filtered. It protects
 * against a page that draws over the dialog so that a click meant for its own content presses ours. Where the
 * browser cannot tell (Firefox has no v2), `supported` is false and nothing is held.
 */
interface V2Entry extends IntersectionObserverEntry {
  readonly isVisible: boolean;
}

export const visibilityTrackable = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** Calls `onChange(visible)` whenever the browser's verdict on `target` changes; returns the stop. */
export function watchVisibility(target: Element, onChange: (visible: boolean) => void): () => void {
  if (!visibilityTrackable) return () => undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1] as V2Entry | undefined;
      if (last) onChange(last.isIntersecting && last.isVisible);
    },
    // `delay` (at least 100 ms) is what v2 asks for: it is checked at most this often.
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(target);
  return () => observer.disconnect();
}
