/**
 * "Split" of a time entry in Today: it keeps the time typed, and the rest becomes an entry on another matter (the same
 * day, description and activity; saved through the outbox). Loaded when first opened.
 */
import { useState } from 'preact/hooks';
import { MatterPicker } from '@/components/MatterPicker';
import type { Status } from '@/components/StatusMessage';
import { messageOf } from '@/components/error-message';
import { searchMatters } from '@/components/time-entry/search-matters';
import { formatDuration, parseDuration } from '@/lib/duration';
import { say, t } from '@/lib/i18n';
import { matterLabel, type MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { EditActions, sendEdit } from './edit-in-place';

export function SplitEntry({ entry, done }: { entry: ActivityJson; done: (s: Status | null) => void }) {
  const [keep, setKeep] = useState(formatDuration(Math.round(entry.quantity / 2)).replace(/ /g, ''));
  const [matter, setMatter] = useState<MatterRef | null>(null);
  const [error, setError] = useState('');
  const parsed = parseDuration(keep);
  const save = (e: Event) => {
    e.preventDefault();
    if (!parsed.ok) return setError(say(parsed.error));
    if (!(parsed.seconds > 0 && parsed.seconds < entry.quantity)) return setError(t('splitOutside'));
    if (!matter) return setError(t('chooseMatterFirst'));
    const moved = entry.quantity - parsed.seconds;
    return sendEdit(
      () => send('time-entries/split', { entry, keepSeconds: parsed.seconds, matter }),
      (s) => done(s?.tone === 'success' ? { tone: 'success', text: t('splitDone', formatDuration(moved), matterLabel(matter)) } : s),
      (err) => setError(messageOf(err)),
    );
  };
  const id = `split-keep-${entry.id}`;
  return (
    <li class="editing">
      <form onSubmit={save} aria-label={t('split')}>
        <label for={id}>{t('splitKeepField')}</label>
        <input id={id} value={keep} inputMode="decimal" autocomplete="off" aria-describedby={`${id}-hint`} onInput={(e) => setKeep(e.currentTarget.value)} />
        <p id={`${id}-hint`} class={error ? 'field-error' : 'hint'}>
          {error || (parsed.ok ? t('durationUnderstood', parsed.text) : '\u00a0')}
        </p>
        <MatterPicker id={`split-matter-${entry.id}`} value={matter} onChange={setMatter} search={searchMatters} />
        <EditActions cancel={() => done(null)} />
      </form>
    </li>
  );
}
