/** Who is signed in, as stored for the UI: read from Clio's who_am_i after sign-in and on request. */
import type { ClioClient } from '../clio/client';
import { appError } from '../errors';
import { t } from '../i18n';
import type { SecretStore } from '../storage/secret-store';
import { APP_SECRETS_KEY, type AppSecrets } from './app-config';
import type { ClioSession, WebAuthFlow } from './session';
import { whoAmI } from './clio-who-am-i';
import { accountItem, type AccountState } from './account-item';

/** Who is signed in, as Clio says (not stored). */
export async function fetchAccount(client: ClioClient): Promise<AccountState & { user: NonNullable<AccountState['user']> }> {
  const me = await whoAmI(client);
  return {
    signedIn: true,
    user: { id: me.id, name: me.name, email: me.email, ...(me.time_zone ? { timeZone: me.time_zone } : {}), seesRates: typeof me.rate === 'number' },
  };
}

/**
 * Signed out (by the user, or Clio ended the session): who signed in last is kept, for the entries held for
 * them, unless the user asked to forget this browser's data.
 */
export async function markSignedOut(problem?: string, o: { forgetLastUser?: boolean } = {}): Promise<AccountState> {
  const was = await accountItem.getValue();
  const lastUser = o.forgetLastUser ? undefined : was.user && was.owner ? { name: was.user.name, owner: was.owner } : was.lastUser;
  const state: AccountState = { signedIn: false, ...(lastUser ? { lastUser } : {}), ...(problem ? { problem } : {}) };
  await accountItem.setValue(state);
  return state;
}

export interface AccountServiceDeps {
  session: ClioSession;
  client: ClioClient;
  flow: WebAuthFlow;
  vault: SecretStore;
  /** May the extension reach the chosen region's Clio (its optional host permissions are granted)? */
  hostsAllowed: () => Promise<boolean>;
  /** A Clio user of this Clio, as outbox entries and per-user state name their owner. */
  ownerOf: (userId: number) => Promise<string>;
  /** Before anyone sees "signed in": only this user's browser state may be on show. */
  showStateOf: (userId: number) => Promise<void>;
  /** After sign-in (schedule refresh, send what waited, build the index). */
  signedIn: () => Promise<void>;
  /** After sign-out (forget the firm's matters, stop refreshing). */
  signedOut: () => Promise<void>;
  /** "Also forget this browser's data": everything kept for the user (returns what held something), and the Grow connection. */
  forgetUser: (owner: string) => Promise<string[]>;
  forgetGrow: () => Promise<boolean>;
}

/** Signing in and out, and who is signed in: `accountItem` is written only here. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  async signIn(): Promise<AccountState> {
    if (!(await this.deps.hostsAllowed())) throw appError('forbidden', t('needHostPermission'));
    await this.deps.session.signIn();
    const account = await this.withOwner(await fetchAccount(this.deps.client));
    // Another user's timer, drafts and recent matters are put aside for them first.
    await this.deps.showStateOf(account.user.id);
    await accountItem.setValue(account);
    await this.deps.signedIn();
    return account;
  }

  /**
   * Signs out; `revoked` says whether Clio confirmed that the extension's access was revoked. With `forget`,
   * also forgets what this browser keeps for the user and the Grow connection, and says what it cleared.
   */
  async signOut(o: { forget?: boolean } = {}): Promise<AccountState & { revoked: boolean; forgot?: string[] }> {
    const owner = (await accountItem.getValue()).owner;
    const { revoked } = await this.deps.session.signOut();
    await this.deps.signedOut();
    const state = await markSignedOut(undefined, { forgetLastUser: !!o.forget });
    if (!o.forget) return { ...state, revoked };
    const forgot = owner ? await this.deps.forgetUser(owner) : [];
    if (await this.deps.forgetGrow()) forgot.push('grow-connection');
    return { ...state, revoked, forgot };
  }

  async refresh(): Promise<AccountState> {
    const account = await this.withOwner(await fetchAccount(this.deps.client));
    await accountItem.setValue(account);
    return account;
  }

  /** The account with the owner its entries carry (Clio origin # user id). */
  private async withOwner<A extends { user: { id: number } }>(account: A): Promise<A & { owner: string }> {
    return { ...account, owner: await this.deps.ownerOf(account.user.id) };
  }

  redirectUri(): string {
    return this.deps.flow.redirectUri();
  }

  /** Sets the app secrets entered on the options page (a field left out is kept, '' clears it); tells which are set. */
  async setAppSecrets(change: AppSecrets): Promise<{ manage: boolean; grow: boolean }> {
    const current = (await this.deps.vault.get<AppSecrets>(APP_SECRETS_KEY)) ?? {};
    const next: AppSecrets = { ...current, ...change };
    if (Object.keys(change).length) await this.deps.vault.set(APP_SECRETS_KEY, next);
    return { manage: !!next.manage?.trim(), grow: !!next.grow?.trim() };
  }
}
