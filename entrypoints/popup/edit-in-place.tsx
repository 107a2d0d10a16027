/** What every edit in Today shares (a time entry, an expense): the send, a lost race, the buttons. */
import type { Status } from '@/components/StatusMessage';
import { AppError } from '@/lib/errors';
import { t } from '@/lib/i18n';

/**
 * Sends an edit made with the record's etag. Saved, or changed elsewhere since it was read (Clio's 412: Today reloads
 * and says so), ends the edit through `done`; any other refusal stays at the form (`refused`).
 */
export async function sendEdit(request: () => Promise<unknown>, done: (s: Status | null) => void, refused: (err: unknown) => void): Promise<void> {
  try {
    await request();
    done({ tone: 'success', text: t('saved') });
  } catch (err) {
    if (err instanceof AppError && err.kind === 'conflict') done({ tone: 'error', text: t('entryChangedElsewhere') });
    else refused(err);
  }
}

export function EditActions({ cancel }: { cancel: () => void }) {
  return (
    <p class="row">
      <button type="submit" class="primary">
        {t('saveChanges')}
      </button>
      <button type="button" onClick={cancel}>
        {t('cancel')}
      </button>
    </p>
  );
}
