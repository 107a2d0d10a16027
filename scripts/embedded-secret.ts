/**
 * A build that embeds an app secret (WXT_CLIO_CLIENT_SECRET, WXT_GROW_CLIENT_SECRET) hands it to anyone
 * who has the build: the secret is plain text inside the extension's JavaScript. wxt.config.ts warns on
 * every such build and refuses to zip one for a store unless WXT_ALLOW_EMBEDDED_SECRET=1. Pure.
 */
const SECRET_VARIABLES = ['WXT_CLIO_CLIENT_SECRET', 'WXT_GROW_CLIENT_SECRET'] as const;

export function embeddedSecrets(env: Record<string, string | undefined>): string[] {
  return SECRET_VARIABLES.filter((name) => !!env[name]?.trim());
}

export function embeddedSecretWarning(env: Record<string, string | undefined>): string | null {
  const names = embeddedSecrets(env);
  if (!names.length) return null;
  return (
    `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} built into this extension. Anyone who has this build can read ` +
    `${names.length === 1 ? 'it' : 'them'} in its JavaScript and use the Clio app as the firm. Give such a build only to the firm's own ` +
    'people (a per-firm build), never to a public store; see the README, "Per-firm builds".'
  );
}

/** Why `npm run zip` refuses this build, or null when it may go ahead. */
export function zipRefusal(env: Record<string, string | undefined>): string | null {
  const warning = embeddedSecretWarning(env);
  if (!warning || env.WXT_ALLOW_EMBEDDED_SECRET === '1') return null;
  return `Refusing to zip: ${warning} Set WXT_ALLOW_EMBEDDED_SECRET=1 to zip it anyway.`;
}
