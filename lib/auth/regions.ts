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
