/**
 * The "Add deadline" dialog's page (components/page-frame/dialog-page.tsx): in a frame that the `deadline` content
 * script mounts over the page, or in a small extension window where nothing can be injected.
 */
import '@/components/tokens.css';
import '@/components/base.css';
import '@/components/capture/capture.css';
import '@/components/page-frame/dialog-page.css';
import './deadline-window.css';
import { DeadlineForm } from '@/components/deadlines/DeadlineForm';
import { showDialogPage } from '@/components/page-frame/dialog-page';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';

showDialogPage({
  windowTitle: 'deadlineWindowTitle',
  title: t('deadlineTitle'),
  reading: (id) => send('deadline-dialog/reading', { id }),
  missing: () => t('deadlineRightClickAgain', t('menuAddDeadline')),
  form: (reading, _id, covered, close) => <DeadlineForm reading={reading} covered={covered} onClose={close} />,
});
