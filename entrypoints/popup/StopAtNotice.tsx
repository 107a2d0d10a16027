/** The timer was stopped at the set time (Options) while the popup was closed: said the next time it opens. */
import { t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { AutoStop } from '@/lib/timer/reminder-items';
import { clock } from './IdlePrompt';

export function StopAtNotice({ stop }: { stop: AutoStop }) {
  return (
    <p class="card notice row" role="status">
      <span>{t('autoStoppedAt', stop.matter ? matterLabel(stop.matter) : t('aMatterInClio'), clock(stop.at))}</span>
      <button type="button" onClick={() => void send('reminders/notice-seen')}>
        {t('autoStoppedSeen')}
      </button>
    </p>
  );
}
