/**
 * Answers the sandbox's consent page over plain HTTP, as a person clicking "Approve" would:
 * for unit tests and benches that run the real OAuth flow outside a browser.
 */
import { MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from './credentials';

export const TEST_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** Opens `authorizeUrl`, submits its form with `decision`, and returns where the server redirected. */
export async function approveOverHttp(authorizeUrl: string, decision: 'approve' | 'decline' = 'approve'): Promise<string> {
  const page = await fetch(authorizeUrl);
  if (!page.ok) throw new Error(`consent page: HTTP ${page.status}`);
  const text = await page.text();
  const form = new URLSearchParams();
  for (const m of text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(
      m[1]!,
      m[2]!
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
  }
  form.set('decision', decision);
  const action = new URL(/<form method="post" action="([^"]+)"/.exec(text)?.[1]?.replace(/&amp;/g, '&') ?? authorizeUrl, authorizeUrl);
  const answered = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
  const location = answered.headers.get('location');
  if (!location) throw new Error(`consent answer: HTTP ${answered.status} without a redirect`);
  return location;
}

/** A Manage access token for the sandbox's first user, through the whole code flow. */
export async function sandboxAccessToken(origin: string): Promise<string> {
  const authorize = new URL(`${origin}/oauth/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', client_id: MANAGE_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI, state: 'test' })) {
    authorize.searchParams.set(k, v);
  }
  const code = new URL(await approveOverHttp(authorize.toString())).searchParams.get('code');
  if (!code) throw new Error('no code');
  const token = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: TEST_REDIRECT_URI,
      client_id: MANAGE_CLIENT_ID,
      client_secret: MANAGE_CLIENT_SECRET,
    }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}
