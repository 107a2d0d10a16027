/** Captured leads that have not reached Grow yet: why, and Retry or Discard. */
import { useEffect, useState } from 'preact/hooks';
import { currentHosts } from '@/components/clio-hosts';
import { useFollowed } from '@/components/use-followed';
import type { GrowLeadPayload } from '@/lib/leads/lead-courier';
import { GROW_LEAD } from '@/lib/leads/lead-courier';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { outboxViewItem } from '@/lib/outbox/outbox-store';

export function WaitingLeads() {
  const outbox = useFollowed({ entries: outboxViewItem })?.entries;
  const [grow, setGrow] = useState<string | null>(null);
  useEffect(() => void currentHosts().then((h) => setGrow(h.growApi)), []);
  // Leads belong to the firm's Grow of the chosen region: those of another region wait for it.
  const leads = (outbox ?? []).filter((e) => e.kind === GROW_LEAD && e.state !== 'sent' && e.owner === grow);
  if (!leads.length) return null;
  return (
    <section aria-labelledby="leads-h">
      <h3 id="leads-h">{t('leadsWaitingHeading')}</h3>
      <ul class="waiting-leads">
        {leads.map((e) => {
          const { draft } = e.payload as GrowLeadPayload;
          return (
            <li key={e.id}>
              <strong>
                {draft.firstName} {draft.lastName}
              </strong>{' '}
              <span class="hint">{draft.referringUrl}</span>
              <br />
              {e.state === 'failed' ? t('notSent', e.lastError?.message ?? '') : e.state === 'sending' ? t('sending') : t('leadPending')}
              {e.state === 'sending' ? null : (
                <span class="row">
                  <button type="button" onClick={() => void send('outbox/retry', { id: e.id })}>
                    {t('retry')}
                  </button>
                  <button type="button" onClick={() => confirm(t('confirmDiscardLead')) && void send('outbox/discard', { id: e.id })}>
                    {t('discard')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
