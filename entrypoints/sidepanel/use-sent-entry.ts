/**
 * A form's entry followed in the outbox's view until it is in Clio: `sent` with Clio's answer, `failed` with Clio's
 * words (the entry is then discarded: the form still holds the input), or still waiting (`waiting`, after a failed
 * attempt). One request id per submission: the same submission twice is one entry.
 */
import { useEffect, useState } from 'preact/hooks';
import { useFollowed } from '@/components/use-followed';
import { send } from '@/lib/messaging/send';
import { outboxViewItem } from '@/lib/outbox/outbox-store';

export interface SentEntryEvents {
  sent: (result: unknown) => void;
  failed: (message: string) => void;
  /** Not in Clio yet after a failed attempt; `message` is what that attempt met. */
  waiting: (message: string) => void;
}

export function useSentEntry(on: SentEntryEvents) {
  const [entryId, setEntryId] = useState<string | null>(null);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const outbox = useFollowed({ entries: outboxViewItem })?.entries;
  const entry = entryId ? outbox?.find((e) => e.id === entryId) : undefined;
  useEffect(() => {
    if (!entry) return;
    if (entry.state === 'sent') {
      setEntryId(null);
      setRequestId(crypto.randomUUID());
      on.sent(entry.result);
    } else if (entry.state === 'failed') {
      setEntryId(null);
      on.failed(entry.lastError?.message ?? '');
      void send('outbox/discard', { id: entry.id }).catch(() => undefined);
    } else if (entry.lastError) {
      on.waiting(entry.lastError.message);
    }
  }, [entry?.state, entry?.lastError?.message]);
  return { requestId, busy: entryId !== null, follow: (id: string | null) => setEntryId(id) };
}
