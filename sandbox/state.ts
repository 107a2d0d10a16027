/** Everything the sandbox remembers, and how to put it back to the freshly seeded state. */
import { FaultInjector } from './faults';
import { emptyDeadlines, type DeadlinesDb } from './deadlines-model';
import { emptyFiling, type FilingDb } from './filing-model';
import { type BillingDb, seedBilling } from './billing-model';
import type { Db } from './model';
import { SlidingWindow } from './rate-limit';
import { seedDb } from './seed';
import { TokenStore } from './tokens';
import { UploadSigner } from './uploads';

export interface Config {
  /** Manage requests per 60 s per grant. */
  rateLimit: number;
  /** Manage access token lifetime, seconds. */
  accessTokenTtl: number;
  /** Grow access token lifetime, seconds. */
  growAccessTokenTtl: number;
  /** Grow requests per second per app. */
  growRateLimit: number;
  /** The firm's billing lock date (YYYY-MM-DD): time entries dated before it are refused with 422. '' = none. */
  lockDate: string;
}

export interface LogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  api?: 'manage' | 'grow' | 'oauth' | 'legacy' | 'upload';
  /** Upload host: how many bytes the PUT carried (never the bytes). */
  bytes?: number;
  grantType?: string;
  body?: unknown;
  /** Set when a fault dropped the connection ('before' = not processed, 'after' = processed). */
  dropped?: 'before' | 'after';
}

export interface StateOptions {
  seed: number;
  matters: number;
  /** Contacts to seed (default 900). */
  contacts?: number;
  config: Config;
}

export class SandboxState {
  db!: Db;
  tokens!: TokenStore;
  manageLimiter!: SlidingWindow;
  growLimiter!: SlidingWindow;
  faults!: FaultInjector;
  log!: LogEntry[];
  config!: Config;
  filing!: FilingDb;
  deadlines!: DeadlinesDb;
  billing!: BillingDb;
  /** Signs put_urls for the upload host; its origin outlives a reset. */
  readonly uploads = new UploadSigner(() => this.faults.state);

  constructor(private readonly options: StateOptions) {
    this.reset();
  }

  reset(): void {
    this.db = seedDb({
      seed: this.options.seed,
      matters: this.options.matters,
      ...(this.options.contacts !== undefined ? { contacts: this.options.contacts } : {}),
    });
    this.tokens = new TokenStore();
    this.manageLimiter = new SlidingWindow(60_000);
    this.growLimiter = new SlidingWindow(1_000);
    this.faults = new FaultInjector();
    this.log = [];
    this.config = { ...this.options.config };
    this.filing = emptyFiling();
    this.deadlines = emptyDeadlines(this.db.users);
    this.billing = seedBilling(this.db);
  }
}
