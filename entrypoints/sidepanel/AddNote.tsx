/**
 * "Add note" in a matter's detail: Subject and Note, saved through `filing/save` (a note alone, one outbox entry)
 * and followed in the outbox's view until it is in Clio; the outcome in a role `status` region. Clio's refusal
 * comes back to the form, which keeps what was typed, and the entry is discarded.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { useFollowed } from '@/components/use-followed';
import { t } from '@/lib/i18n';
import { type MatterRef, matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { outboxViewItem } from '@/lib/outbox/outbox-store';

export function AddNote({ matter, saved }: { matter: MatterRef; saved: () => void }) {
  const [subject, setSubject] = useState('');
  const [detail, setDetail] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  /** The entry being followed; one request id per note (saving the same note twice is one note). */
  const [entryId, setEntryId] = useState<string | null>(null);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const outbox = useFollowed({ entries: outboxViewItem })?.entries;
  const entry = entryId ? outbox?.find((e) => e.id === entryId) : undefined;

  useEffect(() => {
    if (!entry) return;
    if (entry.state === 'sent') {
      setStatus({ tone: 'success', text: t('noteSaved', matterLabel(matter)) });
      setSubject('');
      setDetail('');
      setEntryId(null);
      setRequestId(crypto.randomUUID());
      saved();
    } else if (entry.state === 'failed') {
      setStatus({ tone: 'error', text: entry.lastError?.message ?? t('errorInternal') });
      setEntryId(null);
      void send('outbox/discard', { id: entry.id }).catch(() => undefined);
    } else if (entry.lastError) {
      setStatus({ tone: 'info', text: t('noteWaiting') });
    }
  }, [entry?.state, entry?.lastError?.message]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus({ tone: 'info', text: t('noteSending') });
    try {
      const answer = await send('filing/save', { id: requestId, matter, note: { subject, detail } });
      setEntryId(answer.entries.note ?? null);
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };

  return (
    <form class="card add-note" aria-label={t('addNote')} onSubmit={submit}>
      <label>
        {t('noteSubject')}
        <input value={subject} onInput={(e) => setSubject(e.currentTarget.value)} required maxLength={255} />
      </label>
      <label>
        {t('noteText')}
        <textarea value={detail} rows={4} onInput={(e) => setDetail(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={entryId !== null}>
        {t('saveNote')}
      </button>
      <StatusMessage status={status} />
    </form>
  );
}
