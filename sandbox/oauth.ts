/**
 * Both OAuth servers. Manage (`/oauth/*`): secret required, refresh tokens reusable and never
 * rotated. Grow (`/grow/oauth/*`): scope required, PKCE (S256), refresh tokens rotate on every use.
 */
import { createHash } from 'node:crypto';
import { findApp, isRegisteredRedirect, type ApiFamily, type RegisteredApp } from './credentials';
import { bearer, isRecord, json, oauthError, type Reply, type Req } from './http-utils';
import { consentPage, errorPage } from './oauth-page';
import type { SandboxState } from './state';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** Authorization request parameters, from the query (GET) or the consent form (POST). */
function readAuthorizeParams(p: Record<string, string | undefined>, family: ApiFamily): { params: Record<string, string>; app: RegisteredApp } | Reply {
  if (p.response_type !== 'code') return errorPage(400, 'Invalid request', 'response_type must be "code".');
  const app = findApp(p.client_id, family);
  if (!app) return errorPage(400, 'Unknown application', `No application with client_id "${p.client_id ?? ''}" is registered.`);
  if (!isRegisteredRedirect(p.redirect_uri)) {
    return errorPage(400, 'Invalid redirect URI', 'The redirect_uri does not match a redirect URI registered for this application.');
  }
  const params: Record<string, string> = { response_type: 'code', client_id: app.clientId, redirect_uri: p.redirect_uri! };
  if (p.state !== undefined) params.state = p.state;
  if (p.redirect_on_decline !== undefined) params.redirect_on_decline = p.redirect_on_decline;
  if (family === 'grow') {
    if (!p.scope?.trim()) return errorPage(400, 'Invalid request', 'The scope parameter is required.');
    params.scope = p.scope;
    if (p.code_challenge !== undefined) {
      if ((p.code_challenge_method ?? 'plain') !== 'S256') return errorPage(400, 'Invalid request', 'code_challenge_method must be S256.');
      if (!/^[A-Za-z0-9_-]{43,128}$/.test(p.code_challenge)) return errorPage(400, 'Invalid request', 'code_challenge is malformed.');
      params.code_challenge = p.code_challenge;
      params.code_challenge_method = 'S256';
    }
  }
  return { params, app };
}

export function authorizeGet(req: Req, family: ApiFamily, state: SandboxState): Reply {
  const r = readAuthorizeParams(Object.fromEntries(req.query), family);
  if ('status' in r) return r;
  return consentPage(req.path, r.app.name, state.db.users, r.params);
}

export function authorizePost(req: Req, family: ApiFamily, state: SandboxState): Reply {
  const body = isRecord(req.body) ? (req.body as Record<string, string>) : {};
  const r = readAuthorizeParams(body, family);
  if ('status' in r) return r;
  const { params } = r;
  const target = new URL(params.redirect_uri!);
  if (body.decision !== 'approve') {
    if (family === 'grow' || params.redirect_on_decline === 'true') {
      target.searchParams.set('error', 'access_denied');
      if (params.state !== undefined) target.searchParams.set('state', params.state);
      return { status: 302, headers: { Location: target.toString() } };
    }
    return errorPage(200, 'Access denied', 'You declined to authorize the application. You can close this window.');
  }
  const user = state.db.users.find((u) => String(u.id) === body.user_id) ?? state.db.users[0]!;
  const code = state.tokens.issueCode({
    family,
    clientId: params.client_id!,
    userId: user.id,
    redirectUri: params.redirect_uri!,
    scope: (params.scope ?? '').split(/\s+/).filter(Boolean),
    codeChallenge: params.code_challenge ?? null,
  });
  target.searchParams.set('code', code);
  if (params.state !== undefined) target.searchParams.set('state', params.state);
  return { status: 302, headers: { Location: target.toString() } };
}

function clientCredentials(req: Req, body: Record<string, string>): { id?: string; secret?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: secret === undefined ? undefined : decodeURIComponent(secret) };
  }
  return { id: body.client_id, secret: body.client_secret };
}

