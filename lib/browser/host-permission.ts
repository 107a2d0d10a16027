/**
 * Whether the browser lets the extension reach a URL's origin (a host permission, required or granted), asked as
 * the manifest names hosts: Firefox's match patterns take no port, so there a host with one is asked for by its
 * host alone (lib/auth/regions.ts does the same for the permissions it declares).
 */
import { browser } from 'wxt/browser';

export function originPattern(url: string, firefox = !!import.meta.env.FIREFOX): string {
  const u = new URL(url);
  return firefox && u.port ? `${u.protocol}//${u.hostname}/*` : `${u.origin}/*`;
}

export async function mayReach(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}
