/**
 * A dialog's page inside the frame that a content script mounts over a web page (page-frame-host.ts): the
 * dialog role and its name, the close button, Escape, Tab kept inside, the frame's height told to the host,
 * and whether the page covers it (visibility.ts), which the form uses to hold its send button.
 */
import { Component, createRef, type ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import type { FrameMessage } from './frame-messages';
import { visibilityTrackable, watchVisibility } from './visibility';

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),select:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** Tells the host (the content script in the parent page) something; never anything typed. */
export function tellHost(message: FrameMessage): void {
  parent.postMessage(message, '*');
}

export const closeFrame = () => tellHost({ clioFrame: 'close' });

interface Props {
  title: string;
  /** The dialog's content, told whether the page covers the frame now. */
  children: (covered: boolean) => ComponentChildren;
}

interface State {
  covered: boolean;
}

export class FramedDialog extends Component<Props, State> {
  // Until the browser has said it is visible, it counts as covered (where the browser can tell).
  override state: State = { covered: visibilityTrackable };
  private ref = createRef<HTMLDivElement>();
  private stops: Array<() => void> = [];

  override componentDidMount() {
    const root = this.ref.current!;
    const sizes = new ResizeObserver(() => tellHost({ clioFrame: 'size', height: root.scrollHeight }));
    sizes.observe(root);
    // On the document: keys pressed while the frame itself has focus (not one of its controls) count too.
    document.addEventListener('keydown', this.onKeyDown);
    this.stops.push(
      () => document.removeEventListener('keydown', this.onKeyDown),
      () => sizes.disconnect(),
      watchVisibility(root, (visible) => this.setState({ covered: !visible })),
    );
    // Focus into the dialog: the host's frame.focus() alone leaves the frame without focus (the first Tab left the page).
    // Its first control after the close button, unless its form chose one (capture: the first empty required field),
    // and not a Matter combobox, which opens its list on focus (deadlines.spec's first test then lost its list).
    setTimeout(() => {
      if (root.contains(document.activeElement)) return;
      this.focusables()
        .find((el) => !el.classList.contains('cl-x') && el.getAttribute('role') !== 'combobox')
        ?.focus();
    });
    tellHost({ clioFrame: 'shown' });
  }

  /** The dialog's controls a Tab can reach, in order. */
  private focusables(): HTMLElement[] {
    return Array.from(this.ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length);
  }

  override componentWillUnmount() {
    for (const stop of this.stops) stop();
  }

  /** Escape closes; Tab and Shift+Tab cycle inside the dialog (out of the frame is the page). */
  private onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      return closeFrame();
    }
    if (e.key !== 'Tab') return;
    const items = this.focusables();
    const i = items.indexOf(document.activeElement as HTMLElement);
    const last = items.length - 1;
    if (last >= 0 && (e.shiftKey ? i <= 0 : i < 0 || i === last)) {
      e.preventDefault();
      items[e.shiftKey ? last : 0]!.focus();
    }
  };

  override render({ title, children }: Props, { covered }: State) {
    return (
      <div ref={this.ref} class="cl cl-dialog" role="dialog" aria-modal="true" aria-labelledby="cl-title">
        <header class="cl-head">
          <h2 id="cl-title">{title}</h2>
          <button type="button" class="cl-x" aria-label={t('close')} title={t('closeEsc')} onClick={closeFrame}>
            ×
          </button>
        </header>
        {children(covered)}
      </div>
    );
  }
}
