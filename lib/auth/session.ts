/**
 * A Clio session (Manage, or Grow), owned by the background: sign-in through the browser's
 * web-auth flow (with PKCE where the app uses it), tokens kept in the SecretStore, proactive
 * refresh, exactly one refresh however many requests meet a rejected token, refresh tokens that
 * rotate stored at once, and sign-out that revokes.
 */
import { AppError, appError, inWords } from '../errors';
import { t } from '../i18n';
import type { SecretStore } from '../storage/secret-store';
import type { OAuthApp } from './app-config';
import { authorizeUrl, codeFromRedirect, needsRefresh, newState, pkcePair, type TokenSet } from './oauth';
import type { TokenEndpoint } from './token-endpoint';

/** The browser's OAuth window (identity.launchWebAuthFlow), behind an interface for tests. */
export interface WebAuthFlow {
  redirectUri(): string;
  /** Resolves with the final redirect URL; rejects when the window is closed. */
  launch(url: string): Promise<string>;
}

interface StoredTokens extends TokenSet {
  /** The Clio origin these tokens belong to: tokens of one region are worthless in another. */
  origin: string;
}

export interface SessionDeps {
  vault: SecretStore;
  flow: WebAuthFlow;
  endpoint: TokenEndpoint;
  app: () => Promise<OAuthApp>;
  now?: () => number;
  /** Told when Clio ended the session (a refresh was refused), with the reason to show. */
  onEnded?: (problem: string) => Promise<void> | void;
}

