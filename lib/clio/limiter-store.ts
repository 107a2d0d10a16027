/** Keeps the rate limiter's window in an item (the extension's IndexedDB), so a restarted worker (or browser) does not burst. */
import { defineItem } from '../storage/item';
import type { LimiterStore } from './rate-limiter';
import type { LimiterState } from './rate-window';

export function storageLimiterStore(name: string): LimiterStore {
  const item = defineItem<LimiterState | null>(`local:rate-limiter:${name}`, { fallback: null });
  return {
    load: async () => (await item.getValue()) ?? undefined,
    save: (state) => item.setValue(state),
  };
}
