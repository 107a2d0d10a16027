/** A storage item as a Preact signal that follows every change, from any surface or the background. */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function storedSignal<T>(item: WxtStorageItem<T, Record<string, unknown>>): { value: ReadonlySignal<T | undefined>; stop: () => void } {
  const s = signal<T | undefined>(undefined);
  void item.getValue().then((v) => {
    if (s.value === undefined) s.value = v;
  });
  const stop = item.watch((v) => (s.value = v));
  return { value: s, stop };
}
