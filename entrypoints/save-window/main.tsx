/**
 * The "Save to Clio" dialog's page, in the two places it opens: in a frame that the `save` content script mounts
 * over the page (page-frame-host.ts), or, where nothing can be injected (a PDF in the browser's viewer, browser
 * pages, a page without a grant), in a small extension window. Either way it opens with `?id=<one-time id>` and
 * takes what it needs from the background; in a frame, an unknown id shows nothing and asks its host to remove it.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/base.css';
import '@/components/capture/capture.css';
import './save-window.css';
import { buildServer } from '@/components/clio-hosts';
import { messageOf } from '@/components/error-message';
import { SaveForm } from '@/components/filing/SaveForm';
import { closeFrame, FramedDialog } from '@/components/page-frame/FramedDialog';
import { localizePage } from '@/components/page-language';
import { StatusMessage } from '@/components/StatusMessage';
import { uploadPermissionsOfThisBuild } from '@/lib/auth/app-config';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { settingsItem } from '@/lib/settings/settings-item';

const id = new URLSearchParams(location.search).get('id') ?? '';
const framed = window.top !== window;
const app = document.getElementById('app')!;

localizePage('saveWindowTitle');
document.documentElement.classList.toggle('cl-framed', framed);

// The upload origins of the chosen region, known before the click: the browser grants a permission only when it is
// asked for within the click itself. A build for one server holds them already.
let uploadOrigins: string[] = [];
if (!buildServer) void settingsItem.getValue().then((s) => (uploadOrigins = uploadPermissionsOfThisBuild(s.region)));
const askUploadPermission = () => (buildServer || !uploadOrigins.length ? Promise.resolve(true) : browser.permissions.request({ origins: uploadOrigins }));

send('save-dialog/reading', { id }).then(
  (reading) => {
    if (framed) {
      if (!reading) return closeFrame();
      render(
        <FramedDialog title={t('saveTitle')}>
          {(covered) => <SaveForm id={id} reading={reading} covered={covered} askUploadPermission={askUploadPermission} onClose={closeFrame} />}
        </FramedDialog>,
        app,
      );
      return;
    }
    render(
      <main class="cl cl-page save-page" aria-labelledby="cl-title">
        <header class="cl-head">
          <h1 id="cl-title">{t('saveTitle')}</h1>
        </header>
        {reading ? (
          <SaveForm id={id} reading={reading} covered={false} askUploadPermission={askUploadPermission} onClose={() => window.close()} />
        ) : (
          <div class="cl-body">
            <StatusMessage status={{ tone: 'error', text: t('saveRightClickAgain', t('menuFileToMatter')) }} />
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
