/**
 * The timer, owned by the background. Start is one Clio request; stop goes through the outbox so
 * no minute is lost; pause and resume follow Clio's one-timer rule. When Clio cannot be reached
 * at start, the timer runs here and its time is saved to Clio as an entry when it stops.
 */
import { runningTimer, startClioTimer, stopClioTimer } from './clio-timer';
import { startTimerOnNewEntry, getTimeEntry, updateTimeEntry } from '../time-entries/clio-activities';
import type { ClioClient } from '../clio/client';
import { AppError, appError } from '../errors';
import type { OutboxEntry } from '../outbox/outbox-machine';
import type { Outbox } from '../outbox/outbox';
import { TIME_ENTRY, type TimeEntryPayload } from '../time-entries/time-entry-courier';
import { TIMER_STOP, type TimerStopPayload } from './timer-stop-courier';
import { t } from '../i18n';
import { matterLabel } from '../matter-ref';
import type { IdleSpan } from './timer-items';
import {
  correctionTaken,
  cut,
  discardIdle,
  fromClioTimer,
  isRunning,
  pausedIndex,
  pauseRunning,
  quantitySeconds,
  resumePaused,
  timersOf,
  withStart,
  type MatterRef,
  type PausedRef,
  type TimerState,
  type Timers,
} from './model';

/** Timer state younger than this is shown without asking Clio. */
export const FRESH_MS = 30_000;

export interface TimerStore {
  get(): Promise<TimerState | null>;
  set(t: TimerState | null): Promise<void>;
  /** The paused timers waiting here, newest first. */
  paused(): Promise<TimerState[]>;
  setPaused(list: TimerState[]): Promise<void>;
  /** When Clio was last asked about the timer (also when it said none runs). */
  checkedAt(): Promise<number>;
  setCheckedAt(at: number): Promise<void>;
}

export interface TimerServiceDeps {
  client: ClioClient;
  outbox: Outbox;
  store: TimerStore;
  /** Today's date in the user's Clio time zone. */
  today: () => Promise<string>;
  remember: (m: MatterRef) => Promise<void>;
  /** The matters timed or logged last, newest first (the keyboard command starts on the first). */
  recentMatters: () => Promise<MatterRef[]>;
  /** Whose the timer is (the Clio user whose state is on show): its stop is sent only as them, even after they signed out. */
  owner: () => Promise<string | null>;
  /** Time away from the computer waiting for the user's decision. */
  idle: { get(): Promise<IdleSpan | null>; set(span: IdleSpan | null): Promise<void> };
  now?: () => number;
}

export interface StartRequest {
  matter: MatterRef;
  note: string;
  activityDescriptionId: number | null;
  /**
   * With a timer running: where to cut it (epoch ms, "Split"): its time before stays on it and is saved, the time
   * since goes to this matter. Without: now ("Switch matter"; the stop instant is the start instant).
   */
  at?: number;
}

export interface StartOutcome {
  timer: TimerState;
  /** The timer that was running before and was stopped to start this one. */
  stopped?: StopOutcome;
  /** Set when Clio could not be reached: the timer runs here only for now. */
  offline?: string;
}

export interface StopOutcome {
  entry: OutboxEntry;
  matterLabel: string;
  seconds: number;
  /** Set when the timer ran longer than a day: what was recorded was capped, and this says so. */
  capped?: string;
}

/** No stop records more than this: a timer left running over a weekend is a mistake to correct, not to bill. */
export const MAX_STOP_SECONDS = 24 * 3600;

const PASSING = new Set(['network', 'server', 'rate-limited']);

