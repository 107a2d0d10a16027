/**
 * A component whose code loads on first use (a separate chunk), so a surface opens with only the
 * code it shows first. Renders nothing until loaded; the module is fetched once.
 */
import { h, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> & { preload: () => Promise<unknown> } {
  let loaded: FunctionComponent<P> | undefined;
  let pending: Promise<unknown> | undefined;
  const preload = () => (pending ??= load().then((c) => (loaded = c)));
  const Lazy = (props: P) => {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!loaded) void preload().then(() => setReady(true));
    }, []);
    return loaded ? h(loaded, props) : null;
  };
  return Object.assign(Lazy, { preload });
}
