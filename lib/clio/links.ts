/** Links into Clio's web app. */
import type { ClioHosts } from '../auth/regions';

export const matterUrl = (hosts: ClioHosts, matterId: number) => `${hosts.manage}/nc/#/matters/${matterId}`;
export const growInboxUrl = (hosts: ClioHosts) => `${hosts.growWeb}/inbox`;
/**
 * A matter's tab in Clio's web app (its notes, communications or documents). The path follows `matterUrl`'s; the
 * tab names are Clio's own words for them, not verified against a live account.
 */
export const matterTabUrl = (hosts: ClioHosts, matterId: number, tab: 'notes' | 'communications' | 'documents') => `${matterUrl(hosts, matterId)}/${tab}`;
