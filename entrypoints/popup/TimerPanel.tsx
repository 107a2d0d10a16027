/**
 * The quick timer: pick a matter, start; later pause, stop, switch matter, split or change its start. Paused timers wait
 * in a list below, each resumed with one click; only the running one (Clio's one timer) has role `timer`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MatterPicker } from '@/components/MatterPicker';
import { rememberForSite, SuggestedNote, useSuggestedMatter } from '@/components/suggested-matter';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { savedText } from '@/components/time-entry/saved-text';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { formatClock, formatDuration } from '@/lib/duration-format';
import { t } from '@/lib/i18n';
import { matterLabel, type MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { PopupDraft } from '@/lib/drafts/drafts';
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { elapsedMs, startOf, type TimerState, type Timers } from '@/lib/timer/model';
import { loadWhenUsed } from '@/components/load-when-used';
import type { StopOutcome } from '@/lib/timer/timer-service';
import { ActivitySelect } from '@/components/time-entry/ActivitySelect';
import { messageOf } from '@/components/error-message';
import { searchMatters } from '@/components/time-entry/search-matters';
import { timeIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';
import { BusyButton } from '@/components/BusyButton';

/** Rarely used: their code loads when first opened. */
const StartEditor = loadWhenUsed(() => import('./used-later').then((m) => m.StartEditor));
const SplitTimer = loadWhenUsed(() => import('./used-later').then((m) => m.SplitTimer));

export function stopMessage(s: StopOutcome): Status {
  if (s.capped) return { tone: 'info', text: `${s.capped} ${stopMessage({ ...s, capped: undefined }).text}` } as Status;
  if (s.entry.state === 'sent') {
    return { tone: 'success', text: savedText(s.seconds, s.entry.result as ActivityJson | undefined, s.matterLabel) };
  }
  if (s.entry.state === 'failed') return { tone: 'error', text: t('stopFailedKept', s.entry.lastError?.message ?? t('clioRefusedIt')) };
  return { tone: 'info', text: t('stopKeptOffline', formatDuration(s.seconds), s.matterLabel) };
}

export function TimerPanel({
  timers,
  draft,
  setDraft,
  page,
}: {
  timers: Timers;
  draft: PopupDraft['timer'];
  setDraft: (d: PopupDraft['timer']) => void;
  /** "Suggested for this page": the best is preselected while nothing else is chosen. */
  page: PageSuggestions | null;
}) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = useSuggestedMatter(draft.matter, page, (m) => setDraft({ ...draft, matter: m }));
  // A timer started here takes focus to its description (the Start button it was on is gone).
  const [startedHere, setStartedHere] = useState(false);

  const act = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } catch (e) {
      setStatus({ tone: 'error', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const paused = timers.paused.length ? <PausedList paused={timers.paused} busy={busy} act={act} setStatus={setStatus} /> : null;
  if (timers.running)
    return (
      <>
        <Running timer={timers.running} busy={busy} act={act} setStatus={setStatus} status={status} focusNote={startedHere} />
        {paused}
      </>
    );

  const start = (e: Event) => {
    e.preventDefault();
    const matter = picked.value;
    if (!matter) {
      setStatus({ tone: 'error', text: t('chooseMatterFirst') });
      return;
    }
    // Before the send: the stored timer (and so the running panel) may arrive before its answer.
    setStartedHere(true);
    void act(async () => {
      const out = await send('timer/start', { matter, note: draft.note, activityDescriptionId: draft.activityDescriptionId });
      rememberForSite(page, matter);
      setDraft({ matter: null, note: '', activityDescriptionId: null });
      const before = out.stopped ? `${stopMessage(out.stopped).text} ` : '';
      setStatus(out.offline ? { tone: 'info', text: before + out.offline } : { tone: 'success', text: before + t('timerStarted') });
    });
  };

  return (
    <form onSubmit={start}>
      <MatterPicker
        id="timer-matter"
        value={picked.value}
        onChange={picked.onChange}
        search={searchMatters}
        autoFocus
        {...(page ? { suggested: page.suggestions } : {})}
      />
      <SuggestedNote page={page} preselected={picked.preselected} />
      <label for="timer-note">{t('descriptionField')}</label>
      <input id="timer-note" value={draft.note} onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })} placeholder={t('timerNotePlaceholder')} />
      <ActivitySelect
        id="timer-activity"
        value={draft.activityDescriptionId}
        picked={picked}
        onChange={(v) => setDraft({ ...draft, activityDescriptionId: v })}
      />
      <p class="row actions">
        <BusyButton type="submit" class="primary" busy={busy}>
          {t('startTimer')}
        </BusyButton>
      </p>
      <StatusMessage status={status} />
      {paused}
    </form>
  );
}

type Act = (f: () => Promise<void>) => Promise<void>;

