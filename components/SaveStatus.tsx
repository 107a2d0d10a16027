/** The outcome of a form's save, in its role `status` region: what happened, and a link into Clio once it is there. */
import type { Status } from '@/components/StatusMessage';
import { t } from '@/lib/i18n';

export interface SaveOutcome {
  s: Status;
  link?: string;
}

export function SaveStatus({ status }: { status: SaveOutcome | null }) {
  return (
    <div role="status" class={`status ${status ? `status-${status.s.tone}` : ''}`}>
      {status?.s.text ?? ''}
      {status?.link ? (
        <>
          {' '}
          <a href={status.link} target="_blank" rel="noreferrer">
            {t('openInClio')}
          </a>
        </>
      ) : null}
    </div>
  );
}
