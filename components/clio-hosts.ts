/** Where Clio is for the extension's pages: the chosen region, or the server this build points at. */
import { builtInServer, hostsOf, originsOfThisBuild } from '@/lib/auth/app-config';
import type { ClioHosts } from '@/lib/auth/regions';
import { settingsItem } from '@/lib/settings/settings-item';

/** The Clio-compatible server baked into this build (WXT_CLIO_SERVER), if any. */
export const buildServer = builtInServer();

export async function currentHosts(): Promise<ClioHosts> {
  return hostsOf(await settingsItem.getValue(), { customServer: buildServer });
}

/** The host permissions the chosen region needs. */
export async function currentOrigins(): Promise<string[]> {
  return originsOfThisBuild(await currentHosts());
}
