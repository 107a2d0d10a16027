import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentHosts } from '@/components/clio-hosts';
import { SignInButton } from '@/components/SignInButton';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { TimeEntryForm } from '@/components/time-entry/TimeEntryForm';
import type { ClioHosts } from '@/lib/auth/regions';
import { t, type MessageKey } from '@/lib/i18n';
import { openMatterPanel } from '@/lib/browser/side-panel';
import { matterUrl } from '@/lib/clio/links';
import { send } from '@/lib/messaging/send';
import { isOpen } from '@/lib/outbox/outbox-machine';
import { EMPTY_EXPENSE, type PopupDraft } from '@/lib/drafts/drafts';
import { loadWhenUsed } from '@/components/load-when-used';
import { tabAfterKey } from '@/components/tab-keys';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { useKeptDraft } from '@/components/use-kept-draft';
import { StopAtNotice } from './StopAtNotice';
import { TimerPanel } from './TimerPanel';
import type { PopupState } from './popup-state';
import { timersOf } from '@/lib/timer/model';
import type { AutoStop } from '@/lib/timer/reminder-items';

// The expense form is used less often than the timer and time: its code loads when its tab is first opened.
const ExpenseForm = loadWhenUsed(() => import('./used-later').then((m) => m.ExpenseForm));
// Today (the day's entries, their edits, the totals) loads when its tab is first opened: the popup opens on the timer.
const TodayList = loadWhenUsed(() => import('./used-later').then((m) => m.TodayList));
// Shown only after time away from the computer.
const IdlePrompt = loadWhenUsed(() => import('./used-later').then((m) => m.IdlePrompt));
const AwayStoppedPrompt = loadWhenUsed(() => import('./used-later').then((m) => m.AwayStoppedPrompt));

const TABS: Array<[PopupDraft['tab'], MessageKey]> = [
  ['timer', 'tabTimer'],
  ['entry', 'tabLogTime'],
  ['expense', 'tabExpense'],
  ['today', 'today'],
];

export function Popup({ state }: { state: PopupState }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [hosts, setHosts] = useState<ClioHosts | null>(null);
  const account = state.account;
  const [draft, setDraft] = useKeptDraft(state.draft, (d: PopupDraft) => void send('drafts/keep-popup', d));

  const [page, setPage] = useState<PageSuggestions | null>(null);
  useEffect(() => {
    void currentHosts().then(setHosts);
  }, []);
  // "Suggested for this page": the popup's opening is the gesture that lets the background read the tab (activeTab).
  // It may arrive after the first paint; it costs no Clio request.
  useEffect(() => {
    if (!account.signedIn) return;
    browser.windows
      .getCurrent()
      .then((w) => send('suggestions/for-page', w.id === undefined ? {} : { windowId: w.id }))
      .then(setPage, () => undefined);
  }, [account.signedIn]);
  // Refresh the timer from Clio only when what is stored is stale (the background decides: 0 or 1 request).
  useEffect(() => {
    if (!account.signedIn) return;
    void send('timer/get').catch(() => undefined);
  }, [account.signedIn]);

  const openOptions = (e: Event) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  };
  const openPanel = (e: Event) => {
    e.preventDefault();
    // Synchronously, inside the click: the side panel opens only in answer to a user gesture.
    void openMatterPanel({ windowId: browser.windows.WINDOW_ID_CURRENT }).then(
      () => window.close(),
      () => undefined,
    );
  };
  const header = (
    <header>
      <h1>{t('extensionName')}</h1>
      <nav class="row">
        {account.signedIn ? (
          <button type="button" class="link" onClick={openPanel}>
            {t('matterLookup')}
          </button>
        ) : null}
        <button type="button" class="link" onClick={openOptions}>
          {t('options')}
        </button>
      </nav>
    </header>
  );
  if (!account.signedIn) {
    const last = account.lastUser;
    const held = last ? state.outbox.filter((e) => e.owner === last.owner && isOpen(e)).length : 0;
    return (
      <main>
        {header}
        {account.problem ? <p class="problem">{account.problem}</p> : <p>{t('popupConnect')}</p>}
        {last && held ? <p class="held">{held === 1 ? t('heldOne', last.name) : t('heldMany', held, last.name)}</p> : null}
        <SignInButton onStatus={setStatus} />
        <StatusMessage status={status} />
      </main>
    );
  }

  // One Tab stop for the tabs (the selected one); the arrows, Home and End move between them and open the one reached.
  const onTabKey = (e: KeyboardEvent) => {
    const next = tabAfterKey(
      e.key,
      TABS.findIndex(([id]) => id === draft.tab),
      TABS.length,
    );
    if (next === null) return;
    e.preventDefault();
    const id = TABS[next]![0];
    setDraft({ ...draft, tab: id });
    document.getElementById(`tab-${id}`)?.focus();
  };
  const timers = timersOf(state.timer, state.paused);
  const timer = timers.running;
  const idle = state.idle;
  return (
    <main>
      {header}
      {idle && idle.to !== null && timer ? <IdlePrompt span={idle as typeof idle & { to: number }} /> : null}
      {state.autoStop?.why === 'away' && state.autoStop.back !== null ? <AwayStoppedPrompt stop={state.autoStop as AutoStop & { back: number }} /> : null}
      {state.autoStop?.why === 'stop-at' ? <StopAtNotice stop={state.autoStop} /> : null}
      <div role="tablist" aria-label={t('popupSections')} class="tabs" onKeyDown={onTabKey}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={draft.tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={draft.tab === id ? 0 : -1}
            onClick={() => setDraft({ ...draft, tab: id })}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${draft.tab}`} aria-labelledby={`tab-${draft.tab}`}>
        {draft.tab === 'timer' ? <TimerPanel timers={timers} draft={draft.timer} setDraft={(t) => setDraft({ ...draft, timer: t })} page={page} /> : null}
        {draft.tab === 'entry' ? (
          <TimeEntryForm
            draft={draft.entry}
            setDraft={(e) => setDraft({ ...draft, entry: e })}
            {...(account.user?.timeZone ? { timeZone: account.user.timeZone } : {})}
            matterLink={(id) => (hosts ? matterUrl(hosts, id) : '')}
            page={page}
          />
        ) : null}
        {draft.tab === 'expense' ? (
          <ExpenseForm
            draft={draft.expense ?? EMPTY_EXPENSE}
            setDraft={(e) => setDraft({ ...draft, expense: e })}
            {...(account.user?.timeZone ? { timeZone: account.user.timeZone } : {})}
            matterLink={(id) => (hosts ? matterUrl(hosts, id) : '')}
            page={page}
          />
        ) : null}
        {draft.tab === 'today' ? <TodayList outbox={state.outbox.filter((e) => e.owner === account.owner)} timer={timer} paused={timers.paused} /> : null}
      </div>
      <footer class="hint">{t('signedInAsName', account.user?.name ?? t('yourClioUser'))}</footer>
    </main>
  );
}
