import { describe, expect, it } from 'vitest';
import { hostPermissionsFor } from '@/lib/auth/regions';

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
