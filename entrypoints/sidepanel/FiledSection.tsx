/**
 * One of a matter's sections (Notes, Communications, Documents): a region (LazySection.tsx) that loads its 5 newest
 * from Clio only when opened (opening a matter's detail costs no request more), again when `version` changes while open.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import type { RecentFiled, RecentKind } from '@/lib/filing/filing-service';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { LazySection } from './LazySection';

const TITLES = { notes: 'sectionNotes', communications: 'sectionCommunications', documents: 'sectionDocuments' } as const;

function FiledList({ matterId, kind, version }: { matterId: number; kind: RecentKind; version: number }) {
  const [shown, setShown] = useState<RecentFiled | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    setError('');
    void send('filing/recent', { matterId, kind }).then(
      (r) => current && setShown(r),
      (e) => current && setError(messageOf(e)),
    );
    return () => void (current = false);
  }, [matterId, kind, version]);

  return (
    <>
      {error ? <p class="status status-error">{error}</p> : null}
      {!shown && !error ? <p class="hint">{t('loading')}</p> : null}
      {shown?.items.length === 0 ? <p class="hint">{t('sectionEmpty')}</p> : null}
      {shown?.items.length ? (
        <ul class="recent">
          {shown.items.map((item) => (
            <li key={item.id}>
              <span class="date">{item.date}</span>{' '}
              <a href={item.url} target="_blank" rel="noreferrer">
                {item.title}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {shown ? (
        <a href={shown.more} target="_blank" rel="noreferrer">
          {t('sectionAllInClio')}
        </a>
      ) : null}
    </>
  );
}

export function FiledSection({ matterId, kind, version = 0 }: { matterId: number; kind: RecentKind; version?: number }) {
  return (
    <LazySection id={`section-${kind}`} title={t(TITLES[kind])} matterId={matterId}>
      {() => <FiledList matterId={matterId} kind={kind} version={version} />}
    </LazySection>
  );
}
