/** The options page's "Region" (Clio app section and the setup's first step): where the firm's Clio account lives. */
import { buildServer } from '@/components/clio-hosts';
import { regionsFor, type RegionChoice } from '@/lib/auth/regions';
import { t } from '@/lib/i18n';
import { settingsItem, type Settings } from '@/lib/settings/settings-item';

const REGION_KEYS = { US: 'regionUS', CA: 'regionCA', EU: 'regionEU', AU: 'regionAU' } as const;

export function RegionPicker({ settings, locked }: { settings: Settings; locked: boolean }) {
  const offered = regionsFor(buildServer);
  const value = offered.includes(settings.region) ? settings.region : offered[0]!;
  return (
    <section aria-labelledby="region-h">
      <h3 id="region-h">{t('regionHeading')}</h3>
      <label for="region">{t('regionField')}</label>
      <select
        id="region"
        value={value}
        disabled={locked}
        onChange={(e) => void settingsItem.setValue({ ...settings, region: (e.currentTarget as HTMLSelectElement).value as RegionChoice })}
      >
        {offered.map((r) => (
          <option value={r} key={r}>
            {r === 'custom' ? t('regionCustom', buildServer ?? '') : t(REGION_KEYS[r])}
          </option>
        ))}
      </select>
      {locked ? <p class="hint">{t('regionLocked')}</p> : null}
    </section>
  );
}
