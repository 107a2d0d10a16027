/**
 * The capture dialog's page, in the two places it opens: in a frame that the capture content script mounts
 * over the page (page-frame-host.ts), or, where nothing can be injected (the PDF viewer, browser pages, the web
 * store, a page without a grant), in a small extension window. Either way it opens with `?id=<one-time id>`
 * and takes its page facts from the background; in a frame, an unknown id shows nothing and asks its host to
 * remove it (a page that frames this page itself gets an empty box).
 */
import { render } from 'preact';
import '@/components/capture/capture.css';
import './window.css';
import { LeadForm } from '@/components/capture/LeadForm';
import { messageOf } from '@/components/error-message';
import { closeFrame, FramedDialog } from '@/components/page-frame/FramedDialog';
import { localizePage } from '@/components/page-language';
import { StatusMessage } from '@/components/StatusMessage';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';

const id = new URLSearchParams(location.search).get('id') ?? '';
const framed = window.top !== window;
const app = document.getElementById('app')!;

localizePage('captureWindowTitle');
document.documentElement.classList.toggle('cl-framed', framed);

send('leads/reading', { id }).then(
  (reading) => {
    if (framed) {
      // No reading (a made-up id, or one already used): nothing shown, and a host that is ours removes the frame.
      if (!reading) return closeFrame();
      render(<FramedDialog title={t('captureTitle')}>{(covered) => <LeadForm reading={reading} covered={covered} onClose={closeFrame} />}</FramedDialog>, app);
      return;
    }
    render(
      <main class="cl cl-page" aria-labelledby="cl-title">
        <header class="cl-head">
          <h1 id="cl-title">{t('captureTitle')}</h1>
        </header>
        {reading ? (
          <LeadForm reading={reading} covered={false} onClose={() => window.close()} />
        ) : (
          <div class="cl-body">
            <StatusMessage status={{ tone: 'error', text: t('captureRightClickAgain', t('menuCaptureLead')) }} />
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
