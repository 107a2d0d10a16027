/**
 * The outbox: everything that must reach Clio (time entries, timer stops, leads) is written here
 * before it is sent, and delivered in order, exactly once, whatever the network, the rate limit or
 * the service worker do. Delivery itself is a Courier's job; the rules are in machine.ts.
 */
import { type AppError, appError, toAppError } from '../errors';
import { t } from '../i18n';
import { nextDue, nextWake, transition, type OutboxEntry } from './outbox-machine';

export interface Courier<P = unknown> {
  /** Sends the payload; resolves with what Clio answered; throws an AppError. */
  deliver(payload: P, entry: OutboxEntry<P>): Promise<unknown>;
  /**
   * For an entry that may already be in Clio: the record if it is there, null if it certainly is
   * not. `claimed` holds the ids of records other entries already delivered: never those.
   */
  find(payload: P, entry: OutboxEntry<P>, claimed: ReadonlySet<unknown>): Promise<unknown | null>;
  /** Could a delivery that failed with this error have reached Clio anyway? */
  mayHaveReached(error: AppError): boolean;
  /** The entry was discarded: let go of what the courier keeps for it elsewhere (a document's bytes, its steps). */
  discarded?(payload: P, entry: OutboxEntry<P>): Promise<void>;
}

export interface OutboxStore {
  load(): Promise<OutboxEntry[]>;
  save(entries: OutboxEntry[]): Promise<void>;
}

export interface OutboxDeps {
  store: OutboxStore;
  couriers: Record<string, Courier<never>>;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  /** Told when the outbox next has work (null: none), to set an alarm. */
  onWake?: (at: number | null) => void;
  /**
   * Who may send entries of `kind` now (for Manage kinds: the signed-in Clio origin and user; for leads: the
   * Grow connection), or null: an entry is queued only with an owner and sent only as that owner.
   */
  owner: (kind: string) => Promise<string | null>;
}

/** A create that failed with a dropped connection or a 5xx may still have been made in Clio (couriers' `mayHaveReached`). */
export const createMayHaveReached = (e: AppError) => e.kind === 'network' || e.kind === 'server';

/** Clocks differ: a record Clio made for an entry may carry a created_at this much before the entry was written. */
export const CLOCK_SLACK_MS = 30_000;

/** Sent entries are kept this long so the surfaces can show what happened. */
const KEEP_SENT_MS = 15 * 60_000;

export class Outbox {
  private lock: Promise<unknown> = Promise.resolve();
  private flushing: Promise<void> | undefined;
  private again = false;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  list(): Promise<OutboxEntry[]> {
    return this.deps.store.load();
  }

  /**
   * After a restart: an attempt that was under way when the worker died may have reached Clio. Stores only what
   * changed (most wakes: nothing, one read), unless `rewrite`: at a session's start, when the surfaces' copy went
   * with the session.
   */
  recover(rewrite = false): Promise<void> {
    return this.mutate((all) => all.map((e) => transition(e, { type: 'restarted' })), rewrite);
  }

  /**
   * Writes the entry without sending it yet. `key` makes it idempotent: an entry with the same key
   * already in the outbox is returned instead of a second one (a save repeated after the popup closed).
   */
  async enqueue<P>(kind: string, payload: P, key?: string, as?: string): Promise<OutboxEntry<P>> {
    const owner = as ?? (await this.deps.owner(kind));
    if (!owner) throw appError('signed-out', t('outboxNoOwner'));
    const entry: OutboxEntry<P> = {
      id: key ?? this.newId(),
      kind,
      payload,
      state: 'pending',
      attempts: 0,
      createdAt: this.now(),
      nextAttemptAt: this.now(),
      owner,
    };
    let existing: OutboxEntry | undefined;
    await this.mutate((all) => {
      const same = all.find((e) => e.id === entry.id);
      // The same key with the same content is the same entry; changed content is a new one.
      if (same && JSON.stringify(same.payload) === JSON.stringify(payload)) {
        existing = same;
        return all;
      }
      if (same) entry.id = this.newId();
      return [...all, entry as OutboxEntry];
    });
    return (existing ?? entry) as OutboxEntry<P>;
  }

  /** Writes the entry, then tries to deliver it (and anything due before it) at once. */
  async add<P>(kind: string, payload: P, key?: string, as?: string): Promise<OutboxEntry<P>> {
    const entry = await this.enqueue(kind, payload, key, as);
    await this.flush();
    return ((await this.get(entry.id)) ?? entry) as OutboxEntry<P>;
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    return (await this.deps.store.load()).find((e) => e.id === id);
  }

  async retry(id: string): Promise<void> {
    await this.mustBeOwn(id);
    await this.mutate((all) => all.map((e) => (e.id === id ? transition(e, { type: 'retry', at: this.now() }) : e)));
    await this.flush();
  }

