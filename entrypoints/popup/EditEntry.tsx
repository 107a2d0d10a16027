/**
 * Today's edit of a time entry: its duration, or the times it ran (from and to set the duration: Clio keeps no start or
 * end of an entry), and its description. Loaded when first opened.
 */
import { useState } from 'preact/hooks';
import { DurationInput } from '@/components/DurationInput';
import type { Status } from '@/components/StatusMessage';
import { messageOf } from '@/components/error-message';
import { formatDuration, parseDuration } from '@/lib/duration';
import { say, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { spanSeconds } from '@/lib/timer/time-of-day';
import { EditActions, sendEdit } from './edit-in-place';

export function EditEntry({ entry, done }: { entry: ActivityJson; done: (s: Status | null) => void }) {
  const typed = (seconds: number) => formatDuration(seconds).replace(/ /g, '');
  const [duration, setDuration] = useState(typed(entry.quantity));
  const [span, setSpan] = useState({ from: '', to: '' });
  const [note, setNote] = useState(entry.note ?? '');
  const [error, setError] = useState<string | undefined>();
  const onTime = (next: { from: string; to: string }) => {
    setSpan(next);
    const seconds = spanSeconds(next.from, next.to);
    if (seconds) setDuration(typed(seconds));
  };
  const save = (e: Event) => {
    e.preventDefault();
    const d = parseDuration(duration);
    if (!d.ok) return setError(say(d.error));
    return sendEdit(
      () => send('time-entries/update', { id: entry.id, etag: entry.etag, seconds: d.seconds, note }),
      done,
      (err) => setError(messageOf(err)),
    );
  };
  const id = entry.id;
  return (
    <li class="editing">
      <form onSubmit={save}>
        <p class="row times">
          <label for={`edit-from-${id}`}>{t('ranFromField')}</label>
          <input id={`edit-from-${id}`} type="time" value={span.from} onInput={(e) => onTime({ ...span, from: e.currentTarget.value })} />
          <label for={`edit-to-${id}`}>{t('ranToField')}</label>
          <input id={`edit-to-${id}`} type="time" value={span.to} onInput={(e) => onTime({ ...span, to: e.currentTarget.value })} />
        </p>
        <DurationInput id={`edit-duration-${id}`} value={duration} onInput={setDuration} error={error} />
        <label for={`edit-note-${id}`}>{t('descriptionField')}</label>
        <input id={`edit-note-${id}`} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <EditActions cancel={() => done(null)} />
      </form>
    </li>
  );
}
