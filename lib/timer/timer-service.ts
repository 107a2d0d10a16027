/**
 * The timer, owned by the background. Start is one Clio request; stop goes through the outbox so
 * no minute is lost; pause and resume follow Clio's one-timer rule. When Clio cannot be reached
 * at start, the timer runs here and its time is saved to Clio as an entry when it stops.
 */
import { runningTimer, startClioTimer, stopClioTimer } from './clio-timer';
import { startTimerOnNewEntry, getTimeEntry } from '../time-entries/clio-activities';
import type { ClioClient } from '../clio/client';
import { AppError } from '../errors';
import type { OutboxEntry } from '../outbox/outbox-machine';
import type { Outbox } from '../outbox/outbox';
import { TIME_ENTRY, type TimeEntryPayload } from '../time-entries/time-entry-courier';
import { TIMER_STOP, type TimerStopPayload } from './timer-stop-courier';
import { t } from '../i18n';
import { matterLabel } from '../matter-ref';
import type { IdleSpan } from './timer-items';
import { discardIdle, fromClioTimer, isRunning, pause, quantitySeconds, resume, type MatterRef, type TimerState } from './model';

/** Timer state younger than this is shown without asking Clio. */
export const FRESH_MS = 30_000;

export interface TimerStore {
  get(): Promise<TimerState | null>;
  set(t: TimerState | null): Promise<void>;
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
      const [known, checkedAt] = await Promise.all([this.deps.store.get(), this.deps.store.checkedAt()]);
      if (this.now() - checkedAt < maxAgeMs) return known;
      if (known && known.activityId === null) return known; // runs here only: nothing to ask Clio
      return this.sync(known);
    });
  }

  private async sync(known: TimerState | null): Promise<TimerState | null> {
    const json = await runningTimer(this.deps.client);
    const now = this.now();
    await this.deps.store.setCheckedAt(now);
    if (!json) {
      // Paused here means Clio's timer is stopped on purpose; otherwise it was stopped in Clio.
      const next = known && !isRunning(known) ? { ...known, syncedAt: now } : null;
      await this.deps.store.set(next);
      return next;
    }
    let next = fromClioTimer(json, now, known)!;
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

  start(req: StartRequest): Promise<StartOutcome> {
    return this.serial(async () => {
      const previous = await this.deps.store.get();
      const stopped = previous ? await this.stopNow(previous, previous.note) : undefined;
      const startedAt = this.now();
      let timer: TimerState;
      let offline: string | undefined;
      try {
        const activity = await startTimerOnNewEntry(this.deps.client, {
          matterId: req.matter.id,
          date: await this.deps.today(),
          seconds: 0,
          note: req.note,
          activityDescriptionId: req.activityDescriptionId,
          nonBillable: false,
        });
        timer = {
          activityId: activity.id,
          matter: req.matter,
          note: req.note,
          activityDescriptionId: req.activityDescriptionId,
          recordedMs: 0,
          runningSince: startedAt,
          syncedAt: this.now(),
          adjustMs: 0,
          etag: activity.etag,
        };
        await this.deps.store.setCheckedAt(this.now());
      } catch (e) {
        if (!(e instanceof AppError) || !PASSING.has(e.kind)) throw e;
        // The start may have reached Clio before the answer was lost: if its timer runs, use it.
        const started = await runningTimer(this.deps.client).catch(() => null);
        if (started) {
          timer = { ...fromClioTimer(started, this.now(), null)!, matter: req.matter, note: req.note, activityDescriptionId: req.activityDescriptionId };
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
          recordedMs: 0,
          runningSince: startedAt,
          syncedAt: this.now(),
          adjustMs: 0,
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

  stop(note?: string): Promise<StopOutcome | null> {
    return this.serial(async () => {
      const t = await this.deps.store.get();
      return t ? this.stopNow(t, note ?? t.note) : null;
    });
  }

  /** Writes the stop to the outbox (which tries to deliver it at once) and clears the timer. */
  private async stopNow(timer: TimerState, note: string): Promise<StopOutcome> {
    const now = this.now();
    const ran = Math.max(1, quantitySeconds(timer, now));
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
              verify: now - timer.syncedAt > FRESH_MS,
              running: isRunning(timer),
            },
            undefined,
            owner,
          );
    await this.deps.store.set(null);
    await this.deps.outbox.flush();
    const entry: OutboxEntry = (await this.deps.outbox.get(queued.id)) ?? queued;
    const capped = ran > seconds ? t('timerCapped') : undefined;
    return { entry, matterLabel: label, seconds, ...(capped ? { capped } : {}) };
  }

  pause(): Promise<TimerState | null> {
    return this.serial(async () => {
      const t = await this.deps.store.get();
      if (!t || !isRunning(t)) return t;
      const paused = pause(t, this.now());
      await this.deps.store.set(paused);
      if (t.activityId !== null) await stopClioTimer(this.deps.client).catch(() => undefined); // the stop fixes Clio's figure either way
      return paused;
    });
  }

  resume(): Promise<TimerState | null> {
    return this.serial(async () => {
      const t = await this.deps.store.get();
      if (!t || isRunning(t)) return t;
      const resumed = resume(t, this.now());
      await this.deps.store.set(resumed);
      if (t.activityId !== null) await startClioTimer(this.deps.client, t.activityId).catch(() => undefined);
      return resumed;
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
