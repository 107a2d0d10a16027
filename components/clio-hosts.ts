/** Where Clio is for the extension's pages: the chosen region, or the server this build points at. */
import { hostsFor, regionsFor, type ClioHosts } from '@/lib/auth/regions';
import { settingsItem } from '@/lib/settings/settings-item';

/** The Clio-compatible server baked into this build (WXT_CLIO_SERVER), if any. */
export const buildServer = import.meta.env.WXT_CLIO_SERVER as string | undefined;

export async function currentHosts(): Promise<ClioHosts> {
  const offered = regionsFor(buildServer);
  const { region } = await settingsItem.getValue();
  return hostsFor(offered.includes(region) ? region : offered[0]!, buildServer);
}
