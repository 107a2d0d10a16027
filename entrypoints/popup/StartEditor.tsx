/** "Change start" of the running timer ("I started this call 10 minutes ago"). Loaded when first opened. */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { startOf, type TimerState } from '@/lib/timer/model';
import { startAt, timeOfDay } from '@/lib/timer/time-of-day';

export function StartEditor({ timer, done, act }: { timer: TimerState; done: () => void; act: (f: () => Promise<void>) => Promise<void> }) {
  const [value, setValue] = useState(() => timeOfDay(startOf(timer, Date.now())));
  const [error, setError] = useState('');
  const save = (e: Event) => {
    e.preventDefault();
    const now = Date.now();
    const start = startAt(value, now, startOf(timer, now));
    if (start === null) return setError(t('startLaterThanNow'));
    return act(async () => {
      await send('timer/start-at', { start });
      done();
    });
  };
  return (
    <form onSubmit={save} class="row inline-form">
      <label for="timer-start">{t('startTimeField')}</label>
      <input id="timer-start" type="time" value={value} aria-invalid={error ? true : undefined} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit" class="primary">
        {t('saveStart')}
      </button>
      {error ? <p class="field-error">{error}</p> : null}
    </form>
  );
}