/** The paused timers, newest first: each resumes with one click (a running one is paused in its place) or stops. */
function PausedList({ paused, busy, act, setStatus }: { paused: TimerState[]; busy: boolean; act: Act; setStatus: (s: Status) => void }) {
  return (
    <section class="paused-timers" aria-labelledby="paused-timers">
      <h2 id="paused-timers">{t('pausedTimers')}</h2>
      <ul aria-labelledby="paused-timers">
        {paused.map((p, i) => (
          <li key={p.activityId ?? `here-${i}`}>
            <span class="dur">{formatClock(elapsedMs(p, 0))}</span>
            <span class="num">{p.matter ? matterLabel(p.matter) : t('timerStartedInClio')}</span>
            {p.note ? <span class="note">{p.note}</span> : null}
            <span class="row">
              <BusyButton
                type="button"
                busy={busy}
                onClick={() => act(async () => void (await send('timer/resume', { index: i, ref: { activityId: p.activityId, recordedMs: p.recordedMs } })))}
              >
                {t('resume')}
              </BusyButton>
              <BusyButton
                type="button"
                busy={busy}
                onClick={() =>
                  act(async () => {
                    const out = await send('timer/stop', { paused: i, ref: { activityId: p.activityId, recordedMs: p.recordedMs } });
                    if (out) setStatus(stopMessage(out));
                  })
                }
              >
                {t('pausedTimerStop')}
              </BusyButton>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Running({
  timer,
  busy,
  act,
  status,
  setStatus,
  focusNote,
}: {
  timer: TimerState;
  busy: boolean;
  act: Act;
  status: Status | null;
  setStatus: (s: Status) => void;
  /** Focus the description when shown (just started from this popup); a popup opened on a running timer does not. */
  focusNote: boolean;
}) {
  const [now, setNow] = useState(Date.now());
  const [note, setNote] = useState(timer.note);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const noteInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  useEffect(() => {
    if (focusNote) noteInput.current?.focus();
  }, [focusNote]);
  /** One of the rarely used forms open under the timer. */
  const [open, setOpen] = useState<'start' | 'switch' | 'split' | null>(null);
  const toggle = (form: typeof open) => setOpen(open === form ? null : form);
  const onNote = (v: string) => {
    setNote(v);
    clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(() => void send('timer/note', { note: v }), 300);
  };
  /** The description typed last is the stopped timer's, before a switch or a split saves it. */
  const keepNote = async () => {
    clearTimeout(noteTimer.current);
    if (note !== timer.note) await send('timer/note', { note });
  };
  const stop = () =>
    act(async () => {
      clearTimeout(noteTimer.current);
      const out = await send('timer/stop', { note });
      if (out) setStatus(stopMessage(out));
    });
  /** Switch (at now) or split (at an earlier instant): the running timer stops at `at`, one on `matter` runs since. */
  const cutTo = (matter: MatterRef, at?: number) =>
    act(async () => {
      await keepNote();
      const out = await send('timer/start', { matter, note: '', activityDescriptionId: null, ...(at === undefined ? {} : { at }) });
      setOpen(null);
      const before = out.stopped ? `${stopMessage(out.stopped).text} ` : '';
      setStatus({ tone: 'success', text: before + t('timerStarted') });
    });
  return (
    <section aria-label={t('runningTimer')} class="running">
      <p class="matter-line">
        <span class="running-mark">{t('runningNow')}</span> {timer.matter ? matterLabel(timer.matter) : t('timerStartedInClio')}
      </p>
      <div role="timer" aria-label={t('elapsedTime')} class="clock">
        {formatClock(elapsedMs(timer, now))}
      </div>
      <p class="row started">
        <span class="hint">{t('startedAt', timeIn(startOf(timer, now), uiLocale()))}</span>
        <button type="button" class="link" aria-expanded={open === 'start'} onClick={() => toggle('start')}>
          {t('editStart')}
        </button>
      </p>
      {open === 'start' ? <StartEditor timer={timer} done={() => setOpen(null)} act={act} /> : null}
      <label for="running-note">{t('descriptionField')}</label>
      <input id="running-note" ref={noteInput} value={note} onInput={(e) => onNote(e.currentTarget.value)} />
      <p class="row actions">
        <BusyButton type="button" onClick={() => act(async () => void (await send('timer/pause')))} busy={busy}>
          {t('pause')}
        </BusyButton>
        <BusyButton type="button" class="primary" onClick={stop} busy={busy}>
          {t('stopTimer')}
        </BusyButton>
      </p>
      <p class="row">
        <button type="button" class="link" aria-expanded={open === 'switch'} onClick={() => toggle('switch')}>
          {t('switchMatter')}
        </button>
        <button type="button" class="link" aria-expanded={open === 'split'} onClick={() => toggle('split')}>
          {t('split')}
        </button>
      </p>
      {open === 'switch' ? <SwitchForm busy={busy} go={(m) => cutTo(m)} /> : null}
      {open === 'split' ? <SplitTimer timer={timer} busy={busy} go={cutTo} /> : null}
      <StatusMessage status={status} />
    </section>
  );
}

/** "Switch matter": the running timer stops and one on the chosen matter starts, at the same instant. */
function SwitchForm({ busy, go }: { busy: boolean; go: (m: MatterRef) => Promise<void> }) {
  const [matter, setMatter] = useState<MatterRef | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    if (matter) void go(matter);
  };
  return (
    <form onSubmit={submit} aria-label={t('switchMatter')}>
      <MatterPicker id="switch-matter" value={matter} onChange={setMatter} search={searchMatters} autoFocus />
      <p class="row actions">
        <BusyButton type="submit" class="primary" busy={busy} disabled={!matter}>
          {t('switchTo')}
        </BusyButton>
      </p>
    </form>
  );
}
