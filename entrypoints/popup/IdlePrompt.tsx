/** "You were away": keep the idle time on the running timer, or discard it. */
import { formatDuration } from '@/lib/duration-format';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import type { IdleSpan } from '@/lib/timer/timer-items';

const clock = (t: number, seconds = false) =>
  new Date(t).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });

export function IdlePrompt({ span }: { span: IdleSpan & { to: number } }) {
  const seconds = Math.round((span.to - span.from) / 1000);
  const minutes = formatDuration(seconds >= 60 ? Math.round(seconds / 60) * 60 : seconds);
  // Within one minute, "from 9:12 to 9:12" says nothing: show the seconds then.
  const fine = clock(span.from) === clock(span.to);
  return (
    <section class="card idle" role="alertdialog" aria-labelledby="idle-h" aria-describedby="idle-d">
      <h2 id="idle-h">{t('idleAway', minutes)}</h2>
      <p id="idle-d">{t('idleFromTo', clock(span.from, fine), clock(span.to, fine))}</p>
      <p class="row">
        <button type="button" onClick={() => void send('timer/idle-decision', { keep: true })}>
          {t('idleKeep')}
        </button>
        <button type="button" class="primary" onClick={() => void send('timer/idle-decision', { keep: false })}>
          {t('idleDiscard')}
        </button>
      </p>
    </section>
  );
}
