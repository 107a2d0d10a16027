/**
 * "Capture lead" in a small extension window, for pages nothing can be injected into (the PDF
 * viewer, chrome:// pages, the web store). The background opens `capture-window.html?click=<id>`;
 * the page and selection come from the right-click, not from a DOM.
 */
import { render } from 'preact';
import '@/components/capture/capture.css';
import './window.css';
import { LeadForm } from '@/components/capture/LeadForm';
import { localizePage } from '@/components/page-language';
import { t } from '@/lib/i18n';
import { factsFromContext } from '@/lib/page-reading/page-facts';
import { send } from '@/lib/messaging/send';

const clickId = new URLSearchParams(location.search).get('click') ?? undefined;
const facts = send('leads/context', clickId ? { clickId } : {}).then(factsFromContext);

localizePage('captureWindowTitle');
render(
  <main class="cl cl-page" aria-labelledby="cl-title">
    <header class="cl-head">
      <h1 id="cl-title">{t('captureTitle')}</h1>
    </header>
    <LeadForm facts={facts} onClose={() => window.close()} />
  </main>,
  document.getElementById('app')!,
);
document.getElementById('cl-firstName')?.focus();
