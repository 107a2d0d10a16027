/**
 * A section of a matter's detail that costs nothing until opened: a region named by its heading's disclosure button,
 * whose body is rendered (and so loads) only while open. Closed again when the matter changes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function LazySection({ id, title, matterId, children }: { id: string; title: string; matterId: number; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [matterId]);
  return (
    <section class="filed" aria-labelledby={id}>
      <h2>
        <button type="button" id={id} class="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span class="caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>{' '}
          {title}
        </button>
      </h2>
      {open ? <div class="filed-body">{children()}</div> : null}
    </section>
  );
}
