/**
 * "Remembered per site", the pure part: the matter last used on a site is offered first the next time. A site
 * is the page's origin plus the first segment of its path ("https://mail.example.com/mail"), which the person
 * sees and can forget (one, or all). Kept in suggestion-items.ts.
 */
import type { MatterRef } from '../matter-ref';

export interface RememberedMatter {
  matter: MatterRef;
  at: number;
}

/** How many sites are remembered (the oldest are forgotten first). */
export const SITES_KEPT = 200;

/** The site of a page address: origin and the first path segment; null for what is not a web page. */
export function siteOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const first = u.pathname.split('/').find(Boolean);
  return first ? `${u.origin}/${first}` : u.origin;
}

/** `all` with `matter` remembered for `site` (newest kept, at most SITES_KEPT). */
export function remember(all: Record<string, RememberedMatter>, site: string, matter: MatterRef, now: number): Record<string, RememberedMatter> {
  const next = {
    ...all,
    [site]: {
      matter: {
        id: matter.id,
        displayNumber: matter.displayNumber,
        description: matter.description,
        ...(matter.clientName ? { clientName: matter.clientName } : {}),
      },
      at: now,
    },
  };
  const sites = Object.keys(next);
  if (sites.length <= SITES_KEPT) return next;
  const oldest = sites.sort((a, b) => next[a]!.at - next[b]!.at).slice(0, sites.length - SITES_KEPT);
  for (const s of oldest) delete next[s];
  return next;
}
