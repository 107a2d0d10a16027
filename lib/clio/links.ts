/** Links into Clio's web app. */
import type { ClioHosts } from '../auth/regions';

export const matterUrl = (hosts: ClioHosts, matterId: number) => `${hosts.manage}/nc/#/matters/${matterId}`;
export const growInboxUrl = (hosts: ClioHosts) => `${hosts.growWeb}/inbox`;
