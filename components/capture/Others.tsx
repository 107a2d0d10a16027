import { t } from '@/lib/i18n';
import { sourceKey, type Choice } from './model';

/** The other candidates for a field ("Other: …"), each with where it was found. */
export function Others({ id, choices, onPick }: { id: string; choices: Choice[]; onPick: (c: Choice) => void }) {
  if (!choices.length) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset's legend and border would fight the dialog's closed styles
    <div class="cl-others" role="group" aria-labelledby={id}>
      <span id={id}>{t('captureOther')}</span>
      <ul>
        {choices.map((c) => (
          <li key={c.text + c.source}>
            <button type="button" class="cl-choice" onClick={() => onPick(c)}>
              {c.text} <span class="cl-from">· {t(sourceKey(c.source))}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
