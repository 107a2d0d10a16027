/**
 * One queue for all the Clio traffic of a token. It paces requests so a burst never meets a
 * 429 (see rate-window.ts for the arithmetic), honours Retry-After, retries 5xx and network
 * failures with backoff and jitter when that is safe, lets interactive work go ahead of
 * background sync, and keeps its window in storage so a restarted service worker does not burst.
 */
import { backoffMs, earliestSend, initialState, learn, recordSend, type LimiterState, type RateHeaders } from './rate-window';

export type Priority = 'interactive' | 'background';

/** A response that arrived, as far as the limiter cares. */
export interface Attempt<T> {
  status: number;
  headers: RateHeaders;
  value: T;
}

/** The request failed without a response. `reachedServer: false` only when it certainly never left. */
export class NetworkFailure extends Error {
  constructor(readonly reachedServer: boolean | 'unknown') {
    super('network failure');
    this.name = 'NetworkFailure';
  }
}

export interface LimiterStore {
  load(): Promise<LimiterState | undefined>;
  save(state: LimiterState): Promise<void>;
}

export interface ScheduleOptions {
  priority?: Priority;
  /** May it be sent again after a failure that might have reached the server? (GET, PUT, DELETE: yes; POST: no.) */
  idempotent: boolean;
}

export interface RateLimiterOptions {
  store: LimiterStore;
  /** The limit to assume until the server says otherwise. */
  defaultLimit: number;
  /** The window the limit counts over (Clio Manage: 60 s; Grow: 1 s) and the margin added to it. */
  windowMs?: number;
  marginMs?: number;
  maxInFlight?: number;
  /** Attempts for a request that fails with 5xx or a network error, counting the first. */
  maxAttempts?: number;
  /** Attempts for a request Clio keeps answering with 429 (never processed, so always safe to repeat). */
  maxRateLimitedAttempts?: number;
  now?: () => number;
  random?: () => number;
  /** Told when work starts waiting and when the queue empties (the background keeps itself alive meanwhile). */
  onBusyChange?: (busy: boolean) => void;
}

interface Job {
  send: () => Promise<Attempt<unknown>>;
  priority: Priority;
  idempotent: boolean;
  seq: number;
  attempts: number;
  rateLimited: number;
  notBefore: number;
  resolve: (a: Attempt<unknown>) => void;
  reject: (e: unknown) => void;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

export class RateLimiter {
  private state: LimiterState;
  private readonly ready: Promise<void>;
  private readonly queue: Job[] = [];
  private inFlight = 0;
  private seq = 0;
  private wake: ReturnType<typeof setTimeout> | undefined;
  private wakeAt = Infinity;
  private busy = false;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly maxRateLimited: number;

  constructor(private readonly opts: RateLimiterOptions) {
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.maxInFlight = opts.maxInFlight ?? 4;
    this.maxAttempts = opts.maxAttempts ?? 4;
    this.maxRateLimited = opts.maxRateLimitedAttempts ?? 8;
    this.state = initialState(opts.defaultLimit, opts.windowMs, opts.marginMs);
    this.ready = opts.store
      .load()
      .then((s) => {
        if (s && s.windowMs === this.state.windowMs) this.state = { ...s, marginMs: this.state.marginMs };
      })
      .catch(() => undefined);
  }

  /** Sends `send` when the rate limit allows; resolves with the final response after any retries. */
  schedule<T>(send: () => Promise<Attempt<T>>, o: ScheduleOptions): Promise<Attempt<T>> {
    return new Promise<Attempt<T>>((resolve, reject) => {
      this.queue.push({
        send: send as () => Promise<Attempt<unknown>>,
        priority: o.priority ?? 'interactive',
        idempotent: o.idempotent,
        seq: this.seq++,
        attempts: 0,
        rateLimited: 0,
        notBefore: 0,
        resolve: resolve as (a: Attempt<unknown>) => void,
        reject,
      });
      this.setBusy(true);
      void this.ready.then(() => this.pump());
    });
  }

  /** Requests waiting or in flight. */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight) {
      const now = this.now();
      const job = this.nextEligible(now);
      if (!job || earliestSend(this.state, now) > now) break;
      this.queue.splice(this.queue.indexOf(job), 1);
      this.state = recordSend(this.state, now);
      this.persist();
      this.inFlight++;
      void this.run(job);
    }
    this.scheduleWake();
  }

  private nextEligible(now: number): Job | undefined {
    let best: Job | undefined;
    for (const j of this.queue) {
      if (j.notBefore > now) continue;
      if (!best || rank(j) < rank(best) || (rank(j) === rank(best) && j.seq < best.seq)) best = j;
    }
    return best;
  }

  private scheduleWake(): void {
    if (this.queue.length === 0 || this.inFlight >= this.maxInFlight) return;
    const now = this.now();
    const firstReady = Math.min(...this.queue.map((j) => j.notBefore));
    const at = Math.max(firstReady, earliestSend(this.state, now), now);
    if (this.wake && at >= this.wakeAt) return;
    if (this.wake) clearTimeout(this.wake);
    this.wakeAt = at;
    this.wake = setTimeout(() => {
      this.wake = undefined;
      this.wakeAt = Infinity;
      this.pump();
    }, at - now);
  }

  private async run(job: Job): Promise<void> {
    job.attempts++;
    try {
      const attempt = await job.send();
      this.state = learn(this.state, attempt.headers, attempt.status, this.now());
      this.persist();
      if (attempt.status === 429 && ++job.rateLimited < this.maxRateLimited) {
        job.attempts--; // a 429 was never processed: it does not use up an attempt
        this.requeue(job, this.now());
      } else if (RETRYABLE_STATUS.has(attempt.status) && job.idempotent && job.attempts < this.maxAttempts) {
        this.requeue(job, this.now() + backoffMs(job.attempts, this.random()));
      } else {
        job.resolve(attempt);
      }
    } catch (e) {
      const safeToRepeat = e instanceof NetworkFailure && (job.idempotent || e.reachedServer === false);
      if (safeToRepeat && job.attempts < this.maxAttempts) this.requeue(job, this.now() + backoffMs(job.attempts, this.random()));
      else job.reject(e);
    } finally {
      this.inFlight--;
      this.pump();
      if (this.pending === 0) this.setBusy(false);
    }
  }

  private requeue(job: Job, notBefore: number): void {
    job.notBefore = notBefore;
    this.queue.push(job);
  }

  private persist(): void {
    void this.opts.store.save(this.state).catch(() => undefined);
  }

  private setBusy(busy: boolean): void {
    if (busy === this.busy) return;
    this.busy = busy;
    this.opts.onBusyChange?.(busy);
  }
}

const rank = (j: Job) => (j.priority === 'interactive' ? 0 : 1);
