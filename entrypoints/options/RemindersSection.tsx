/**
 * Reminders and automatic stops, all off until chosen: "Remind me to track" (asks for the notifications permission
 * when turned on, not at install), "Stop the timer at a set time", "Stop the timer when I am away". Each change is
 * sent to the background, which stores it and sets the alarms.
 */
import { browser } from 'wxt/browser';
import { useRef, useState } from 'preact/hooks';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { useFollowed } from '@/components/use-followed';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { NOTIFICATIONS_PERMISSION } from '@/lib/browser/notifications';
import { remindersItem } from '@/lib/timer/reminder-items';
import { DEFAULT_REMINDERS, type ReminderSettings } from '@/lib/timer/reminder-rules';

export function RemindersSection() {
  const stored = useFollowed({ reminders: remindersItem });
  const [status, setStatus] = useState<Status | null>(null);
  const latest = useRef(DEFAULT_REMINDERS);
  const sending = useRef(0);
  if (!stored) return null;
  const s = stored.reminders;
  // Changes made faster than the background answers build on each other, not on what was stored before them.
  if (sending.current === 0) latest.current = s;
  const save = (change: Partial<ReminderSettings>) => {
    setStatus(null);
    latest.current = { ...latest.current, ...change };
    sending.current++;
    send('reminders/set', latest.current)
      .catch((e: unknown) => setStatus({ tone: 'error', text: String(e) }))
      .finally(() => sending.current--);
  };
  const turnRemindOn = (on: boolean) => {
    if (!on) return save({ remind: false });
    // Asked at the click itself (a user gesture), before anything is awaited.
    browser.permissions.request(NOTIFICATIONS_PERMISSION).then(
      (granted) => (granted ? save({ remind: true }) : setStatus({ tone: 'error', text: t('notificationsRefused') })),
      () => setStatus({ tone: 'error', text: t('notificationsRefused') }),
    );
  };
  return (
    <section aria-labelledby="reminders-h">
      <h3 id="reminders-h">{t('remindersHeading')}</h3>
      <p class="hint">{t('remindersIntro')}</p>
      <fieldset class="card reminder">
        <Toggle label={t('remindToTrack')} on={s.remind} set={turnRemindOn} />
        <Field label={t('remindAfterMinutes')} type="number" value={s.remindMinutes} off={!s.remind} set={(v) => save({ remindMinutes: Number(v) })} />
        <Field label={t('workFrom')} type="time" value={s.workFrom} off={!s.remind} set={(v) => save({ workFrom: v })} />
        <Field label={t('workTo')} type="time" value={s.workTo} off={!s.remind} set={(v) => save({ workTo: v })} />
      </fieldset>
      <fieldset class="card reminder">
        <Toggle label={t('stopAtToggle')} on={s.stopAt} set={(on) => save({ stopAt: on })} />
        <Field label={t('stopAtTime')} type="time" value={s.stopAtTime} off={!s.stopAt} set={(v) => save({ stopAtTime: v })} />
      </fieldset>
      <fieldset class="card reminder">
        <Toggle label={t('awayStopToggle')} on={s.awayStop} set={(on) => save({ awayStop: on })} />
        <Field label={t('awayMinutes')} type="number" value={s.awayMinutes} off={!s.awayStop} set={(v) => save({ awayMinutes: Number(v) })} />
        <p class="hint">{t('awayStopHint')}</p>
      </fieldset>
      <StatusMessage status={status} />
    </section>
  );
}

function Toggle({ label, on, set }: { label: string; on: boolean; set: (on: boolean) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          const want = e.currentTarget.checked;
          e.currentTarget.checked = on; // the stored setting shows, once the background has it (a refused permission leaves it off)
          set(want);
        }}
      />{' '}
      {label}
    </label>
  );
}

/** A time of day or a number of minutes, saved when changed (not on each keystroke); off while its feature is. */
function Field({ label, type, value, off, set }: { label: string; type: 'time' | 'number'; value: string | number; off: boolean; set: (v: string) => void }) {
  return (
    <label>
      {label}
      <input type={type} {...(type === 'number' ? { min: 1, max: 1440 } : {})} value={value} disabled={off} onChange={(e) => set(e.currentTarget.value)} />
    </label>
  );
}
