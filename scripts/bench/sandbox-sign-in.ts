/** Signs in to a sandbox over plain HTTP, as the approve page would, for benches that run outside a browser. */
import { MANAGE_CLIENT_ID, MANAGE_CLIENT_SECRET } from '../../sandbox/credentials';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export async function sandboxAccessToken(origin: string): Promise<string> {
  const authorize = new URL(`${origin}/oauth/authorize`);
  Object.entries({ response_type: 'code', client_id: MANAGE_CLIENT_ID, redirect_uri: REDIRECT, state: 'bench' }).forEach(([k, v]) => authorize.searchParams.set(k, v));
  const page = await (await fetch(authorize)).text();
  const form = new URLSearchParams();
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  form.set('decision', 'approve');
  const approved = await fetch(`${origin}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const code = new URL(approved.headers.get('location')!).searchParams.get('code')!;
  const token = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: MANAGE_CLIENT_ID, client_secret: MANAGE_CLIENT_SECRET }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}
