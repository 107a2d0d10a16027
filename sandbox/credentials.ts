/** The demo apps registered on the sandbox. Builds and tests point the extension at these. */
export const MANAGE_CLIENT_ID = 'sandbox-manage-app';
export const MANAGE_CLIENT_SECRET = 'sandbox-manage-secret';
export const GROW_CLIENT_ID = 'sandbox-grow-app';
export const GROW_CLIENT_SECRET = 'sandbox-grow-secret';
/** The firm's legacy Lead Inbox token (Grow → Settings → Integrations). */
export const LEAD_INBOX_TOKEN = 'sandbox-inbox-token';

export type ApiFamily = 'manage' | 'grow';

export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  name: string;
  family: ApiFamily;
}

export const APPS: readonly RegisteredApp[] = [
  { clientId: MANAGE_CLIENT_ID, clientSecret: MANAGE_CLIENT_SECRET, name: 'Clio Companion (sandbox)', family: 'manage' },
  { clientId: GROW_CLIENT_ID, clientSecret: GROW_CLIENT_SECRET, name: 'Clio Companion Grow (sandbox)', family: 'grow' },
];

export function findApp(clientId: string | null | undefined, family: ApiFamily): RegisteredApp | undefined {
  return APPS.find((a) => a.clientId === clientId && a.family === family);
}

/**
 * Redirect URIs the demo apps count as registered: any browser-extension identity redirect.
 * Chrome: https://<32 chars a-p>.chromiumapp.org/…; Firefox: https://<hex>.extensions.allizom.org/…
 * and the loopback http://127.0.0.1/mozoauth2/….
 */
export function isRegisteredRedirect(uri: string | null | undefined): boolean {
  if (!uri) return false;
  return (
    /^https:\/\/[a-p]{32}\.chromiumapp\.org\/[^\s]*$/.test(uri) ||
    /^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/[^\s]*$/.test(uri) ||
    /^http:\/\/127\.0\.0\.1(:\d+)?\/mozoauth2\/[^\s]*$/.test(uri)
  );
}
