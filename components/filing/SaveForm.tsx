/**
 * "Save to Clio": file what is on the page to a matter, in one form. A copy of the page (or the PDF) as a
 * document, the selection as a communication (with an optional linked time entry), a note. The matter suggested
 * for the page comes first. Each chosen part goes to the background in one `filing/save` and is sent exactly once
 * through the outbox; the outcome, with links into Clio, shows in the role `status` region.
 */
import { useEffect, useState } from 'preact/hooks';
import { currentHosts } from '@/components/clio-hosts';
import { DurationInput } from '@/components/DurationInput';
import { DateField, EntryMatter } from '@/components/entry-fields';
import { DialogActions } from '@/components/page-frame/dialog-page';
import { messageOf } from '@/components/error-message';
import { type SaveOutcome, SaveStatus } from '@/components/SaveStatus';
import { rememberForSite, useSuggestedMatter } from '@/components/suggested-matter';
import { matterUrl } from '@/lib/clio/links';
import { isoDateIn } from '@/lib/dates';
import { parseDuration } from '@/lib/duration';
import type { FilingRequest } from '@/lib/filing/filing-request';
import { partiesOf, splitAddresses } from '@/lib/filing/mail-parties';
import type { CopyState } from '@/lib/filing/save-dialog-service';
import { defaultDocumentName, type SaveReading } from '@/lib/filing/save-reading';
import { say, t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { useFiling } from './use-filing';
import { sizeIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';

type Field = 'matter' | 'name' | 'subject' | 'text' | 'from' | 'to' | 'date' | 'duration' | 'parts';
type Errors = Partial<Record<Field, string>>;

export interface SaveFormProps {
  id: string;
  reading: SaveReading;
  /** The page covers the frame now: Save waits. */
  covered: boolean;
  /** Asks, on the Save click, for the upload origins this build may not hold yet (true when held or granted). */
  askUploadPermission: () => Promise<boolean>;
  onClose: () => void;
}

export function SaveForm({ id, reading, covered, askUploadPermission, onClose }: SaveFormProps) {
  const today = isoDateIn(Date.now());
  const [chosen, setChosen] = useState<MatterRef | null>(reading.matter ?? null);
  const [page, setPage] = useState<PageSuggestions | null>(null);
  const picked = useSuggestedMatter(chosen, page, setChosen);
  const [copy, setCopy] = useState<CopyState>({ state: reading.source.kind === 'none' ? 'none' : 'pending' });
  const hasBytes = reading.source.kind !== 'none';
  const [fileDoc, setFileDoc] = useState(hasBytes);
  const [name, setName] = useState(() => defaultDocumentName(reading, today));
  const [logComm, setLogComm] = useState(false);
  const [addNote, setAddNote] = useState(false);
  const [subject, setSubject] = useState(reading.pageTitle);
  const [text, setText] = useState(reading.selection || reading.excerpt);
  const [parties] = useState(() => partiesOf(reading.partyText));
  const [from, setFrom] = useState(parties.senders.join(', '));
  const [to, setTo] = useState(parties.receivers.join(', '));
  const [date, setDate] = useState(today);
  const [duration, setDuration] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [hosts, setHosts] = useState<Awaited<ReturnType<typeof currentHosts>> | null>(null);
  const filing = useFiling((matterId) => (hosts ? matterUrl(hosts, matterId) : ''));

  useEffect(() => {
    if (reading.windowId !== undefined && !reading.matter) {
      send('suggestions/for-page', { windowId: reading.windowId }).then(setPage, () => undefined);
    }
    currentHosts().then(setHosts, () => undefined);
    if (!hasBytes) return;
    let live = true;
    const ask = async (): Promise<void> => {
      try {
        const s = await send('save-dialog/copy', { id });
        if (!live) return;
        setCopy(s);
        if (s.state === 'pending') await ask();
      } catch (e) {
        if (live) setCopy({ state: 'failed', message: messageOf(e) });
      }
    };
    void ask();
    return () => {
      live = false;
    };
  }, [id]);

  const pdf = reading.source.kind === 'pdf';
  const done = filing.outcome?.finished === true;

  const save = (e: Event) => {
    e.preventDefault();
    // Firefox grants a permission only within the click's own turn: asked before anything is awaited.
    const permitted = fileDoc ? askUploadPermission() : Promise.resolve(true);
    void submit(permitted);
  };

  const submit = async (permitted: Promise<boolean>) => {
    const matter = picked.value;
    const errs: Errors = {};
    const senders = splitAddresses(from);
    const receivers = splitAddresses(to);
    const hours = duration.trim() ? parseDuration(duration) : null;
    if (!matter) errs.matter = t('chooseMatter');
    if (!fileDoc && !logComm && !addNote) errs.parts = t('saveChooseSomething');
    if (fileDoc && !name.trim()) errs.name = t('saveNameNeeded');
    if (fileDoc && copy.state === 'failed') errs.parts = copy.message;
    if ((logComm || addNote) && !subject.trim()) errs.subject = t('saveSubjectNeeded');
    if ((logComm || addNote) && !text.trim()) errs.text = t('saveTextNeeded');
    if (logComm && senders.bad.length) errs.from = t('notAnEmailList', senders.bad.join(', '));
    if (logComm && receivers.bad.length) errs.to = t('notAnEmailList', receivers.bad.join(', '));
    if (logComm && !/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.date = t('enterDate');
    if (logComm && hours && !hours.ok) errs.duration = say(hours.error);
    setErrors(errs);
    if (!matter || Object.keys(errs).length) {
      setStatus({ s: { tone: 'error', text: t('fixMarkedFields') } });
      return;
    }
    setBusy(true);
    try {
      if (fileDoc && !(await permitted)) {
        setStatus({ s: { tone: 'error', text: t('uploadPermissionRefused') } });
        return;
      }
      let bytes = copy;
      if (fileDoc && bytes.state === 'pending') {
        setStatus({ s: { tone: 'info', text: pdf ? t('pdfStillReading') : t('pageCopyStillMaking') } });
        bytes = await send('save-dialog/copy', { id });
        setCopy(bytes);
        if (bytes.state !== 'ready') {
          setStatus({ s: { tone: 'error', text: bytes.state === 'failed' ? bytes.message : t('pageCopyStillMaking') } });
          return;
        }
      }
      const request: FilingRequest = {
        id,
        matter,
        ...(reading.pageUrl ? { pageUrl: reading.pageUrl } : {}),
        ...(fileDoc ? { document: { name: name.trim(), source: pdf ? 'pdf' : 'page-copy' } } : {}),
        ...(logComm
          ? {
              communication: {
                subject: subject.trim(),
                body: text.trim(),
                date,
                senders: senders.ok,
                receivers: receivers.ok,
                ...(hours?.ok ? { hours: hours.seconds / 3600 } : {}),
              },
            }
          : {}),
        ...(addNote ? { note: { subject: subject.trim(), detail: text.trim() } } : {}),
      };
      const answer = await send('filing/save', request);
      rememberForSite(page, matter);
      setStatus(null);
      filing.follow(answer, matter);
    } catch (err) {
      setStatus({ s: { tone: 'error', text: messageOf(err) } });
    } finally {
      setBusy(false);
    }
  };

  const err = (f: Field) => (errors[f] ? <p class="field-error">{errors[f]}</p> : null);
  const copyNote =
    copy.state === 'pending'
      ? pdf
        ? t('pdfReading')
        : t('pageCopyMaking')
      : copy.state === 'ready'
        ? [pdf ? t('pdfReady', sizeIn(copy.bytes, uiLocale())) : t('pageCopyReady', sizeIn(copy.bytes, uiLocale())), ...copy.leftOut].join(' ')
        : copy.state === 'failed'
          ? copy.message
          : t('pageCopyUnavailable', t('menuFileToMatter'));

  return (
    <form class="dialog-form save-form" onSubmit={save} noValidate>
      <fieldset disabled={done || busy}>
        <EntryMatter id="save-matter" picked={picked} page={page} error={errors.matter} />
        <div class="part">
          <label class="check">
            <input type="checkbox" checked={fileDoc} disabled={!hasBytes} onChange={(e) => setFileDoc(e.currentTarget.checked)} />
            {pdf ? t('saveThePdf') : t('saveCopyOfPage')}
          </label>
          <p class={copy.state === 'failed' ? 'field-error' : 'hint'} aria-live="polite">
            {copyNote}
          </p>
          {fileDoc ? (
            <div>
              <label for="save-name">{t('documentName')}</label>
              <input
                id="save-name"
                value={name}
                maxLength={255}
                aria-invalid={errors.name ? true : undefined}
                onInput={(e) => setName(e.currentTarget.value)}
              />
              {err('name')}
            </div>
          ) : null}
        </div>
        <div class="part">
          <label class="check">
            <input type="checkbox" checked={logComm} onChange={(e) => setLogComm(e.currentTarget.checked)} />
            {t('logAsCommunication')}
          </label>
          <label class="check">
            <input type="checkbox" checked={addNote} onChange={(e) => setAddNote(e.currentTarget.checked)} />
            {t('addAsNote')}
          </label>
          {logComm || addNote ? (
            <>
              <div>
                <label for="save-subject">{t('subjectField')}</label>
                <input
                  id="save-subject"
                  value={subject}
                  maxLength={255}
                  aria-invalid={errors.subject ? true : undefined}
                  onInput={(e) => setSubject(e.currentTarget.value)}
                />
                {err('subject')}
              </div>
              <div>
                <label for="save-text">{t('saveTextField')}</label>
                <textarea id="save-text" rows={5} value={text} aria-invalid={errors.text ? true : undefined} onInput={(e) => setText(e.currentTarget.value)} />
                {err('text')}
              </div>
            </>
          ) : null}
          {logComm ? (
            <>
              <div class="two">
                <div>
                  <label for="save-from">{t('fromField')}</label>
                  <input
                    id="save-from"
                    value={from}
                    autocomplete="off"
                    aria-invalid={errors.from ? true : undefined}
                    onInput={(e) => setFrom(e.currentTarget.value)}
                  />
                  {err('from')}
                </div>
                <div>
                  <label for="save-to">{t('toField')}</label>
                  <input id="save-to" value={to} autocomplete="off" aria-invalid={errors.to ? true : undefined} onInput={(e) => setTo(e.currentTarget.value)} />
                  {err('to')}
                </div>
              </div>
              <div class="two">
                <DateField id="save-date" value={date} error={errors.date} onInput={setDate} />
                <DurationInput id="save-duration" value={duration} onInput={setDuration} {...(errors.duration ? { error: errors.duration } : {})} />
              </div>
            </>
          ) : null}
        </div>
        {err('parts')}
      </fieldset>
      <SaveStatus status={status} />
      {filing.outcome ? (
        <div role="status" class={`status status-${filing.outcome.tone}`}>
          <ul class="outcome">
            {filing.outcome.lines.map((l) => (
              <li key={l.text}>
                {l.text}
                {l.link ? (
                  <>
                    {' '}
                    <a href={l.link} target="_blank" rel="noreferrer">
                      {t('openInClio')}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {filing.outcome.progress !== undefined ? <progress max={1} value={filing.outcome.progress} aria-label={t('uploadProgress')} /> : null}
        </div>
      ) : null}
      <DialogActions id="save" label={t('saveToClio')} covered={covered} done={done} held={busy || filing.outcome !== null} onClose={onClose} />
    </form>
  );
}
