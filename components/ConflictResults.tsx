/**
 * A conflict check's outcome (lib/conflicts/conflict-service.ts), for the side panel and the capture dialog: each
 * hit with its source (Matters, Clio contacts, Grow) and how it matched, the matters it is part of and in what
 * role, what was not checked and why, and "Copy as text" for the intake record. Text only, never HTML.
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ConflictHit, ConflictResult } from '@/lib/conflicts/conflict-service';
import type { HowMatched } from '@/lib/conflicts/name-match';
import type { MessageKey } from '@/lib/i18n-keys.generated';
import { dayTimeIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';

const SOURCE: Record<ConflictHit['source'], MessageKey> = { matters: 'conflictSourceMatters', clio: 'conflictSourceClio', grow: 'conflictSourceGrow' };
const HOW: Record<HowMatched, MessageKey> = {
  'exact email': 'conflictHowExactEmail',
  'same phone': 'conflictHowSamePhone',
  'exact name': 'conflictHowExactName',
  'similar name': 'conflictHowSimilarName',
};

/** What was not checked, and why. */
function notes(r: ConflictResult): string[] {
  return [
    r.grow === 'not-connected' ? t('conflictGrowNotConnected') : r.grow === 'failed' ? t('conflictGrowFailed') : '',
    r.clio === 'failed' ? t('conflictClioFailed') : '',
    r.indexPartial ? t('conflictIndexPartial') : '',
  ].filter(Boolean);
}

/** The check as plain text, for an intake record. */
export function conflictText(r: ConflictResult, at = new Date()): string {
  const lines = [`${t('conflictTextHeader', r.query)} — ${dayTimeIn(at.getTime(), uiLocale())}`];
  if (!r.hits.length) lines.push(t('conflictNone', r.query));
  for (const h of r.hits) {
    lines.push(`• ${t(SOURCE[h.source])}: ${h.name}${h.detail ? ` <${h.detail}>` : ''} (${t(HOW[h.how])})`);
    for (const m of h.matters) lines.push(`    – ${m.displayNumber} ${m.description} [${m.role || t('conflictAsClient')}]`);
  }
  lines.push(...notes(r));
  return lines.join('\n');
}

export function ConflictResults({ result }: { result: ConflictResult }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="conflicts">
      {result.hits.length ? (
        <ul class="conflict-hits" aria-label={t('conflictCheck')}>
          {result.hits.map((h, i) => (
            <li key={`${h.source}-${i}`}>
              <span class={`conflict-source source-${h.source}`}>{t(SOURCE[h.source])}</span> <strong>{h.name}</strong>
              {h.detail ? <span class="conflict-detail"> {h.detail}</span> : null}
              <span class="conflict-how"> · {t(HOW[h.how])}</span>
              {h.matters.length ? (
                <ul class="conflict-matters">
                  {h.matters.map((m) => (
                    <li key={m.id}>
                      <span class="num">{m.displayNumber}</span> {m.description} <span class="conflict-role">({m.role || t('conflictAsClient')})</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('conflictNone', result.query)}</p>
      )}
      {notes(result).map((n) => (
        <p key={n} class="hint">
          {n}
        </p>
      ))}
      <p>
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(conflictText(result)).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('copyAsText')}
        </button>{' '}
        {copied ? <span role="status">{t('copiedText')}</span> : null}
      </p>
    </div>
  );
}
