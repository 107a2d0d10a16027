import { describe, expect, it } from 'vitest';
import { embeddedSecrets, embeddedSecretWarning, zipRefusal } from '@/scripts/embedded-secret';

describe('a build with an app secret built in', () => {
  it('names the secrets built in, and none when there are none', () => {
    expect(embeddedSecrets({})).toEqual([]);
    expect(embeddedSecrets({ WXT_CLIO_CLIENT_SECRET: '  ', WXT_CLIO_CLIENT_ID: 'id' })).toEqual([]);
    expect(embeddedSecrets({ WXT_CLIO_CLIENT_SECRET: 's', WXT_GROW_CLIENT_SECRET: 'g' })).toEqual(['WXT_CLIO_CLIENT_SECRET', 'WXT_GROW_CLIENT_SECRET']);
  });

  it('warns that anyone with the build can read it', () => {
    expect(embeddedSecretWarning({})).toBeNull();
    expect(embeddedSecretWarning({ WXT_CLIO_CLIENT_SECRET: 's' })).toMatch(
      /WXT_CLIO_CLIENT_SECRET is built into this extension\. Anyone who has this build can read it/,
    );
  });

  it('refuses to zip unless WXT_ALLOW_EMBEDDED_SECRET=1', () => {
    expect(zipRefusal({})).toBeNull();
    expect(zipRefusal({ WXT_GROW_CLIENT_SECRET: 'g' })).toMatch(/^Refusing to zip: .*WXT_ALLOW_EMBEDDED_SECRET=1/);
    expect(zipRefusal({ WXT_GROW_CLIENT_SECRET: 'g', WXT_ALLOW_EMBEDDED_SECRET: '1' })).toBeNull();
  });
});
