/** "Personal injury": which practice areas the firm marks as personal injury (settings' `injuryPracticeAreas`). */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { injuryAreasOf } from '@/lib/injury/injury-area';
import { type Settings, settingsItem } from '@/lib/settings/settings-item';

export function InjurySection({ settings }: { settings: Settings }) {
  const [text, setText] = useState((settings.injuryPracticeAreas ?? []).join('\n'));
  return (
    <section aria-labelledby="injury-h">
      <h3 id="injury-h">{t('injuryHeading')}</h3>
      <label for="injury-areas">{t('injuryAreasField')}</label>
      <textarea
        id="injury-areas"
        rows={3}
        value={text}
        placeholder={t('injuryAreasDefault')}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={() => void settingsItem.setValue({ ...settings, injuryPracticeAreas: injuryAreasOf(text) })}
      />
      <p class="hint">{t('injuryAreasHint')}</p>
    </section>
  );
}
