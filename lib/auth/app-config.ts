/**
 * Which Clio server and which Clio apps the extension talks to: the settings a user chose,
 * over the values built in (WXT_CLIO_* and WXT_GROW_* build variables).
 */
import { hostsFor, regionsFor, type ClioHosts, type RegionChoice, originsFor, uploadPermissionsFor } from './regions';
import type { Settings } from '../settings/settings-item';

export interface BuildConfig {
  customServer?: string;
  manageClientId: string;
  manageClientSecret: string;
  growClientId: string;
  growClientSecret: string;
}

/** One OAuth 2.0 app at one authorization server: everything a session needs to sign in, refresh and revoke. */
export interface OAuthApp {
  /** Which API this is for; also names the tokens in the vault. */
  kind: 'manage' | 'grow';
  /** Tokens are bound to this: tokens of another region or server are not used. */
  origin: string;
  authorizeEndpoint: string;
  tokenEndpoint: string;
  revokeEndpoint: string;
  /** Manage: Bearer header plus `token`; Grow: `token` with the client credentials. */
  revokeStyle: 'bearer' | 'client-credentials';
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** Use PKCE (S256). */
  pkce: boolean;
}

/** The Grow scopes the extension needs: write leads, look up contacts, know who is connected. */
export const GROW_SCOPES = 'grow_lead_inbox_write grow_contact_read grow_user_read';

export function buildConfig(env: Record<string, string | undefined>): BuildConfig {
  const c: BuildConfig = {
    manageClientId: env.WXT_CLIO_CLIENT_ID ?? '',
    manageClientSecret: env.WXT_CLIO_CLIENT_SECRET ?? '',
    growClientId: env.WXT_GROW_CLIENT_ID ?? '',
    growClientSecret: env.WXT_GROW_CLIENT_SECRET ?? '',
  };
  const server = env.WXT_CLIO_SERVER?.replace(/\/+$/, '');
  if (server) c.customServer = server;
  return c;
}

/** The Clio-compatible server this build points at (WXT_CLIO_SERVER), if any: all a page needs to know where Clio is. */
export function builtInServer(): string | undefined {
  return import.meta.env.WXT_CLIO_SERVER?.replace(/\/+$/, '') || undefined;
}

/** This build carries the Manage app's key (WXT_CLIO_CLIENT_ID; its secret comes with it): no app to enter. The key is no secret. */
export const hasBuiltInApp = (): boolean => !!import.meta.env.WXT_CLIO_CLIENT_ID?.trim();

/** The host permissions one region's hosts need in the browser this build is for (Firefox's patterns take no port). */
export const originsOfThisBuild = (h: ClioHosts): string[] => originsFor(h, import.meta.env.FIREFOX ? 'firefox' : 'chrome');

/**
 * The host permissions document uploads need in this build, for the chosen region: held already by a build for one
 * server; for Clio, optional ones the "Save to Clio" dialog asks for on the user's click (before the put_url is known).
 */
export function uploadPermissionsOfThisBuild(region: RegionChoice): string[] {
  return uploadPermissionsFor(
    builtInServer(),
    import.meta.env.WXT_CLIO_UPLOAD_ORIGINS,
    region === 'custom' ? undefined : region,
    import.meta.env.FIREFOX ? 'firefox' : 'chrome',
  );
}

/** What this build carries (the WXT_* build variables), read once where the build's environment is. */
export function builtInConfig(): BuildConfig {
  return buildConfig({
    WXT_CLIO_SERVER: import.meta.env.WXT_CLIO_SERVER,
    WXT_CLIO_CLIENT_ID: import.meta.env.WXT_CLIO_CLIENT_ID,
    WXT_CLIO_CLIENT_SECRET: import.meta.env.WXT_CLIO_CLIENT_SECRET,
    WXT_GROW_CLIENT_ID: import.meta.env.WXT_GROW_CLIENT_ID,
    WXT_GROW_CLIENT_SECRET: import.meta.env.WXT_GROW_CLIENT_SECRET,
  });
}

export function chosenRegion(settings: Settings, build: Pick<BuildConfig, 'customServer'>): RegionChoice {
  const offered = regionsFor(build.customServer);
  return offered.includes(settings.region) ? settings.region : offered[0]!;
}

export function hostsOf(settings: Settings, build: Pick<BuildConfig, 'customServer'>): ClioHosts {
  return hostsFor(chosenRegion(settings, build), build.customServer);
}

/** App secrets the user entered on the options page (kept in the background's vault, not in storage.local). */
export interface AppSecrets {
  manage?: string;
  grow?: string;
}
/** Where the app secrets sit in the vault. */
export const APP_SECRETS_KEY = 'app-secrets';

export function manageApp(settings: Settings, build: BuildConfig, secrets: AppSecrets = {}): OAuthApp {
  const hosts = hostsOf(settings, build);
  return {
    kind: 'manage',
    origin: hosts.manage,
    authorizeEndpoint: `${hosts.manage}/oauth/authorize`,
    tokenEndpoint: `${hosts.manage}/oauth/token`,
    revokeEndpoint: `${hosts.manage}/oauth/deauthorize`,
    revokeStyle: 'bearer',
    clientId: settings.manageClientId.trim() || build.manageClientId,
    clientSecret: secrets.manage?.trim() || build.manageClientSecret,
    pkce: false,
  };
}

export function growApp(settings: Settings, build: BuildConfig, secrets: AppSecrets = {}): OAuthApp {
  const hosts = hostsOf(settings, build);
  return {
    kind: 'grow',
    origin: hosts.growOAuth,
    authorizeEndpoint: `${hosts.growOAuth}/oauth/authorize`,
    tokenEndpoint: `${hosts.growOAuth}/oauth/token`,
    revokeEndpoint: `${hosts.growOAuth}/oauth/revoke`,
    revokeStyle: 'client-credentials',
    clientId: settings.growClientId.trim() || build.growClientId,
    clientSecret: secrets.grow?.trim() || build.growClientSecret,
    scope: GROW_SCOPES,
    pkce: true,
  };
}
