/**
 * The in-page "Capture lead" dialog: a modal <dialog> (top layer, above any page z-index, the
 * page inert behind it), focus kept inside, Escape and the close button close it.
 */
import { Component, createRef } from 'preact';
import { t } from '@/lib/i18n';
import type { PageFacts } from '@/lib/page-reading/extract-lead';
import { LeadForm } from './LeadForm';

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

const activeIn = (el: Element) => (el.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement | null;

/** Opens the dialog if needed and puts focus in it: where it was, else the first field. */
export function focusDialog(dialog: HTMLDialogElement | null | undefined): void {
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  const active = activeIn(dialog);
  if (!active || !dialog.contains(active)) dialog.querySelector<HTMLElement>('#cl-firstName')?.focus();
}

interface Props {
  facts: Promise<PageFacts>;
  onClose: () => void;
}

export class CaptureDialog extends Component<Props> {
  ref = createRef<HTMLDialogElement>();

  override componentDidMount() {
    focusDialog(this.ref.current);
  }

  private close = (e?: Event) => {
    e?.preventDefault();
    this.props.onClose();
  };

  /** Escape closes; Tab and Shift+Tab cycle inside the dialog. */
  private onKeyDown = (e: KeyboardEvent) => {
    const dialog = this.ref.current!;
    if (e.key === 'Escape') return this.close(e);
    if (e.key !== 'Tab') return;
    const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length);
    const i = items.indexOf(activeIn(dialog)!);
    const last = items.length - 1;
    if (last >= 0 && (e.shiftKey ? i <= 0 : i < 0 || i === last)) {
      e.preventDefault();
      items[e.shiftKey ? last : 0]!.focus();
    }
  };

  override render({ facts, onClose }: Props) {
    return (
      <dialog
        ref={this.ref}
        class="cl cl-dialog"
        lang={t('languageTag')}
        aria-modal="true"
        aria-labelledby="cl-title"
        onKeyDown={this.onKeyDown}
        onCancel={this.close}
        onClose={onClose}
      >
        <header class="cl-head">
          <h2 id="cl-title">{t('captureTitle')}</h2>
          <button type="button" class="cl-x" aria-label={t('close')} title={t('closeEsc')} onClick={onClose}>
            ×
          </button>
        </header>
        <LeadForm facts={facts} onClose={onClose} />
      </dialog>
    );
  }
}
