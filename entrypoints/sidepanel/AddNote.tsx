/**
 * "Add note" in a matter's detail: Subject and Note, saved through `filing/save` (a note alone, one outbox entry)
 * and followed in the outbox's view until it is in Clio; the outcome in a role `status` region. Clio's refusal
 * comes back to the form, which keeps what was typed, and the entry is discarded.
 */
import { useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { t } from '@/lib/i18n';
import { type MatterRef, matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { useSentEntry } from './use-sent-entry';
import { BusyButton } from '@/components/BusyButton';

export function AddNote({ matter, saved }: { matter: MatterRef; saved: () => void }) {
  const [subject, setSubject] = useState('');
  const [detail, setDetail] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const { requestId, busy, follow } = useSentEntry({
    sent: () => {
      setStatus({ tone: 'success', text: t('noteSaved', matterLabel(matter)) });
      setSubject('');
      setDetail('');
      saved();
    },
    failed: (message) => setStatus({ tone: 'error', text: message || t('errorInternal') }),
    waiting: () => setStatus({ tone: 'info', text: t('noteWaiting') }),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus({ tone: 'info', text: t('noteSending') });
    try {
      const answer = await send('filing/save', { id: requestId, matter, note: { subject, detail } });
      follow(answer.entries.note ?? null);
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
      <BusyButton type="submit" class="primary" busy={busy}>
        {t('saveNote')}
      </BusyButton>
      <StatusMessage status={status} />
    </form>
  );
}
