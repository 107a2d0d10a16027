/**
 * The "Save to Clio" dialog's page (components/page-frame/dialog-page.tsx): in a frame that the `save` content script
 * mounts over the page, or in a small extension window where nothing can be injected (a PDF in the browser's viewer,
 * browser pages, a page without a grant).
 */
import { browser } from 'wxt/browser';
import '@/components/tokens.css';
import '@/components/base.css';
import '@/components/capture/capture.css';
import '@/components/page-frame/dialog-page.css';
import './save-window.css';
import { buildServer } from '@/components/clio-hosts';
import { SaveForm } from '@/components/filing/SaveForm';
import { showDialogPage } from '@/components/page-frame/dialog-page';
import { uploadPermissionsOfThisBuild } from '@/lib/auth/app-config';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { settingsItem } from '@/lib/settings/settings-item';
import { getValues } from '@/lib/storage/item';

// The upload origins of the chosen region, known before the click: the browser grants a permission only when it is
// asked for within the click itself. A build for one server holds them already.
let uploadOrigins: string[] = [];
if (!buildServer) void getValues({ settings: settingsItem }).then(({ settings }) => (uploadOrigins = uploadPermissionsOfThisBuild(settings.region)));
const askUploadPermission = () => (buildServer || !uploadOrigins.length ? Promise.resolve(true) : browser.permissions.request({ origins: uploadOrigins }));

showDialogPage({
  windowTitle: 'saveWindowTitle',
  title: t('saveTitle'),
  reading: (id) => send('save-dialog/reading', { id }),
  missing: () => t('saveRightClickAgain', t('menuFileToMatter')),
  form: (reading, id, covered, close) => <SaveForm id={id} reading={reading} covered={covered} askUploadPermission={askUploadPermission} onClose={close} />,
});
