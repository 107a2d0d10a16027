/** "Split" of the running timer: the time since a time of day goes to another matter, where the timer goes on. Loaded when first opened. */
import { useState } from 'preact/hooks';
import { MatterPicker } from '@/components/MatterPicker';
import { searchMatters } from '@/components/time-entry/search-matters';
import { t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { startOf, type TimerState } from '@/lib/timer/model';
import { lastAt, timeOfDay } from '@/lib/timer/time-of-day';
import { BusyButton } from '@/components/BusyButton';

export function SplitTimer({ timer, busy, go }: { timer: TimerState; busy: boolean; go: (m: MatterRef, at: number) => Promise<void> }) {
  const [value, setValue] = useState(() => timeOfDay(Date.now()));
  const [matter, setMatter] = useState<MatterRef | null>(null);
  const [error, setError] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const now = Date.now();
    const at = lastAt(value, now);
    // A time of day is to the minute: the timer's first minute counts from its start.
    if (at === null || at < startOf(timer, now) - 60_000) return setError(t('splitOutside'));
    if (matter) void go(matter, Math.max(at, startOf(timer, now)));
    return undefined;
  };
  return (
    <form onSubmit={submit} aria-label={t('split')}>
      <label for="split-at">{t('splitAtField')}</label>
      <input id="split-at" type="time" value={value} aria-invalid={error ? true : undefined} onInput={(e) => setValue(e.currentTarget.value)} />
      {error ? <p class="field-error">{error}</p> : null}
      <p class="hint">{t('splitToMatter')}</p>
      <MatterPicker id="split-matter" value={matter} onChange={setMatter} search={searchMatters} />
      <p class="row actions">
        <BusyButton type="submit" class="primary" busy={busy} disabled={!matter}>
          {t('split')}
        </BusyButton>
      </p>
    </form>
  );
}
