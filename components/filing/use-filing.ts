/**
 * What became of one "Save to Clio": the outbox entries `filing/save` made, asked of the background
 * (`filing/progress`) every half second until each is sent or refused (a frame over a page does not hear storage
 * changes in Firefox), each as a line: sent, on its way (with the upload's progress), waiting (offline, or for a
 * permission), or refused with Clio's reason.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FilingAnswer } from '@/lib/filing/filing-request';
import type { FilingProgress } from '@/lib/filing/filing-service';
import { t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';

const ASK_EVERY_MS = 500;

export interface FilingLine {
  text: string;
  link?: string;
}

export interface FilingOutcome {
  tone: 'info' | 'success' | 'error';
  lines: FilingLine[];
  /** The document's upload, 0–1, while it goes. */
  progress?: number;
  /** Every part is sent (or was already there). */
  finished: boolean;
}

const PART_WORDS = { document: 'partDocument', communication: 'partCommunication', note: 'partNote' } as const;

export function useFiling(matterLink: (id: number) => string = () => '') {
  const [answer, setAnswer] = useState<FilingAnswer | null>(null);
  const [matter, setMatter] = useState<MatterRef | null>(null);
  const [seen, setSeen] = useState<FilingProgress | null>(null);
  const ids = answer ? Object.values(answer.entries) : [];
  const settled = (p: FilingProgress | null) =>
    p !== null && ids.every((id) => p.entries.some((e) => e.id === id && (e.state === 'sent' || e.state === 'failed')));
  useEffect(() => {
    if (!ids.length || settled(seen)) return;
    const timer = setTimeout(
      () => void send('filing/progress', { entries: ids }).then(setSeen, () => setSeen((s) => (s ? { ...s } : { entries: [], uploads: {} }))),
      seen ? ASK_EVERY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [answer, seen]);
  let outcome: FilingOutcome | null = null;
  if (answer) {
    const lines: FilingLine[] = [];
    let tone: FilingOutcome['tone'] = 'success';
    let progress: number | undefined;
    let finished = true;
    const link = matter ? matterLink(matter.id) : '';
    if (answer.alreadyFiled) lines.push({ text: t('alreadyFiled', answer.alreadyFiled.name), ...(link ? { link } : {}) });
    for (const [part, entryId] of Object.entries(answer.entries) as Array<[keyof typeof PART_WORDS, string]>) {
      const what = t(PART_WORDS[part]);
      const entry: OutboxEntry | undefined = seen?.entries.find((e) => e.id === entryId);
      if (!entry || entry.state === 'pending' || entry.state === 'sending' || entry.state === 'uncertain') {
        finished = false;
        if (tone === 'success') tone = 'info';
        const p = seen?.uploads[entryId];
        if (part === 'document' && p && p.total > 0) progress = p.sent / p.total;
        lines.push({ text: entry?.lastError ? t('partWaiting', what, entry.lastError.message) : t('partSending', what) });
      } else if (entry.state === 'failed') {
        tone = 'error';
        lines.push({ text: t('partRefused', what, entry.lastError?.message ?? '') });
      } else lines.push({ text: t('partSaved', what), ...(link ? { link } : {}) });
    }
    outcome = { tone, lines, ...(progress !== undefined ? { progress } : {}), finished };
  }
  return {
    outcome,
    follow(a: FilingAnswer, m: MatterRef) {
      setMatter(m);
      setAnswer(a);
    },
  };
}
