/** The timer was stopped at the set time (Options) while the popup was closed: said the next time it opens. */
import { t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { AutoStop } from '@/lib/timer/reminder-items';
import { timeIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';

/** A time of day in the UI's language (seconds when two times would otherwise read alike); the away prompts use it too. */
export const clock = (t: number, seconds = false) => timeIn(t, uiLocale(), seconds);

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
