/**
 * A draft the background keeps (it is the drafts' one writer): shown at once as typed, sent to be kept,
 * and replaced by what is stored when the stored value is not one of ours in flight (the background
 * cleared it after a save, or another surface changed it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useKeptDraft<D>(stored: D, keep: (d: D) => void): [D, (d: D) => void] {
  const [local, setLocal] = useState<D | null>(null);
  const inFlight = useRef<string[]>([]);
  useEffect(() => {
    const s = JSON.stringify(stored);
    const i = inFlight.current.indexOf(s);
    if (i === -1 || i === inFlight.current.length - 1) {
      inFlight.current = [];
      setLocal(null);
    } else inFlight.current = inFlight.current.slice(i + 1);
  }, [JSON.stringify(stored)]);
  const set = (d: D) => {
    inFlight.current.push(JSON.stringify(d));
    setLocal(d);
    keep(d);
  };
  return [local ?? stored, set];
}
