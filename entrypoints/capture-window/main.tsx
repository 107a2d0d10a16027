/**
 * The capture dialog's page (components/page-frame/dialog-page.tsx): in a frame that the capture content script
 * mounts over the page, or in a small extension window where nothing can be injected (the PDF viewer, browser pages,
 * the web store, a page without a grant). It takes its page facts from the background by its one-time id.
 */
import '@/components/tokens.css';
import '@/components/capture/capture.css';
import './window.css';
import { LeadForm } from '@/components/capture/LeadForm';
import { showDialogPage } from '@/components/page-frame/dialog-page';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';

showDialogPage({
  windowTitle: 'captureWindowTitle',
  title: t('captureTitle'),
  reading: (id) => send('leads/reading', { id }),
  missing: () => t('captureRightClickAgain', t('menuCaptureLead')),
  form: (reading, _id, covered, close) => <LeadForm reading={reading} covered={covered} onClose={close} />,
});
