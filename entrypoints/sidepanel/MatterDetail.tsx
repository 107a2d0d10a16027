/**
 * A matter's detail: client and contact, status, attorney, practice area, recent time, and actions; its notes,
 * communications, documents and deadlines in sections that load only when opened.
 */
import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentHosts } from '@/components/clio-hosts';
import { messageOf } from '@/components/error-message';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { TimeEntryForm } from '@/components/time-entry/TimeEntryForm';
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { matterUrl } from '@/lib/clio/links';
import type { MatterDetailJson } from '@/lib/matters/clio-matters';
import { formatDuration } from '@/lib/duration-format';
import { t } from '@/lib/i18n';
import { matterLabel, type MatterRef } from '@/lib/matter-ref';
import type { IndexedMatter, MatterRow } from '@/lib/matters/matter';
import { send } from '@/lib/messaging/send';
import { EMPTY_DRAFT, panelDraftsItem, type TimeEntryDraft } from '@/lib/drafts/drafts';
import { useFollowed } from '@/components/use-followed';
import { useKeptDraft } from '@/components/use-kept-draft';
import { accountItem } from '@/lib/auth/account-item';
import { pinnedMattersItem } from '@/lib/matters/matter-items';
import { storedMatter } from './local-index';
import { matterStatusText } from './matter-status';
import { AddNote } from './AddNote';
import { FiledSection } from './FiledSection';
import { DeadlinesSection } from './DeadlinesSection';
import { BillingSection } from './BillingSection';
import { InjurySections } from './InjurySections';
import { dayIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';

/** The day a matter was opened, in the UI's locale (Clio sends YYYY-MM-DD); a dash when Clio has none. */
const openedOn = (date: string | null | undefined) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayIn(date, uiLocale()) : (date ?? '—'));

