/** The outbox's entries in `storage.local`: they survive worker kills and browser restarts. */
import { defineItem } from '../storage/item';

export function storageOutboxStore<E>() {
  const item = defineItem<E[]>('local:outbox', { fallback: [] });
  return { item, load: () => item.getValue(), save: (entries: E[]) => item.setValue(entries) };
}
