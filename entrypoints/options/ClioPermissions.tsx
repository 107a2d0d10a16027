/** The permissions to tick on the firm's app in Clio's developer portal (lib/setup/clio-permissions.ts), as Clio names them. */
import { t } from '@/lib/i18n';
import { CLIO_PERMISSIONS } from '@/lib/setup/clio-permissions';

export function ClioPermissions() {
  const names = (write: boolean) =>
    CLIO_PERMISSIONS.filter((p) => p.write === write)
      .map((p) => p.name)
      .join(', ');
  return (
    <section aria-labelledby="permissions-h" class="permissions">
      <h4 id="permissions-h">{t('appPermissionsHeading')}</h4>
      <dl>
        <dt>{t('appPermissionsWrite')}</dt>
        <dd lang="en">{names(true)}</dd>
        <dt>{t('appPermissionsRead')}</dt>
        <dd lang="en">{names(false)}</dd>
      </dl>
    </section>
  );
}
