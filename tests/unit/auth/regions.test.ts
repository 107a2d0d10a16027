import { describe, expect, it } from 'vitest';
import { hostPermissionsFor, hostsFor, originsFor } from '@/lib/auth/regions';

describe('host permissions by region', () => {
  it('one region asks only for its own hosts', () => {
    expect(originsFor(hostsFor('CA'))).toEqual([
      'https://ca.app.clio.com/*',
      'https://ca.api.clio.com/*',
      'https://ca.auth.api.clio.com/*',
      'https://ca.grow.clio.com/*',
    ]);
  });

  it('a build for Clio offers all four regions (optionally); a build for one server holds only it', () => {
    expect(hostPermissionsFor()).toHaveLength(16);
    expect(hostPermissionsFor('http://127.0.0.1:4010')).toEqual(['http://127.0.0.1:4010/*']);
  });
});
