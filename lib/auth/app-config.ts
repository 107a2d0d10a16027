/**
 * Which Clio server and which Clio app the extension talks to: the settings a user chose,
 * over the values built in (WXT_CLIO_* build variables).
 */
import { hostsFor, regionsFor, type ClioHosts, type RegionChoice } from './regions';
import type { Settings } from '../storage/items';

export interface BuildConfig {
  customServer?: string;
  manageClientId: string;
  manageClientSecret: string;
}

export interface ManageAppConfig {
  region: RegionChoice;
  hosts: ClioHosts;
  clientId: string;
  clientSecret: string;
}

export function buildConfig(env: Record<string, string | undefined>): BuildConfig {
  const c: BuildConfig = { manageClientId: env.WXT_CLIO_CLIENT_ID ?? '', manageClientSecret: env.WXT_CLIO_CLIENT_SECRET ?? '' };
  const server = env.WXT_CLIO_SERVER?.replace(/\/+$/, '');
  if (server) c.customServer = server;
  return c;
}

export function manageAppConfig(settings: Settings, build: BuildConfig): ManageAppConfig {
  const offered = regionsFor(build.customServer);
  const region = offered.includes(settings.region) ? settings.region : offered[0]!;
  return {
    region,
    hosts: hostsFor(region, build.customServer),
    clientId: settings.manageClientId.trim() || build.manageClientId,
    clientSecret: settings.manageClientSecret.trim() || build.manageClientSecret,
  };
}