export function token(req: Req, family: ApiFamily, state: SandboxState): Reply {
  const body = (isRecord(req.body) ? req.body : {}) as Record<string, string>;
  const creds = clientCredentials(req, body);
  const app = findApp(creds.id, family);
  if (!app) return oauthError(401, 'invalid_client', 'Client authentication failed: unknown client.');
  const grantType = body.grant_type;
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
  }
  // A Grow client using PKCE may leave its secret out; any secret sent must be right.
  const publicClientAllowed = family === 'grow' && (grantType === 'authorization_code' ? !!body.code_verifier : true);
  if (creds.secret === undefined ? !publicClientAllowed : creds.secret !== app.clientSecret) {
    return oauthError(401, 'invalid_client', 'Client authentication failed: wrong or missing client_secret.');
  }
  const ttl = family === 'manage' ? state.config.accessTokenTtl : state.config.growAccessTokenTtl;

  if (grantType === 'authorization_code') {
    const code = body.code ? state.tokens.takeCode(body.code, family) : undefined;
    if (!code || code.clientId !== app.clientId) return oauthError(400, 'invalid_grant', 'The authorization code is invalid, expired or already used.');
    if (code.redirectUri !== body.redirect_uri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match the one used to authorize.');
    if (code.codeChallenge !== null) {
      const verifier = body.code_verifier ?? '';
      const hashed = createHash('sha256').update(verifier).digest('base64url');
      if (hashed !== code.codeChallenge) return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge.');
    } else if (creds.secret === undefined) {
      return oauthError(401, 'invalid_client', 'Client authentication failed: client_secret required without PKCE.');
    }
    const grant = state.tokens.createGrant(family, app.clientId, code.userId, code.scope, code.codeChallenge !== null);
    const access = state.tokens.issueAccessToken(grant, ttl);
    return json(200, tokenResponse(family, access.token, ttl, grant.refreshToken, grant.scope), NO_STORE);
  }

  const grant = body.refresh_token ? state.tokens.grantForRefresh(body.refresh_token, family, app.clientId) : undefined;
  if (!grant) return oauthError(400, 'invalid_grant', 'The refresh token is invalid or revoked.');
  if (creds.secret === undefined && !grant.pkce) {
    return oauthError(401, 'invalid_client', 'Client authentication failed: client_secret required.');
  }
  const access = state.tokens.issueAccessToken(grant, ttl);
  if (family === 'manage') return json(200, tokenResponse(family, access.token, ttl, undefined, grant.scope), NO_STORE);
  const rotated = state.tokens.rotateRefresh(grant);
  return json(200, tokenResponse(family, access.token, ttl, rotated, grant.scope), NO_STORE);
}

function tokenResponse(family: ApiFamily, accessToken: string, ttl: number, refreshToken: string | undefined, scope: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { token_type: 'bearer', access_token: accessToken, expires_in: ttl };
  if (refreshToken) out.refresh_token = refreshToken;
  if (family === 'grow') out.scope = scope.join(' ');
  return out;
}

/** Manage: POST /oauth/deauthorize — revokes the whole grant. */
export function deauthorize(req: Req, state: SandboxState): Reply {
  const auth = state.tokens.authenticate(bearer(req.headers), 'manage');
  if (!auth.ok) return oauthError(401, 'invalid_token', `The access token is ${auth.reason === 'missing' ? 'missing' : auth.reason}.`);
  const body = (isRecord(req.body) ? req.body : {}) as Record<string, string>;
  const target = body.token ? state.tokens.grantOfAnyToken(body.token, 'manage') : auth.grant;
  if (target && target.clientId === auth.grant.clientId) state.tokens.revokeGrant(target);
  return json(200, {});
}

/** Grow: POST /grow/oauth/revoke (RFC 7009) — revokes the grant of an access or refresh token. */
export function revoke(req: Req, state: SandboxState): Reply {
  const body = (isRecord(req.body) ? req.body : {}) as Record<string, string>;
  const grant = body.token ? state.tokens.grantOfAnyToken(body.token, 'grow') : undefined;
  if (!body.token) return oauthError(400, 'invalid_request', 'token is required.');
  if (grant) state.tokens.revokeGrant(grant);
  return json(200, {});
}
