/**
 * The side panel's "Conflict check": a name, an email or a phone (handed over by the `check-conflicts` menu item,
 * or typed), checked against the local matter list, Clio contacts and Grow (conflict-service.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { ConflictResults } from '@/components/ConflictResults';
import { messageOf } from '@/components/error-message';
import type { ConflictResult } from '@/lib/conflicts/conflict-service';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { BusyButton } from '@/components/BusyButton';

export function ConflictCheck({ handed, onClose }: { handed: { query: string; at: number } | null; onClose: () => void }) {
  const [query, setQuery] = useState(handed?.query ?? '');
  const [result, setResult] = useState<ConflictResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const run = async (q: string) => {
    if (!q.trim()) return;
    setBusy(true);
    setError('');
    try {
      setResult(await send('conflicts/check', { query: q }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  // Each menu click runs a check for its selection, also while the panel is open.
  useEffect(() => {
    if (!handed?.query) return;
    setQuery(handed.query);
    void run(handed.query);
  }, [handed?.at]);

  return (
    <section class="conflict-check" aria-labelledby="conflict-h">
      <header class="row">
        <h2 id="conflict-h">{t('conflictCheck')}</h2>
        <button type="button" class="link" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(query);
        }}
      >
        <label for="conflict-q" class="sr-only">
          {t('conflictQueryLabel')}
        </label>
        <input id="conflict-q" value={query} placeholder={t('conflictQueryLabel')} onInput={(e) => setQuery(e.currentTarget.value)} />
        <BusyButton type="submit" busy={busy}>
          {t('checkConflicts')}
        </BusyButton>
      </form>
      {busy ? <p class="hint">{t('conflictChecking')}</p> : null}
      {error ? <p class="problem">{error}</p> : null}
      {result && !busy ? <ConflictResults result={result} /> : null}
    </section>
  );
}
