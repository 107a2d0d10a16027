/**
 * One of a matter's sections (Notes, Communications, Documents): a region that loads its 5 newest from Clio only
 * when opened (opening a matter's detail costs no request more), again when `version` changes while open.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import type { RecentFiled, RecentKind } from '@/lib/filing/filing-service';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';

const TITLES = { notes: 'sectionNotes', communications: 'sectionCommunications', documents: 'sectionDocuments' } as const;

export function FiledSection({ matterId, kind, version = 0 }: { matterId: number; kind: RecentKind; version?: number }) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<RecentFiled | null>(null);
  const [error, setError] = useState('');
  const title = t(TITLES[kind]);

  useEffect(() => {
    setOpen(false);
    setShown(null);
  }, [matterId]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setError('');
    void send('filing/recent', { matterId, kind }).then(
      (r) => current && setShown(r),
      (e) => current && setError(messageOf(e)),
    );
    return () => void (current = false);
  }, [open, matterId, kind, version]);

  const id = `section-${kind}`;
  return (
    <section class="filed" aria-labelledby={id}>
      <h2>
        <button type="button" id={id} class="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span class="caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>{' '}
          {title}
        </button>
      </h2>
      {open ? (
        <div class="filed-body">
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
        </div>
      ) : null}
    </section>
  );
}
