/** Grants, authorization codes, access and refresh tokens for both OAuth servers. */
import { randomBytes } from 'node:crypto';
import type { ApiFamily } from './credentials';

export interface Grant {
  id: number;
  family: ApiFamily;
  clientId: string;
  userId: number;
  scope: string[];
  /** Manage: the one reusable refresh token. Grow: the current (rotating) one. */
  refreshToken: string;
  revoked: boolean;
  createdAt: number;
  /** Authorized with PKCE: a Grow public client may refresh without its secret. */
  pkce: boolean;
}
export interface AccessToken {
  token: string;
  grantId: number;
  expiresAt: number;
}
export interface AuthCode {
  code: string;
  family: ApiFamily;
  clientId: string;
  userId: number;
  redirectUri: string;
  scope: string[];
  codeChallenge: string | null;
  expiresAt: number;
  used: boolean;
}

export type AuthFailure = 'missing' | 'unknown' | 'expired' | 'revoked';
export type AuthResult = { ok: true; grant: Grant; token: AccessToken } | { ok: false; reason: AuthFailure };

const CODE_TTL_MS = 10 * 60_000;
const newToken = (prefix: string): string => `${prefix}_${randomBytes(24).toString('base64url')}`;

export class TokenStore {
  private grants = new Map<number, Grant>();
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, number>(); // live refresh token → grant id
  private codes = new Map<string, AuthCode>();
  private nextGrantId = 1;

  issueCode(c: Omit<AuthCode, 'code' | 'expiresAt' | 'used'>): string {
    const code = newToken(c.family === 'manage' ? 'mc' : 'gc');
    this.codes.set(code, { ...c, code, expiresAt: Date.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** Look a code up for exchange; marks it used. Undefined when unknown, used or expired. */
  takeCode(code: string, family: ApiFamily): AuthCode | undefined {
    const c = this.codes.get(code);
    if (!c || c.family !== family || c.used || c.expiresAt < Date.now()) return undefined;
    c.used = true;
    return c;
  }

  createGrant(family: ApiFamily, clientId: string, userId: number, scope: string[], pkce = false): Grant {
    const grant: Grant = {
      id: this.nextGrantId++,
      family,
      clientId,
      userId,
      scope,
      refreshToken: newToken(family === 'manage' ? 'mr' : 'gr'),
      revoked: false,
      createdAt: Date.now(),
      pkce,
    };
    this.grants.set(grant.id, grant);
    this.refresh.set(grant.refreshToken, grant.id);
    return grant;
  }

  issueAccessToken(grant: Grant, ttlSeconds: number): AccessToken {
    const t: AccessToken = { token: newToken(grant.family === 'manage' ? 'ma' : 'ga'), grantId: grant.id, expiresAt: Date.now() + ttlSeconds * 1000 };
    this.access.set(t.token, t);
    return t;
  }

  /** The live grant a refresh token belongs to, for a client. */
  grantForRefresh(refreshToken: string, family: ApiFamily, clientId: string): Grant | undefined {
    const id = this.refresh.get(refreshToken);
    const grant = id === undefined ? undefined : this.grants.get(id);
    if (!grant || grant.revoked || grant.family !== family || grant.clientId !== clientId) return undefined;
    return grant;
  }

  /** Grow: replace the grant's refresh token; the old one stops working at once. */
  rotateRefresh(grant: Grant): string {
    this.refresh.delete(grant.refreshToken);
    grant.refreshToken = newToken('gr');
    this.refresh.set(grant.refreshToken, grant.id);
    return grant.refreshToken;
  }

  authenticate(token: string | null, family: ApiFamily): AuthResult {
    if (!token) return { ok: false, reason: 'missing' };
    const t = this.access.get(token);
    const grant = t && this.grants.get(t.grantId);
    if (!t || !grant || grant.family !== family) return { ok: false, reason: 'unknown' };
    if (grant.revoked) return { ok: false, reason: 'revoked' };
    if (t.expiresAt <= Date.now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant, token: t };
  }

  /** The grant an access or refresh token belongs to (expired access tokens included). */
  grantOfAnyToken(token: string, family: ApiFamily): Grant | undefined {
    const id = this.access.get(token)?.grantId ?? this.refresh.get(token);
    const grant = id === undefined ? undefined : this.grants.get(id);
    return grant && grant.family === family ? grant : undefined;
  }

  revokeGrant(grant: Grant): void {
    grant.revoked = true;
    this.refresh.delete(grant.refreshToken);
  }

  expireAll(): void {
    const now = Date.now();
    for (const t of this.access.values()) t.expiresAt = Math.min(t.expiresAt, now - 1);
  }

  revokeAll(): void {
    for (const g of this.grants.values()) this.revokeGrant(g);
  }

  counts(): { active: number; revoked: number } {
    let active = 0;
    for (const g of this.grants.values()) if (!g.revoked) active++;
    return { active, revoked: this.grants.size - active };
  }
}