export function MatterDetail({ matter, back }: { matter: MatterRow; back: () => void }) {
  /** What the index holds of the matter beyond its row, shown until Clio's detail arrives (or if it cannot). */
  const [held, setHeld] = useState<IndexedMatter | undefined>();
  const [detail, setDetail] = useState<{ matter: MatterDetailJson; recent: ActivityJson[] } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [logging, setLogging] = useState(false);
  const [noting, setNoting] = useState(false);
  /** Bumped when a note is saved here: an open "Notes" section shows it. */
  const [notesVersion, setNotesVersion] = useState(0);
  const [link, setLink] = useState('');
  const [timeZone, setTimeZone] = useState<string | undefined>();
  // The result (or suggestion) that opened this detail is gone: focus goes to the heading, which names the matter.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [matter.id]);
  const ref: MatterRef = { id: matter.id, displayNumber: matter.displayNumber, description: matter.description, clientName: matter.clientName };
  // What was typed here and not saved yet comes back, with "Log time" open, after the panel closed.
  const followed = useFollowed({ panel: panelDraftsItem, pinned: pinnedMattersItem });
  const drafts = followed?.panel;
  const pinned = !!followed?.pinned.some((p) => p.id === matter.id);
  const [draft, setDraft] = useKeptDraft<TimeEntryDraft>(
    drafts?.[String(matter.id)] ?? { ...EMPTY_DRAFT.entry, matter: ref },
    (d) => void send('drafts/keep-panel', { matterId: matter.id, draft: d }),
  );
  const hadDraft = drafts !== undefined && !!drafts[String(matter.id)];

  useEffect(() => {
    let current = true; // answers for a matter no longer shown are dropped
    setLogging(false);
    setNoting(false);
    void send('matters/detail', { id: matter.id }).then(
      (d) => current && setDetail(d),
      (e) => current && setStatus({ tone: 'error', text: messageOf(e) }),
    );
    setHeld(undefined);
    void storedMatter(matter.id).then(
      (m) => current && setHeld(m),
      () => undefined,
    );
    void currentHosts().then((h) => current && setLink(matterUrl(h, matter.id)));
    void accountItem.getValue().then((a) => current && setTimeZone(a.user?.timeZone));
    return () => void (current = false);
  }, [matter.id]);

  // After the reset above: a kept draft opens "Log time".
  useEffect(() => {
    if (hadDraft) setLogging(true);
  }, [matter.id, hadDraft]);

  const startTimer = async () => {
    try {
      const out = await send('timer/start', { matter: ref, note: '', activityDescriptionId: null });
      const before = out.stopped ? `${t('stoppedTimerOn', out.stopped.matterLabel, formatDuration(out.stopped.seconds))} ` : '';
      setStatus(out.offline ? { tone: 'info', text: before + out.offline } : { tone: 'success', text: before + t('timerStartedOn', matterLabel(ref)) });
    } catch (e) {
      setStatus({ tone: 'error', text: messageOf(e) });
    }
  };
  /** "Save this page", "Add deadline": that dialog over this window's page, for this matter. */
  const openDialog = async (type: 'save-dialog/open' | 'deadline-dialog/open') => {
    try {
      const w = await browser.windows.getCurrent();
      await send(type, { matter: ref, ...(w.id === undefined ? {} : { windowId: w.id }) });
    } catch (e) {
      setStatus({ tone: 'error', text: messageOf(e) });
    }
  };
  /** Pinned matters come first in every Matter picker. */
  const togglePin = () => send('matters/pin', { matter: ref, pinned: !pinned }).catch((e) => setStatus({ tone: 'error', text: messageOf(e) }));
  const copy = async () => {
    await navigator.clipboard.writeText(matter.displayNumber);
    setStatus({ tone: 'success', text: t('copiedNumber', matter.displayNumber) });
  };

  const m = detail?.matter;
  return (
    <main class="detail">
      <button type="button" class="link back" onClick={back}>
        {t('backToResults')}
      </button>
      <h1 ref={heading} tabIndex={-1}>
        {matter.displayNumber} <span class={`badge status-${(m?.status ?? matter.status).toLowerCase()}`}>{matterStatusText(m?.status ?? matter.status)}</span>
      </h1>
      <p class="desc">{m?.description ?? matter.description}</p>
      <dl>
        <dt>{t('client')}</dt>
        <dd>
          {m?.client?.name ?? matter.clientName}
          {m?.client?.primary_email_address ? (
            <>
              <br />
              <a href={`mailto:${m.client.primary_email_address}`}>{m.client.primary_email_address}</a>
            </>
          ) : null}
          {m?.client?.primary_phone_number ? (
            <>
              <br />
              <a href={`tel:${m.client.primary_phone_number}`}>{m.client.primary_phone_number}</a>
            </>
          ) : null}
        </dd>
        <dt>{t('responsibleAttorney')}</dt>
        <dd>{m?.responsible_attorney?.name ?? (held?.responsibleAttorneyName || '—')}</dd>
        <dt>{t('practiceArea')}</dt>
        <dd>{m?.practice_area?.name ?? (held?.practiceArea || '—')}</dd>
        <dt>{t('opened')}</dt>
        <dd>{openedOn(m?.open_date ?? held?.openDate)}</dd>
      </dl>
      <p class="row actions">
        <button type="button" class="primary" onClick={startTimer}>
          {t('startTimer')}
        </button>
        <button type="button" onClick={() => setLogging(!logging)} aria-expanded={logging}>
          {t('logTime')}
        </button>
        <button type="button" onClick={() => setNoting(!noting)} aria-expanded={noting}>
          {t('addNote')}
        </button>
        <button type="button" onClick={() => openDialog('save-dialog/open')}>
          {t('saveThisPage')}
        </button>
        <button type="button" onClick={() => openDialog('deadline-dialog/open')}>
          {t('addDeadline')}
        </button>
      </p>
      <p class="row links">
        <a href={link} target="_blank" rel="noreferrer">
          {t('openInClio')}
        </a>
        <button type="button" class="link" onClick={copy}>
          {t('copyNumber')}
        </button>
        <button type="button" class="link pin" aria-pressed={pinned} onClick={togglePin}>
          <span aria-hidden="true">{pinned ? '★ ' : '☆ '}</span>
          {t('pinMatter')}
        </button>
      </p>
      <StatusMessage status={status} />
      {logging && draft ? (
        <section class="card" aria-label={t('logTime')}>
          <TimeEntryForm draft={draft} setDraft={setDraft} {...(timeZone ? { timeZone } : {})} matterLink={() => link} />
        </section>
      ) : null}
      {noting ? <AddNote key={matter.id} matter={ref} saved={() => setNotesVersion((v) => v + 1)} /> : null}
      <h2>{t('recentTime')}</h2>
      {detail === null ? <p class="hint">{t('loading')}</p> : null}
      {detail?.recent.length === 0 ? <p class="hint">{t('noRecentTime')}</p> : null}
      <ul class="recent">
        {detail?.recent.map((a) => (
          <li key={a.id}>
            <span class="dur">{formatDuration(a.quantity)}</span> <span class="date">{a.date}</span>
            <span class="note">{a.note || a.activity_description?.name || ''}</span>
          </li>
        ))}
      </ul>
      <FiledSection matterId={matter.id} kind="notes" version={notesVersion} />
      <FiledSection matterId={matter.id} kind="communications" />
      <FiledSection matterId={matter.id} kind="documents" />
      <DeadlinesSection matterId={matter.id} {...(timeZone ? { timeZone } : {})} />
      <BillingSection matter={ref} />
      <InjurySections matter={ref} area={m?.practice_area?.name ?? held?.practiceArea} />
    </main>
  );
}
