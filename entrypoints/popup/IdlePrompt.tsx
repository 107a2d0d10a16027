/**
 * "You were away": keep the idle time on the running timer, or discard it. Away too long (a setting), the timer was
 * stopped at the moment the person left: save the time away as an entry, discard it, or discard it and go on.
 */
import { useState } from 'preact/hooks';
import { formatDuration } from '@/lib/duration-format';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { matterLabel } from '@/lib/matter-ref';
import type { AutoStop } from '@/lib/timer/reminder-items';
import type { IdleSpan } from '@/lib/timer/timer-items';
import { BusyButton } from '@/components/BusyButton';
import { clock } from './StopAtNotice';

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

export function AwayStoppedPrompt({ stop }: { stop: AutoStop & { back: number } }) {
  // One answer: the buttons wait while it is on its way (a double click would save the time away twice).
  const [busy, setBusy] = useState(false);
  const decide = (choice: 'keep' | 'discard' | 'continue') => {
    setBusy(true);
    void send('reminders/away-decision', { choice }).finally(() => setBusy(false));
  };
  return (
    <section class="card idle" role="alertdialog" aria-labelledby="away-h" aria-describedby="away-d">
      <h2 id="away-h">{t('awayStoppedHeading')}</h2>
      <p id="away-d">{t('awayStoppedText', stop.matter ? matterLabel(stop.matter) : t('aMatterInClio'), clock(stop.at), clock(stop.back))}</p>
      <p class="row">
        <BusyButton type="button" busy={busy} onClick={() => decide('keep')}>
          {t('awayKeep')}
        </BusyButton>
        <BusyButton type="button" busy={busy} onClick={() => decide('discard')}>
          {t('awayDiscard')}
        </BusyButton>
        <BusyButton type="button" class="primary" busy={busy} onClick={() => decide('continue')}>
          {t('awayDiscardContinue')}
        </BusyButton>
      </p>
    </section>
  );
}
