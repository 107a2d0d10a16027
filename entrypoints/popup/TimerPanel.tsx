/** The quick timer: pick a matter, start; later pause, resume or stop. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MatterPicker } from '@/components/MatterPicker';
import { rememberForSite, SuggestedNote, useSuggestedMatter } from '@/components/suggested-matter';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { savedText } from '@/components/time-entry/saved-text';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { formatClock, formatDuration } from '@/lib/duration-format';
import { t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { PopupDraft } from '@/lib/drafts/drafts';
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { elapsedMs, isRunning, type TimerState } from '@/lib/timer/model';
import type { StopOutcome } from '@/lib/timer/timer-service';
import { ActivitySelect } from '@/components/time-entry/ActivitySelect';
import { messageOf } from '@/components/error-message';
import { searchMatters } from '@/components/time-entry/search-matters';

export function stopMessage(s: StopOutcome): Status {
  if (s.capped) return { tone: 'info', text: `${s.capped} ${stopMessage({ ...s, capped: undefined }).text}` } as Status;
  if (s.entry.state === 'sent') {
    return { tone: 'success', text: savedText(s.seconds, s.entry.result as ActivityJson | undefined, s.matterLabel) };
  }
  if (s.entry.state === 'failed') return { tone: 'error', text: t('stopFailedKept', s.entry.lastError?.message ?? t('clioRefusedIt')) };
  return { tone: 'info', text: t('stopKeptOffline', formatDuration(s.seconds), s.matterLabel) };
}

export function TimerPanel({
  timer,
  draft,
  setDraft,
  page,
}: {
  timer: TimerState | null;
  draft: PopupDraft['timer'];
  setDraft: (d: PopupDraft['timer']) => void;
  /** "Suggested for this page": the best is preselected while nothing else is chosen. */
  page: PageSuggestions | null;
}) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = useSuggestedMatter(draft.matter, page, (m) => setDraft({ ...draft, matter: m }));

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

  if (timer) return <Running timer={timer} busy={busy} act={act} setStatus={setStatus} status={status} />;

  const start = (e: Event) => {
    e.preventDefault();
    const matter = picked.value;
    if (!matter) {
      setStatus({ tone: 'error', text: t('chooseMatterFirst') });
      return;
    }
    void act(async () => {
      const out = await send('timer/start', { matter, note: draft.note, activityDescriptionId: draft.activityDescriptionId });
      rememberForSite(page, matter);
      setDraft({ matter: null, note: '', activityDescriptionId: null });
      const before = out.stopped ? `${stopMessage(out.stopped).text} ` : '';
      setStatus(out.offline ? { tone: 'info', text: before + out.offline } : { tone: 'success', text: before + t('timerStartedOn', matterLabel(matter)) });
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
        <button type="submit" class="primary" disabled={busy}>
          {t('startTimer')}
        </button>
      </p>
      <StatusMessage status={status} />
    </form>
  );
}

function Running({
  timer,
  busy,
  act,
  status,
  setStatus,
}: {
  timer: TimerState;
  busy: boolean;
  act: (f: () => Promise<void>) => Promise<void>;
  status: Status | null;
  setStatus: (s: Status) => void;
}) {
  const [now, setNow] = useState(Date.now());
  const [note, setNote] = useState(timer.note);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const running = isRunning(timer);
  const onNote = (v: string) => {
    setNote(v);
    clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(() => void send('timer/note', { note: v }), 300);
  };
  const stop = () =>
    act(async () => {
      clearTimeout(noteTimer.current);
      const out = await send('timer/stop', { note });
      if (out) setStatus(stopMessage(out));
    });
  return (
    <section aria-label={t('runningTimer')} class="running">
      <p class="matter-line">{timer.matter ? matterLabel(timer.matter) : t('timerStartedInClio')}</p>
      <div role="timer" aria-label={t('elapsedTime')} class={`clock ${running ? '' : 'paused'}`}>
        {formatClock(elapsedMs(timer, now))}
      </div>
      {running ? null : <p class="hint">{t('paused')}</p>}
      <label for="running-note">{t('descriptionField')}</label>
      <input id="running-note" value={note} onInput={(e) => onNote(e.currentTarget.value)} />
      <p class="row actions">
        <button type="button" onClick={() => act(async () => void (await send(running ? 'timer/pause' : 'timer/resume')))} disabled={busy}>
          {running ? t('pause') : t('resume')}
        </button>
        <button type="button" class="primary" onClick={stop} disabled={busy}>
          {t('stopTimer')}
        </button>
      </p>
      <StatusMessage status={status} />
    </section>
  );
}
