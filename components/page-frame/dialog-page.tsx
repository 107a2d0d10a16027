/**
 * A dialog's page (capture, save to Clio, add deadline), in the two places it opens: in a frame that its content script mounts
 * over the page (page-frame-host.ts), or, where nothing can be injected, in a small extension window. Either way it
 * opens with `?id=<one-time id>` and reads what it opens with from the background, once; in a frame, an unknown id
 * shows nothing and asks its host to remove it (a page that frames the dialog itself gets an empty box). Each page
 * brings its own styles (the forms of save and deadline: base.css, capture.css and dialog-page.css).
 */
import { type ComponentChildren, render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import { localizePage } from '@/components/page-language';
import { StatusMessage } from '@/components/StatusMessage';
import { BusyButton } from '@/components/BusyButton';
import { type MessageKey, t } from '@/lib/i18n';
import { closeFrame, FramedDialog } from './FramedDialog';

export interface DialogPage<R> {
  /** The window's title (message key). */
  windowTitle: MessageKey;
  /** The dialog's name. */
  title: string;
  /** What the dialog opens with, for its id (null: unknown or used). */
  reading: (id: string) => Promise<R | null>;
  /** What the window says when there is nothing to show. */
  missing: () => string;
  /** The dialog's form; `covered`: the page covers the frame now. */
  form: (reading: R, id: string, covered: boolean, close: () => void) => ComponentChildren;
}

export function showDialogPage<R>({ windowTitle, title, reading, missing, form }: DialogPage<R>): void {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  const framed = window.top !== window;
  const app = document.getElementById('app')!;
  localizePage(windowTitle);
  document.documentElement.classList.toggle('cl-framed', framed);

  reading(id).then(
    (r) => {
      if (framed) {
        if (!r) return closeFrame();
        render(<FramedDialog title={title}>{(covered) => form(r, id, covered, closeFrame)}</FramedDialog>, app);
        return;
      }
      render(
        <main class="cl cl-page dialog-page" aria-labelledby="cl-title">
          <header class="cl-head">
            <h1 id="cl-title">{title}</h1>
          </header>
          {r ? (
            form(r, id, false, () => window.close())
          ) : (
            <div class="cl-body">
              <StatusMessage status={{ tone: 'error', text: missing() }} />
            </div>
          )}
        </main>,
        app,
      );
    },
    (e) => {
      if (framed) closeFrame();
      else render(<StatusMessage status={{ tone: 'error', text: messageOf(e) }} />, app);
    },
  );
}

/**
 * The foot of a dialog's form (save to Clio, add deadline): while the page covers the frame, a notice and the send
 * button held; once done, "Done" closes the dialog and takes focus (the send button it replaces had it). While held, the
 * send button stays focusable (BusyButton). (Here, not a module of its own: one chunk for the dialog pages.)
 */
export function DialogActions({
  id,
  label,
  covered,
  done,
  held,
  onClose,
}: {
  id: string;
  label: string;
  covered: boolean;
  done: boolean;
  held: boolean;
  onClose: () => void;
}) {
  const notice = `${id}-covered`;
  const doneButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (done) doneButton.current?.focus();
  }, [done]);
  return (
    <>
      {covered && !done ? (
        <p id={notice} class="notice">
          {t('frameCovered')}
        </p>
      ) : null}
      <p class="row actions">
        {done ? (
          <button type="button" ref={doneButton} onClick={onClose}>
            {t('done')}
          </button>
        ) : (
          <BusyButton type="submit" class="primary" busy={held} disabled={covered} aria-describedby={covered ? notice : undefined}>
            {label}
          </BusyButton>
        )}
      </p>
    </>
  );
}
