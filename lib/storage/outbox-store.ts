/** The outbox's entries in `storage.local`: they survive worker kills and browser restarts. */
import { storage } from 'wxt/utils/storage';

export function storageOutboxStore<E>() {
  const item = storage.defineItem<E[]>('local:outbox', { fallback: [], version: 1 });
  return { item, load: () => item.getValue(), save: (entries: E[]) => item.setValue(entries) };
}
