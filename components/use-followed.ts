/** Stored state in a component (side panel, options): `followItems` behind a signal; undefined until first read. */
import { signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { followItems, type Sources } from '@/lib/storage/follow';

export function useFollowed<T extends object>(items: Sources<T>): T | undefined {
  const state = useMemo(() => signal<T | undefined>(undefined), []);
  useEffect(
    () =>
      followItems(
        items,
        (v) => (state.value = v),
        () => undefined,
      ),
    [],
  );
  return state.value;
}