export class TimerService {
  private readonly now: () => number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: TimerServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** One change at a time: a double click cannot start two timers. */
  private serial<T>(f: () => Promise<T>): Promise<T> {
    const run = this.queue.then(f);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The timer, asking Clio only when what is stored is older than `maxAgeMs`. */
  current(maxAgeMs = FRESH_MS): Promise<TimerState | null> {
    return this.serial(async () => {
      // Both at once: on a wake, this is what the popup's first reply waits for.
      const [stored, checkedAt] = await Promise.all([this.deps.store.get(), this.deps.store.checkedAt()]);
      if (this.now() - checkedAt < maxAgeMs || (stored && !isRunning(stored))) return stored;
      if (stored && stored.activityId === null) return stored; // runs here only: nothing to ask Clio
      return this.sync(stored);
    });
  }

  private async sync(known: TimerState | null): Promise<TimerState | null> {
    const json = await runningTimer(this.deps.client);
    const now = this.now();
    await this.deps.store.setCheckedAt(now);
    if (!json) {
      // Running here but not in Clio: it was stopped in Clio (its time is there).
      await this.deps.store.set(null);
      return null;
    }
    // Resumed in Clio's web app: a timer paused here runs again.
    const paused = await this.deps.store.paused();
    const resumed = paused.find((p) => p.activityId === json.activity.id);
    if (resumed) await this.deps.store.setPaused(paused.filter((p) => p !== resumed));
    let next = fromClioTimer(json, now, known?.activityId === json.activity.id ? known : (resumed ?? known))!;
    if (!next.matter) {
      // Started in Clio's web app: one more request to learn its matter.
      const activity = await getTimeEntry(this.deps.client, json.activity.id);
      if (activity.matter)
        next = { ...next, matter: { id: activity.matter.id, displayNumber: activity.matter.display_number, description: activity.matter.description } };
      next = { ...next, activityDescriptionId: activity.activity_description?.id ?? null };
    }
    await this.deps.store.set(next);
    return next;
  }

  /**
   * Starts a timer on a new time entry. One running is stopped and saved at the same instant (a switch: no gap, no
   * overlap), or at `req.at` (a split). A switch is 3 requests: Clio's timer stopped, the stopped time saved, the start.
   */
  start(req: StartRequest): Promise<StartOutcome> {
    return this.serial(async () => {
      const now = this.now();
      const at = req.at ?? now;
      const previous = (await this.timers()).running;
      let stopped: StopOutcome | undefined;
      if (previous) {
        const cutAt = cut(previous, at, now);
        if (!cutAt) throw appError('bad-request', t('splitOutside'));
        stopped = await this.stopNow(previous, previous.note, { seconds: cutAt.beforeSeconds, switching: true });
      } else if (at !== now) throw appError('bad-request', t('splitOutside'));
      const carried = Math.round((now - at) / 1000); // a split's time since `at` is the new entry's from the start
      const started = (postedAt: number, recordedMs: number) => ({ recordedMs, runningSince: postedAt, adjustMs: postedAt - at - recordedMs });
      let timer: TimerState;
      let offline: string | undefined;
      try {
        const postedAt = this.now();
        const activity = await startTimerOnNewEntry(this.deps.client, {
          matterId: req.matter.id,
          date: await this.deps.today(),
          seconds: carried,
          note: req.note,
          activityDescriptionId: req.activityDescriptionId,
          nonBillable: false,
        });
        timer = {
          activityId: activity.id,
          matter: req.matter,
          note: req.note,
          activityDescriptionId: req.activityDescriptionId,
          ...started(postedAt, activity.quantity * 1000),
          syncedAt: this.now(),
          etag: activity.etag,
        };
        await this.deps.store.setCheckedAt(this.now());
      } catch (e) {
        if (!(e instanceof AppError) || !PASSING.has(e.kind)) throw e;
        // The start may have reached Clio before the answer was lost: if its timer runs, use it.
        // In a switch, Clio's timer may still be the one just stopped (the start never arrived): that one is not ours.
        const found = await runningTimer(this.deps.client).catch(() => null);
        if (found?.activity && found.activity.id !== previous?.activityId) {
          timer = { ...fromClioTimer(found, this.now(), null)!, matter: req.matter, note: req.note, activityDescriptionId: req.activityDescriptionId };
          await this.deps.store.setCheckedAt(this.now());
          await this.deps.store.set(timer);
          await this.deps.remember(req.matter);
          return { timer, ...(stopped ? { stopped } : {}) };
        }
        timer = {
          activityId: null,
          matter: req.matter,
          note: req.note,
          activityDescriptionId: req.activityDescriptionId,
          ...started(now, 0),
          syncedAt: this.now(),
        };
        offline = t('timerOffline');
      }
      await this.deps.store.set(timer);
      await this.deps.remember(req.matter);
      return { timer, ...(stopped ? { stopped } : {}), ...(offline ? { offline } : {}) };
    });
  }

  /** The keyboard command: stop the running timer, or start one on the last-used matter. */
  async toggle(): Promise<void> {
    if (await this.deps.store.get()) {
      await this.stop();
      return;
    }
    const [last] = await this.deps.recentMatters();
    if (last) await this.start({ matter: last, note: '', activityDescriptionId: null });
  }

  /** The answer to "you were away": keep the idle time on the timer, or discard it. */
  async decideIdle(keep: boolean): Promise<TimerState | null> {
    const span = await this.deps.idle.get();
    await this.deps.idle.set(null);
    if (keep || !span || span.to === null) return this.current(Infinity);
    return this.discardIdle(span.to - span.from);
  }

  /** Stops the running timer, or the paused one at `paused` (its place in the list), and saves its time. */
  stop(note?: string, paused?: number, ref?: PausedRef): Promise<StopOutcome | null> {
    return this.serial(async () => {
      const ts = await this.timers();
      const t = paused === undefined ? ts.running : ts.paused[pausedIndex(ts.paused, paused, ref)];
      if (!t) return null;
      if (paused !== undefined && !ts.running && (await this.deps.store.get())) {
        // A timer paused before paused timers were a list is still stored as the timer: it moves into the list first.
        await this.deps.store.setPaused(ts.paused);
        await this.deps.store.set(null);
      }
      const out = await this.stopNow(t, note ?? t.note, { keepRunning: paused !== undefined });
      if (paused !== undefined) await this.deps.store.setPaused(ts.paused.filter((p) => p !== t));
      return out;
    });
  }

  /**
   * Stops the running timer as of `at`, a moment already past (a set stop time, or when the person went away): the
   * time since is not recorded. One step, and only if `expected` still runs: a timer switched to meanwhile is left be.
   */
  stopAsOf(at: number, expected: TimerState): Promise<StopOutcome | null> {
    return this.serial(async () => {
      const t = await this.deps.store.get();
      if (!isRunning(t) || t.activityId !== expected.activityId || t.runningSince !== expected.runningSince) return null;
      return this.stopNow(t, t.note, { seconds: quantitySeconds(t, Math.min(at, this.now())) });
    });
  }

  /**
   * Writes the stop to the outbox (which tries to deliver it at once) and clears the running timer (unless
   * `keepRunning`: a paused timer's stop). A switch's stop does not ask Clio first which timer runs: the start that
   * follows replaces Clio's timer whichever it is.
   */
  private async stopNow(timer: TimerState, note: string, how: { seconds?: number; switching?: boolean; keepRunning?: boolean } = {}): Promise<StopOutcome> {
    const now = this.now();
    const ran = Math.max(1, how.seconds ?? quantitySeconds(timer, now));
    const seconds = Math.min(ran, MAX_STOP_SECONDS);
    const label = timer.matter ? matterLabel(timer.matter) : t('aMatterInClio');
    const owner = (await this.deps.owner()) ?? undefined;
    // The stop is written to the outbox before the timer is cleared: a worker killed in between loses nothing.
    const queued =
      timer.activityId === null
        ? await this.deps.outbox.enqueue<TimeEntryPayload>(
            TIME_ENTRY,
            {
              matter: timer.matter!,
              date: await this.deps.today(),
              seconds,
              note,
              activityDescriptionId: timer.activityDescriptionId,
              nonBillable: false,
            },
            undefined,
            owner,
          )
        : await this.deps.outbox.enqueue<TimerStopPayload>(
            TIMER_STOP,
            {
              activityId: timer.activityId,
              seconds,
              note,
              matterLabel: label,
              verify: !how.switching && now - timer.syncedAt > FRESH_MS,
              running: isRunning(timer),
            },
            undefined,
            owner,
          );
    if (!how.keepRunning) await this.deps.store.set(null);
    await this.deps.outbox.flush();
    const entry: OutboxEntry = (await this.deps.outbox.get(queued.id)) ?? queued;
    const capped = ran > seconds ? t('timerCapped') : undefined;
    return { entry, matterLabel: label, seconds, ...(capped ? { capped } : {}) };
  }

  /** The running timer and the paused ones, as stored. */
  private async timers(): Promise<Timers> {
    const [running, paused] = await Promise.all([this.deps.store.get(), this.deps.store.paused()]);
    return timersOf(running, paused);
  }

  /**
   * Stores a change of timers so that a worker killed between the writes loses none: the paused list with both the
   * old and the new timers first, then the running one, then the list as it ends (`timersOf` reads the in-between).
   */
  private async save(before: Timers, after: Timers): Promise<void> {
    const kept = (t: TimerState) => !after.paused.some((p) => p === t || (p.activityId !== null && p.activityId === t.activityId));
    await this.deps.store.setPaused([...after.paused, ...before.paused.filter(kept), ...(before.running && kept(before.running) ? [before.running] : [])]);
    await this.deps.store.set(after.running);
    await this.deps.store.setPaused(after.paused);
  }

  /** Pauses the running timer: Clio's timer stops (its time goes into the entry) and the timer waits in the paused list. */
  pause(): Promise<TimerState | null> {
    return this.serial(async () => {
      const before = await this.timers();
      const t = before.running;
      if (!t) return null;
      const after = pauseRunning(before, this.now());
      await this.save(before, after);
      if (t.activityId !== null) await stopClioTimer(this.deps.client).catch(() => undefined); // the stop fixes Clio's figure either way
      return after.paused[0]!;
    });
  }

  /** Resumes the paused timer at `index` (one click); a timer running meanwhile is paused in its place. */
  resume(index = 0, ref?: PausedRef): Promise<TimerState | null> {
    return this.serial(async () => {
      const before = await this.timers();
      const after = resumePaused(before, pausedIndex(before.paused, index, ref), this.now());
      if (after === before) return before.running;
      await this.save(before, after);
      const id = after.running!.activityId;
      if (before.running?.activityId != null) await stopClioTimer(this.deps.client).catch(() => undefined);
      if (id !== null) await startClioTimer(this.deps.client, id).catch(() => undefined);
      return after.running;
    });
  }

  /**
   * "I started this 10 minutes ago": moves the running timer's start. Our correction is stored first (recorded exactly
   * at stop); Clio's entry then takes it into its recorded time (one request), so Clio shows the same time.
   */
  setStart(start: number): Promise<TimerState | null> {
    return this.serial(async () => {
      const t = await this.deps.store.get();
      if (!t || !isRunning(t)) return t;
      let next = withStart(t, start, this.now());
      await this.deps.store.set(next);
      const seconds = Math.round((next.recordedMs + next.adjustMs) / 1000);
      if (next.activityId === null || seconds < 0 || seconds === Math.round(t.recordedMs / 1000)) return next;
      try {
        const a = await updateTimeEntry(this.deps.client, next.activityId, undefined, { seconds });
        next = { ...correctionTaken(next, a.quantity), etag: a.etag };
        await this.deps.store.set(next);
      } catch (e) {
        if (!(e instanceof AppError) || !PASSING.has(e.kind)) throw e; // unreachable: the correction stays ours until the stop
      }
      return next;
    });
  }

  /** The user chose to drop time they were away; it comes off the time recorded at stop. */
  discardIdle(idleMs: number): Promise<TimerState | null> {
    return this.serial(async () => {
      const t = await this.deps.store.get();
      if (!t) return null;
      const next = discardIdle(t, idleMs, this.now());
      await this.deps.store.set(next);
      return next;
    });
  }

  /** Keeps the description typed while the timer runs, so closing the popup loses nothing. */
  setNote(note: string): Promise<TimerState | null> {
    return this.serial(async () => {
      const t = await this.deps.store.get();
      if (!t) return null;
      const next = { ...t, note };
      await this.deps.store.set(next);
      return next;
    });
  }
}
