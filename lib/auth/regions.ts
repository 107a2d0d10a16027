/**
 * Where Clio lives: the hosts of each region, or of a Clio-compatible server given at build time.
 * Pure: no browser API, so wxt.config.ts and the tests can use it too.
 */
export const REGIONS = ['US', 'CA', 'EU', 'AU'] as const;
export type ClioRegion = (typeof REGIONS)[number];
/** A region, or the custom server baked into the build with WXT_CLIO_SERVER. */
export type RegionChoice = ClioRegion | 'custom';

export interface ClioHosts {
  /** Manage API and Manage OAuth origin. */
  manage: string;
  /** Base of the Manage API, `…/api/v4`. */
  manageApi: string;
  /** Grow (Platform) API base, e.g. `https://api.clio.com/grow`. */
  growApi: string;
  /** Grow (Platform) OAuth base: `{growOAuth}/oauth/authorize`. */
  growOAuth: string;
  /** The legacy Lead Inbox endpoint. */
  legacyLeadInbox: string;
  /** Grow's web app, where the inbox is. */
  growWeb: string;
}

const PREFIX: Record<ClioRegion, string> = { US: '', CA: 'ca.', EU: 'eu.', AU: 'au.' };

export function hostsFor(region: RegionChoice, customServer?: string): ClioHosts {
  if (region === 'custom') {
    if (!customServer) throw new Error('This build has no custom Clio server.');
    const o = customServer.replace(/\/+$/, '');
    return {
      manage: o,
      manageApi: `${o}/api/v4`,
      growApi: `${o}/grow`,
      growOAuth: `${o}/grow`,
      legacyLeadInbox: `${o}/inbox_leads`,
      growWeb: `${o}/grow/web`,
    };
  }
  const p = PREFIX[region];
  return {
    manage: `https://${p}app.clio.com`,
    manageApi: `https://${p}app.clio.com/api/v4`,
    growApi: `https://${p}api.clio.com/grow`,
    growOAuth: `https://${p}auth.api.clio.com`,
    legacyLeadInbox: `https://${p}grow.clio.com/inbox_leads`,
    growWeb: `https://${p}grow.clio.com`,
  };
}

/** The regions a build offers: the custom server alone when one is set, else the four Clio regions. */
export function regionsFor(customServer?: string): RegionChoice[] {
  return customServer ? ['custom'] : [...REGIONS];
}

/**
 * The host permissions (match patterns) one region's Clio needs: Manage, Grow's API and OAuth, the legacy Lead
 * Inbox. Firefox's match patterns take no port: a pattern with one matches nothing there (no host permission, no
 * injection, no tab URLs), so for Firefox a server with a port is asked for by its host alone (every port of it).
 */
export function originsFor(h: ClioHosts, browser: 'chrome' | 'firefox' = 'chrome'): string[] {
  return [
    ...new Set(
      [h.manage, h.growApi, h.growOAuth, h.legacyLeadInbox].map((url) => {
        const u = new URL(url);
        return browser === 'firefox' && u.port ? `${u.protocol}//${u.hostname}/*` : `${u.origin}/*`;
      }),
    ),
  ];
}

/** Host permissions for the regions a build offers (required for a custom server, optional for Clio's regions). */
export function hostPermissionsFor(customServer?: string, browser: 'chrome' | 'firefox' = 'chrome'): string[] {
  return [...new Set(regionsFor(customServer).flatMap((r) => originsFor(hostsFor(r, customServer), browser)))];
}

/**
 * Where document bytes go (a version's `put_url`) for each Clio region. Clio does not document its storage host;
 * these are S3 match patterns for the region's AWS region, NOT verified against real Clio: a put_url elsewhere is
 * refused for lack of permission (the outbox entry waits and names the origin to allow), and the list is corrected
 * here, or overridden per build with WXT_CLIO_UPLOAD_ORIGINS.
 */
export const REGION_UPLOAD_ORIGINS: Record<ClioRegion, string[]> = {
  US: ['https://*.s3.amazonaws.com/*', 'https://*.s3.us-east-1.amazonaws.com/*'],
  CA: ['https://*.s3.ca-central-1.amazonaws.com/*'],
  EU: ['https://*.s3.eu-west-1.amazonaws.com/*'],
  AU: ['https://*.s3.ap-southeast-2.amazonaws.com/*'],
};

/** WXT_CLIO_UPLOAD_ORIGINS: comma-separated origins, as match patterns (`<origin>/*`). */
export function parseUploadOrigins(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/\*?$/, ''))
    .filter((s) => s !== '')
    .map((s) => `${new URL(s).origin}/*`);
}

/**
 * The match patterns document uploads need: WXT_CLIO_UPLOAD_ORIGINS when set; else, for a custom server, its own
 * origin; else the region's (all four regions' for the manifest: `region` undefined). Firefox's patterns take no port.
 */
export function uploadPermissionsFor(
  customServer: string | undefined,
  uploadOrigins: string | undefined,
  region?: ClioRegion,
  browser: 'chrome' | 'firefox' = 'chrome',
): string[] {
  const given = parseUploadOrigins(uploadOrigins);
  const patterns = given.length
    ? given
    : customServer
      ? [`${new URL(customServer).origin}/*`]
      : region
        ? REGION_UPLOAD_ORIGINS[region]
        : REGIONS.flatMap((r) => REGION_UPLOAD_ORIGINS[r]);
  return [
    ...new Set(
      patterns.map((p) => {
        const m = /^(https?:\/\/)([^/:]+)(:\d+)?\/\*$/.exec(p);
        return browser === 'firefox' && m?.[3] ? `${m[1]}${m[2]}/*` : p;
      }),
    ),
  ];
}
