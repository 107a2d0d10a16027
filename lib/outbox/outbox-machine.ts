/**
 * The outbox's rules: what happens to an entry after each attempt to deliver it. Pure.
 *
 * An entry is written before it is sent. It is never created twice: when a send fails in a way
 * that may have reached Clio (the connection dropped after the request left, or the worker died
 * mid-send), the entry becomes `uncertain` and the next attempt first looks for it in Clio.
 */
import type { ErrorData } from '../errors';
import { backoffMs } from '../clio/rate-window';

export type EntryState =
  | 'pending' // waiting to be sent (first time or after a failure that certainly did not reach Clio)
  | 'sending' // an attempt is under way (found after a restart, it becomes uncertain)
  | 'uncertain' // an attempt may have reached Clio: look before sending again
  | 'failed' // Clio refused it (validation, not found, …): the user must fix, retry or discard
  | 'sent';

export interface OutboxEntry<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  state: EntryState;
  attempts: number;
  createdAt: number;
  /** Not before this time (epoch ms). */
  nextAttemptAt: number;
  lastError?: ErrorData;
  /** What Clio answered on delivery (e.g. the created entry). */
  result?: unknown;
  /** Whose it is (Clio origin and user): it is only ever sent as that user. */
  owner?: string;
  sentAt?: number;
}

export type OutboxEvent =
  | { type: 'attempt'; at: number }
  | { type: 'delivered'; at: number; result: unknown }
  | { type: 'failed'; at: number; error: ErrorData; mayHaveReached: boolean; random: number }
  | { type: 'restarted' }
  | { type: 'retry'; at: number };

/** Clio's verdicts, which will not go away by trying again: the user has to act. */
const NEEDS_USER = new Set<ErrorData['kind']>(['validation', 'not-found', 'forbidden', 'conflict', 'bad-request', 'auth-failed']);
/**
 * A failure of our own ('internal': a storage hiccup, a full quota, a bug) may pass: it is retried with
 * backoff this many attempts, and only then shown as failed, with its reason.
 */
export const LOCAL_FAILURE_ATTEMPTS = 5;
/** Signed out: keep it, and try again after the next sign-in (or a minute, whichever first). */
const WAIT_FOR_SIGN_IN_MS = 60_000;
/**
 * A host permission is missing (an upload origin): the entry waits, not failed, and is tried again when the
 * browser grants one (the background wakes the outbox on `permissions.onAdded`), or after this long.
 */
const WAIT_FOR_PERMISSION_MS = 10 * 60_000;

export function transition<P>(e: OutboxEntry<P>, ev: OutboxEvent): OutboxEntry<P> {
  switch (ev.type) {
    case 'attempt':
      return { ...e, state: 'sending', attempts: e.attempts + 1 };
    case 'delivered':
      return { ...e, state: 'sent', result: ev.result, sentAt: ev.at, nextAttemptAt: Infinity };
    case 'restarted':
      return e.state === 'sending' ? { ...e, state: 'uncertain' } : e;
    case 'retry':
      return e.state === 'failed' || e.state === 'pending' || e.state === 'uncertain'
        ? { ...e, state: e.state === 'failed' ? 'pending' : e.state, nextAttemptAt: ev.at }
        : e;
    case 'failed': {
      const { error } = ev;
      if (NEEDS_USER.has(error.kind) || (error.kind === 'internal' && e.attempts >= LOCAL_FAILURE_ATTEMPTS))
        return { ...e, state: 'failed', lastError: error, nextAttemptAt: Infinity };
      const state: EntryState = ev.mayHaveReached || e.state === 'uncertain' ? 'uncertain' : 'pending';
      const wait =
        error.kind === 'signed-out'
          ? WAIT_FOR_SIGN_IN_MS
          : error.kind === 'needs-permission'
            ? WAIT_FOR_PERMISSION_MS
            : error.kind === 'rate-limited' && error.retryAt
              ? Math.max(1000, error.retryAt - ev.at)
              : backoffMs(Math.min(e.attempts, 6), ev.random);
      return { ...e, state, lastError: error, nextAttemptAt: ev.at + wait };
    }
  }
}

export const isOpen = (e: OutboxEntry) => e.state === 'pending' || e.state === 'uncertain' || e.state === 'sending';

/**
 * The entry to work on now. Within a kind, entries go in the order they were made (time entries
 * arrive in order) and a later one waits behind an earlier one; kinds do not wait for each other
 * (a lead stuck on Grow never holds back time entries). Entries the user must fix block nothing.
 */
export function nextDue(entries: readonly OutboxEntry[], now: number, owner: (kind: string) => string | null): OutboxEntry | undefined {
  return heads(entries, owner)
    .filter((e) => e.nextAttemptAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt)[0];
}

/** When the outbox next has work (for the alarm), or null when nothing is open. */
export function nextWake(entries: readonly OutboxEntry[], owner: (kind: string) => string | null): number | null {
  const times = heads(entries, owner).map((e) => e.nextAttemptAt);
  return times.length ? Math.min(...times) : null;
}

/**
 * The oldest waiting entry of each kind, among those whose owner may send that kind now: entries of
 * another user, or made before owners were kept and never adopted, wait (they are never sent as someone else).
 */
function heads(entries: readonly OutboxEntry[], owner: (kind: string) => string | null): OutboxEntry[] {
  const seen = new Set<string>();
  const out: OutboxEntry[] = [];
  for (const e of entries) {
    if ((e.state !== 'pending' && e.state !== 'uncertain') || seen.has(e.kind)) continue;
    if (e.owner === undefined || e.owner !== owner(e.kind)) continue;
    seen.add(e.kind);
    out.push(e);
  }
  return out;
}
