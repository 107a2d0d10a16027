/**
 * A button whose action is running: marked `aria-disabled` and its clicks (and so its form's submit) swallowed, rather
 * than `disabled`, which drops keyboard focus to the page's body when the button a person pressed Enter on goes
 * disabled under them. Focus stays on it and the next Tab goes on from there.
 */
import type { JSX } from 'preact';

type Props = JSX.IntrinsicElements['button'] & { busy: boolean };

export function BusyButton({ busy, onClick, ...rest }: Props) {
  return (
    <button
      {...rest}
      aria-disabled={busy ? 'true' : undefined}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else if (typeof onClick === 'function') onClick.call(e.currentTarget, e);
      }}
    />
  );
}
