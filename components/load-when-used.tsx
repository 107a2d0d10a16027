/**
 * A component whose code loads the first time it is shown (a chunk fetched by `import()`), for the forms a surface
 * uses less often: the popup opens with only what it shows first (DESIGN.md: popup JS ≤ 20 kB, "forms used less
 * often load when first used"). Until the chunk arrives it says "Loading…"; a chunk that cannot load (the extension
 * was updated while the popup stayed open) says so. Loaded once a page: later uses render at once.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export function loadWhenUsed<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LoadWhenUsed(props: P) {
    const [, setLoads] = useState(0);
    const [failed, setFailed] = useState('');
    useEffect(() => {
      if (loaded) return;
      let live = true;
      loading ??= load().then((c) => (loaded = c));
      loading.then(
        () => live && setLoads((n) => n + 1),
        (e: unknown) => {
          loading = null;
          if (live) setFailed(e instanceof Error ? e.message : String(e));
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    return failed ? (
      <p class="problem" role="alert">
        {t('formDidNotLoad', failed)}
      </p>
    ) : (
      <p class="hint" role="status">
        {t('loading')}
      </p>
    );
  };
}