export class ClioSession {
  private cached: StoredTokens | null | undefined; // undefined: not read yet
  private refreshing: Promise<StoredTokens> | undefined;
  private signingIn: Promise<void> | undefined;
  private readonly now: () => number;
  private vaultKey: string | undefined;
  /** Bumped by every sign-in and sign-out: a refresh that began before one must not store what it got. */
  private generation = 0;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? Date.now;
  }

  private async key(): Promise<string> {
    return (this.vaultKey ??= `${(await this.deps.app()).kind}-tokens`);
  }

  async isSignedIn(): Promise<boolean> {
    return (await this.tokens()) !== null;
  }

  /** When the access token expires, or null when signed out. */
  async expiresAt(): Promise<number | null> {
    return (await this.tokens())?.expiresAt ?? null;
  }

  signIn(): Promise<void> {
    return (this.signingIn ??= this.runSignIn().finally(() => (this.signingIn = undefined)));
  }

  private async runSignIn(): Promise<void> {
    const app = await this.deps.app();
    if (!app.clientId || !app.clientSecret) {
      throw appError('auth-failed', t('noAppCredentials'));
    }
    const state = newState();
    const redirectUri = this.deps.flow.redirectUri();
    const pkce = app.pkce ? await pkcePair() : undefined;
    const url = authorizeUrl({
      authorizeEndpoint: app.authorizeEndpoint,
      clientId: app.clientId,
      redirectUri,
      state,
      extra: {
        redirect_on_decline: 'true',
        ...(app.scope ? { scope: app.scope } : {}),
        ...(pkce ? { code_challenge: pkce.challenge, code_challenge_method: 'S256' } : {}),
      },
    });
    let redirect: string;
    try {
      redirect = await this.deps.flow.launch(url);
    } catch {
      throw appError('auth-cancelled', t('signInWindowClosed'), { signIn: 'window_closed' });
    }
    const code = inWords(() => codeFromRedirect(redirect, state));
    const tokens = await this.deps.endpoint.exchange(code, app, redirectUri, pkce?.verifier);
    this.generation++;
    await this.store({ ...tokens, origin: app.origin });
  }

  /** Revokes the grant at Clio (best effort) and forgets the tokens whatever Clio says. */
  /**
   * Revokes the grant at Clio with a token that still works (refreshed first when it is about to expire:
   * Clio refuses to revoke with an expired one) and forgets the tokens here either way. Tells whether
   * Clio confirmed the revocation.
   */
  async signOut(): Promise<{ revoked: boolean }> {
    const t = await this.tokens();
    if (!t) {
      await this.forget();
      return { revoked: false };
    }
    let token = t.accessToken;
    if (needsRefresh(t, this.now())) {
      try {
        token = (await this.refreshOnce(t, this.generation)).accessToken;
      } catch {
        // Refused or unreachable: try the token we have.
      }
    }
    await this.forget();
    try {
      await this.deps.endpoint.revoke(token, await this.deps.app());
      return { revoked: true };
    } catch {
      // Offline or Clio failing: the tokens are gone from this browser either way, and the UI says Clio did not confirm.
      return { revoked: false };
    }
  }

  /** A usable access token, refreshed ahead of expiry. */
  async accessToken(): Promise<string> {
    const generation = this.generation;
    const tokens = await this.tokens();
    if (!tokens) throw appError('signed-out', t('signInToContinue'));
    if (!needsRefresh(tokens, this.now())) return tokens.accessToken;
    try {
      return (await this.refreshOnce(tokens, generation)).accessToken;
    } catch (e) {
      // Could not refresh early (offline, say) but the token still works: use it.
      if (e instanceof AppError && e.kind !== 'signed-out' && tokens.expiresAt > this.now()) return tokens.accessToken;
      throw e;
    }
  }

  /**
   * Clio answered 401 invalid_token for `rejected`. Returns the token to retry with: the one a
   * refresh already in flight or already finished produced, or a new one from one refresh.
   */
  async tokenRejected(rejected: string): Promise<string> {
    if (this.refreshing) return (await this.refreshing).accessToken;
    const generation = this.generation;
    const tokens = await this.tokens();
    if (!tokens) throw appError('signed-out', t('signInToContinue'));
    if (tokens.accessToken !== rejected) return tokens.accessToken;
    return (await this.refreshOnce(tokens, generation)).accessToken;
  }

  /** `generation`: the session the caller read its tokens from; a refresh for an older one stores nothing. */
  private refreshOnce(from: StoredTokens, generation: number): Promise<StoredTokens> {
    if (generation !== this.generation) return Promise.reject(appError('signed-out', t('signInToContinue')));
    return (this.refreshing ??= this.runRefresh(from, generation).finally(() => (this.refreshing = undefined)));
  }

  private async runRefresh(from: StoredTokens, generation: number): Promise<StoredTokens> {
    const app = await this.deps.app();
    try {
      const next = { ...(await this.deps.endpoint.refresh(from.refreshToken, app)), origin: from.origin };
      if (generation !== this.generation) throw appError('signed-out', t('signInToContinue')); // signed out (or in again) meanwhile
      await this.store(next);
      return next;
    } catch (e) {
      if (e instanceof AppError && e.kind === 'signed-out') {
        // Refresh tokens that rotate: if another refresh stored a newer one meanwhile, this one lost a race, not the session.
        const stored = await this.deps.vault.get<StoredTokens>(await this.key());
        if (generation !== this.generation) throw e;
        if (stored && stored.refreshToken !== from.refreshToken) {
          this.cached = stored;
          return stored;
        }
        await this.forget();
        await this.deps.onEnded?.(e.message);
      }
      throw e;
    }
  }

  private async tokens(): Promise<StoredTokens | null> {
    if (this.cached === undefined) {
      const stored = (await this.deps.vault.get<StoredTokens>(await this.key())) ?? null;
      if (this.cached === undefined) this.cached = stored;
    }
    if (this.cached) {
      const app = await this.deps.app();
      if (this.cached.origin !== app.origin) return null; // tokens of another region or server
    }
    return this.cached;
  }

  private async store(t: StoredTokens): Promise<void> {
    this.cached = t;
    await this.deps.vault.set(await this.key(), t);
  }

  private async forget(): Promise<void> {
    this.generation++;
    this.cached = null;
    await this.deps.vault.delete(await this.key());
  }
}
