/** A storage item as a Preact signal that follows every change, from any surface or the background. */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { StorageItem } from '@/lib/storage/item';

export function storedSignal<T>(item: StorageItem<T>): { value: ReadonlySignal<T | undefined>; stop: () => void } {
  const s = signal<T | undefined>(undefined);
  void item.getValue().then((v) => {
    if (s.value === undefined) s.value = v;
  });
  const stop = item.watch((v) => (s.value = v));
  return { value: s, stop };
}
