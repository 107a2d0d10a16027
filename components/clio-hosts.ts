/** Where Clio is for the extension's pages: the chosen region, or the server this build points at. */
import { builtInServer, hostsOf, originsOfThisBuild } from '@/lib/auth/app-config';
import type { ClioHosts } from '@/lib/auth/regions';
import { settingsItem } from '@/lib/settings/settings-item';
import { getValues } from '@/lib/storage/item';

/** The Clio-compatible server baked into this build (WXT_CLIO_SERVER), if any. */
export const buildServer = builtInServer();

/**
 * Read through the surfaces' copy in `storage.session` (`getValues`): a dialog's frame over a web page is a
 * third-party context whose IndexedDB is the page's partition, where the item itself reads as its fallback.
 */
export async function currentHosts(): Promise<ClioHosts> {
  const { settings } = await getValues({ settings: settingsItem });
  return hostsOf(settings, { customServer: buildServer });
}

/** The host permissions the chosen region needs. */
export async function currentOrigins(): Promise<string[]> {
  return originsOfThisBuild(await currentHosts());
}
