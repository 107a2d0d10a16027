import { describe, expect, it } from 'vitest';
import { hostPermissionsFor, REGION_UPLOAD_ORIGINS, REGIONS, uploadPermissionsFor } from '@/lib/auth/regions';

describe('host permissions in the manifest', () => {
  it('Chrome and Edge: the custom server’s origin, port included', () => {
    expect(hostPermissionsFor('http://127.0.0.1:4012')).toEqual(['http://127.0.0.1:4012/*']);
  });
  it('Firefox: a server with a port by its host alone (Firefox’s match patterns take no port; one with a port matches nothing)', () => {
    expect(hostPermissionsFor('http://127.0.0.1:4012', 'firefox')).toEqual(['http://127.0.0.1/*']);
    expect(hostPermissionsFor('https://clio.firm.example:8443', 'firefox')).toEqual(['https://clio.firm.example/*']);
  });
  it('real Clio has no ports: the same patterns in both browsers', () => {
    expect(hostPermissionsFor(undefined, 'firefox')).toEqual(hostPermissionsFor(undefined));
    expect(hostPermissionsFor(undefined).every((p) => /^https:\/\/[^/:]+\/\*$/.test(p))).toBe(true);
  });
});

describe('upload host permissions (WXT_CLIO_UPLOAD_ORIGINS)', () => {
  it('given: those origins, as patterns (Firefox: without the port)', () => {
    expect(uploadPermissionsFor('http://127.0.0.1:4012', 'http://127.0.0.2:4012, https://up.example/')).toEqual([
      'http://127.0.0.2:4012/*',
      'https://up.example/*',
    ]);
    expect(uploadPermissionsFor('http://127.0.0.1:4012', 'http://127.0.0.2:4012', undefined, 'firefox')).toEqual(['http://127.0.0.2/*']);
  });
  it('unset with a custom server: that server’s own origin', () => {
    expect(uploadPermissionsFor('http://127.0.0.1:4012', undefined)).toEqual(['http://127.0.0.1:4012/*']);
  });
  it('unset for Clio: each region’s hosts, one region’s alone when asked', () => {
    expect(uploadPermissionsFor(undefined, undefined, 'EU')).toEqual(REGION_UPLOAD_ORIGINS.EU);
    expect(uploadPermissionsFor(undefined, undefined)).toEqual(REGIONS.flatMap((r) => REGION_UPLOAD_ORIGINS[r]));
    expect(uploadPermissionsFor(undefined, undefined).includes('<all_urls>')).toBe(false);
  });
});