  /** Something changed for the better (signed in again, back online): try everything open now. */
  async wake(): Promise<void> {
    await this.mutate((all) =>
      all.map((e) => (e.state === 'pending' || e.state === 'uncertain' ? { ...e, nextAttemptAt: Math.min(e.nextAttemptAt, this.now()) } : e)),
    );
    await this.flush();
  }

  /** Forgets an entry the user gave up on; one being sent right now is not discarded. */
  async discard(id: string): Promise<void> {
    await this.mustBeOwn(id);
    let gone: OutboxEntry | undefined;
    await this.mutate((all) => {
      gone = all.find((e) => e.id === id && e.state !== 'sending');
      return all.filter((e) => e !== gone);
    });
    if (gone) await (this.deps.couriers[gone.kind] as Courier<unknown> | undefined)?.discarded?.(gone.payload, gone);
  }

  /** Entries the user may see and act on: those of whoever may send each kind now. */
  async mine(): Promise<OutboxEntry[]> {
    const all = await this.deps.store.load();
    const owners = await this.ownersOf(all);
    return all.filter((e) => e.owner === owners.get(e.kind));
  }

  /** Retry and discard act only on the signed-in user's own entries. */
  private async mustBeOwn(id: string): Promise<void> {
    const entry = await this.get(id);
    if (entry && entry.owner !== (await this.deps.owner(entry.kind))) throw appError('forbidden', t('outboxNotYours'));
  }

  private async ownersOf(entries: readonly OutboxEntry[]): Promise<Map<string, string | null>> {
    const owners = new Map<string, string | null>();
    for (const kind of new Set(entries.map((e) => e.kind))) owners.set(kind, await this.deps.owner(kind));
    return owners;
  }

  /**
   * Delivers every entry that is due, oldest first, one at a time. Concurrent calls share one run,
   * which looks once more if anything was added meanwhile.
   */
  flush(): Promise<void> {
    this.again = true;
    return (this.flushing ??= this.runFlush().finally(() => (this.flushing = undefined)));
  }

  private async runFlush(): Promise<void> {
    let owners = new Map<string, string | null>();
    const ownerOf = (kind: string) => owners.get(kind) ?? null;
    while (this.again) {
      this.again = false;
      owners = await this.ownersOf(await this.deps.store.load());
      for (;;) {
        const entry = nextDue(await this.deps.store.load(), this.now(), ownerOf);
        if (!entry) break;
        await this.attempt(entry);
      }
    }
    const left = await this.deps.store.load();
    owners = await this.ownersOf(left);
    this.deps.onWake?.(nextWake(left, ownerOf));
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    const courier = this.deps.couriers[entry.kind] as Courier<unknown> | undefined;
    const wasUncertain = entry.state === 'uncertain';
    await this.update(entry.id, (e) => transition(e, { type: 'attempt', at: this.now() }));
    if (!courier) {
      await this.update(entry.id, (e) =>
        transition(e, {
          type: 'failed',
          at: this.now(),
          error: { kind: 'bad-request', message: t('outboxUnknownKind') },
          mayHaveReached: false,
          random: 0,
        }),
      );
      return;
    }
    try {
      if (wasUncertain) {
        const all = await this.deps.store.load();
        const claimed = new Set(all.filter((e) => e.id !== entry.id && e.state === 'sent').map((e) => (e.result as { id?: unknown } | undefined)?.id));
        const found = await courier.find(entry.payload, entry, claimed);
        if (found !== null) {
          await this.update(entry.id, (e) => transition(e, { type: 'delivered', at: this.now(), result: found }));
          return;
        }
      }
      const result = await courier.deliver(entry.payload, entry);
      await this.update(entry.id, (e) => transition(e, { type: 'delivered', at: this.now(), result }));
    } catch (thrown) {
      const error = toAppError(thrown);
      await this.update(entry.id, (e) =>
        transition(e, { type: 'failed', at: this.now(), error: error.toData(), mayHaveReached: courier.mayHaveReached(error), random: this.random() }),
      );
    }
  }

  private update(id: string, f: (e: OutboxEntry) => OutboxEntry): Promise<void> {
    return this.mutate((all) => all.map((e) => (e.id === id ? f(e) : e)));
  }

  /**
   * Read-modify-write of the stored list, one at a time; sent entries past their time are pruned. Without
   * `always`, a list that comes back unchanged (the same entries, each the same object) is not written again.
   */
  private mutate(f: (all: OutboxEntry[]) => OutboxEntry[], always = true): Promise<void> {
    const run = this.lock.then(async () => {
      const now = this.now();
      const all = await this.deps.store.load();
      const next = f(all).filter((e) => e.state !== 'sent' || (e.sentAt ?? now) > now - KEEP_SENT_MS);
      if (!always && next.length === all.length && next.every((e, i) => e === all[i])) return;
      await this.deps.store.save(next);
    });
    this.lock = run.catch(() => undefined);
    return run;
  }
}

export type { OutboxEntry };
