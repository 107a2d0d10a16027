/**
 * The Grow connection: through Grow's OAuth ("Connect Clio Grow"), or the firm's legacy Lead Inbox
 * token, kept in the vault. The options page and the capture UI read its state from
 * `growConnectionItem`, which only this service writes.
 */
import type { ClioSession } from '../auth/session';
import type { ClioClient } from '../clio/client';
import { t } from '../i18n';
import type { GrowStatus } from '../leads/lead';
import type { SecretStore } from '../storage/secret-store';
import { growUserLabel, growWhoAmI } from './clio-grow-users';
import { type GrowConnection, growConnectionItem } from './grow-connection-item';

/** The firm's legacy Lead Inbox token is a secret: it lives in the vault, not in storage.local. */
export const LEAD_INBOX_TOKEN_KEY = 'lead-inbox-token';

export interface GrowConnectionDeps {
  grow: ClioClient;
  session: ClioSession;
  vault: SecretStore;
  /** Grow's inbox in the web app, for the link after sending. */
  inboxUrl: () => Promise<string>;
  /** Something changed for the better: leads waiting may go now. */
  wake: () => void;
}

export class GrowConnectionService {
  constructor(private readonly deps: GrowConnectionDeps) {}

  /** How leads reach Grow now, and Grow's inbox link. */
  async status(): Promise<GrowStatus> {
    return { via: (await growConnectionItem.getValue()).via, inboxUrl: await this.deps.inboxUrl() };
  }

  inboxToken(): Promise<string | undefined> {
    return this.deps.vault.get<string>(LEAD_INBOX_TOKEN_KEY);
  }

  async connect(): Promise<GrowConnection> {
    await this.deps.session.signIn();
    let who: string | undefined;
    try {
      who = growUserLabel(await growWhoAmI(this.deps.grow));
    } catch {
      // Connected all the same; the name is only for show.
    }
    this.deps.wake();
    return this.save(who ? { via: 'oauth', who } : { via: 'oauth' });
  }

  async disconnect(): Promise<GrowConnection> {
    await this.deps.session.signOut();
    return this.save(await this.current());
  }

  /** Forgets the Grow connection (OAuth, revoked at Grow, and the Lead Inbox token); tells whether there was one. */
  async forget(): Promise<boolean> {
    const was = (await this.current()).via !== null;
    await this.deps.session.signOut();
    await this.deps.vault.delete(LEAD_INBOX_TOKEN_KEY);
    await this.save({ via: null });
    return was;
  }

  /** The firm's legacy Lead Inbox token ('' forgets it). */
  async setLeadInboxToken(token: string): Promise<GrowConnection> {
    if (token.trim()) await this.deps.vault.set(LEAD_INBOX_TOKEN_KEY, token.trim());
    else await this.deps.vault.delete(LEAD_INBOX_TOKEN_KEY);
    return this.save(await this.current());
  }

  /** Grow ended the OAuth connection: say so where the connection is shown. */
  async ended(): Promise<void> {
    await growConnectionItem.setValue({ via: null, problem: t('growConnectionEnded') });
  }

  private async current(): Promise<GrowConnection> {
    if (await this.deps.session.isSignedIn()) return (await growConnectionItem.getValue()).via === 'oauth' ? growConnectionItem.getValue() : { via: 'oauth' };
    return (await this.inboxToken()) ? { via: 'lead-inbox-token' } : { via: null };
  }

  private async save(c: GrowConnection): Promise<GrowConnection> {
    await growConnectionItem.setValue(c);
    return c;
  }
}
