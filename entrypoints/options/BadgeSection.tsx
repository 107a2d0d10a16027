/** "Toolbar badge": whether a running timer shows as H:MM or in tenths of an hour (settings' `badgeFormat`). */
import { t } from '@/lib/i18n';
import { type BadgeFormat, type Settings, settingsItem } from '@/lib/settings/settings-item';

export function BadgeSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="badge-h">
      <h3 id="badge-h">{t('badgeHeading')}</h3>
      <label for="badge-format">{t('badgeFormatField')}</label>
      <select
        id="badge-format"
        value={settings.badgeFormat ?? 'clock'}
        onChange={(e) => void settingsItem.setValue({ ...settings, badgeFormat: (e.currentTarget as HTMLSelectElement).value as BadgeFormat })}
      >
        <option value="clock">{t('badgeFormatClock')}</option>
        <option value="hours">{t('badgeFormatHours')}</option>
      </select>
    </section>
  );
}
