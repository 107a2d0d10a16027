/**
 * Values one of the extension's contexts hands to another, read once: what a right-click was on, for the
 * content script that click injects; the page facts a dialog's frame opens with. Kept in `storage.session`,
 * which content scripts cannot read (the extension never widens its access level) and which does not outlive
 * the browser session. Reading one removes it; any left unread are swept after an hour.
 */
import { browser } from 'wxt/browser';

const PREFIX = 'hand-off:';
/** A value nobody took within this long is swept, and a late reader gets nothing. */
export const HAND_OFF_TTL_MS = 60 * 60_000;

interface Kept<T> {
  value: T;
  at: number;
}

export interface HandOffs<T> {
  keep(key: string, value: T, now?: number): Promise<void>;
  /** The value kept under `key`, once: taking it removes it. Null when there is none, or it is over an hour old. */
  take(key: string, now?: number): Promise<T | null>;
  /** The value kept under `key`, left in place (a state several reads follow until it is swept or taken). */
  peek(key: string, now?: number): Promise<T | null>;
}

/** The hand-offs of one kind (`kind` keeps kinds apart: the same key may be used by two). */
export function handOffs<T>(kind: string): HandOffs<T> {
  const full = (key: string) => `${PREFIX}${kind}:${key}`;
  return {
    async keep(key, value, now = Date.now()) {
      await sweepHandOffs(now);
      await browser.storage.session.set({ [full(key)]: { value, at: now } satisfies Kept<T> });
    },
    async take(key, now = Date.now()) {
      const k = full(key);
      const kept = (await browser.storage.session.get(k))[k] as Kept<T> | undefined;
      if (kept === undefined) return null;
      await browser.storage.session.remove(k);
      return now - kept.at < HAND_OFF_TTL_MS ? kept.value : null;
    },
    async peek(key, now = Date.now()) {
      const k = full(key);
      const kept = (await browser.storage.session.get(k))[k] as Kept<T> | undefined;
      return kept !== undefined && now - kept.at < HAND_OFF_TTL_MS ? kept.value : null;
    },
  };
}

/** Removes every hand-off older than an hour. */
export async function sweepHandOffs(now = Date.now()): Promise<void> {
  const all = await browser.storage.session.get(null);
  const stale = Object.entries(all).filter(([k, v]) => k.startsWith(PREFIX) && !(now - ((v as Partial<Kept<unknown>>)?.at ?? 0) < HAND_OFF_TTL_MS));
  if (stale.length) await browser.storage.session.remove(stale.map(([k]) => k));
}
