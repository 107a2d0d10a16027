/**
 * "Add deadline": a date on a page as a Clio task or calendar entry, on the suggested or chosen matter. The date read
 * from the selection is shown in words, so a misread is visible; an ambiguous one is offered both ways with nothing
 * chosen; the base date re-reads spans ("within 21 days of service"). Nothing reaches Clio before "Add to Clio"; the
 * entry then goes through the outbox (`deadlines/save`, once under the dialog's key), and a refusal shows at its field.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildServer } from '@/components/clio-hosts';
import { EntryMatter, NoteField } from '@/components/entry-fields';
import { fieldErrorsOf, messageOf } from '@/components/error-message';
import { DialogActions } from '@/components/page-frame/dialog-page';
import { type SaveOutcome, SaveStatus } from '@/components/SaveStatus';
import { rememberForSite, useSuggestedMatter } from '@/components/suggested-matter';
import { accountItem } from '@/lib/auth/account-item';
import { hostsOf } from '@/lib/auth/app-config';
import type { ClioHosts } from '@/lib/auth/regions';
import { settingsItem } from '@/lib/settings/settings-item';
import { getValues } from '@/lib/storage/item';
import { matterUrl } from '@/lib/clio/links';
import { ianaZone, isoDateIn } from '@/lib/dates';
import { dateChoices } from '@/lib/deadlines/date-choices';
import { describeDate } from '@/lib/deadlines/date-reading';
import type { DeadlineDialogReading } from '@/lib/deadlines/deadline-dialog-service';
import type { DeadlineInput } from '@/lib/deadlines/deadline-service';
import type { DeadlineSetup } from '@/lib/deadlines/deadline-setup';
import type { TaskPriority } from '@/lib/deadlines/clio-tasks';
import { say, t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { uiLocale } from '@/lib/ui-locale';

type Kind = DeadlineInput['type'];
type Field = 'matter' | 'name' | 'note' | 'when' | 'endTime' | 'location' | 'assignee' | 'priority';
type Errors = Partial<Record<Field, string>>;

/** Clio's field names (and deadlineProblem's) → the form's. */
const FIELD_OF: Record<string, Field> = {
  matter: 'matter',
  name: 'name',
  summary: 'name',
  description: 'note',
  due_at: 'when',
  start_at: 'when',
  end_at: 'endTime',
  location: 'location',
  assignee: 'assignee',
  priority: 'priority',
};

const PRIORITIES: Array<[TaskPriority, 'priorityHigh' | 'priorityNormal' | 'priorityLow']> = [
  ['High', 'priorityHigh'],
  ['Normal', 'priorityNormal'],
  ['Low', 'priorityLow'],
];

/** A dialog's name from the selection: its first line, collapsed and cut (the person edits it). */
const nameFrom = (selection: string, title: string) => (selection.split(/\n/)[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 200) || title.slice(0, 200);

export interface DeadlineFormProps {
  reading: DeadlineDialogReading;
  /** The page covers the frame now: "Add to Clio" waits. */
  covered: boolean;
  onClose: () => void;
}

export function DeadlineForm({ reading, covered, onClose }: DeadlineFormProps) {
  const locale = uiLocale();
  const [me, setMe] = useState<{ id: number; name: string; timeZone?: string } | null>(null);
  const today = isoDateIn(Date.now(), me?.timeZone);
  const [base, setBase] = useState(today);
  const zone = ianaZone(me?.timeZone);
  const read = useMemo(
    () => dateChoices(reading.selection, { base: base || today, locale, ...(zone ? { timeZone: zone } : {}) }),
    [reading.selection, base, zone],
  );
  const [choice, setChoice] = useState<string | null>(read.chosen);
  const first = read.choices.find((c) => c.key === read.chosen);
  const [kind, setKind] = useState<Kind>(first?.time ? 'calendar-entry' : 'task');
  const [date, setDate] = useState(first?.date ?? '');
  const [time, setTime] = useState(first?.time ?? '');
  const [endTime, setEndTime] = useState('');
  const [allDay, setAllDay] = useState(false);
  const [location, setLocation] = useState('');
  const [name, setName] = useState(() => nameFrom(reading.selection, reading.pageTitle));
  const [note, setNote] = useState(reading.selection);
  const [assignee, setAssignee] = useState<number | null>(null);
  const [priority, setPriority] = useState<TaskPriority>('Normal');
  const [statute, setStatute] = useState(false);
  const [chosen, setChosen] = useState<MatterRef | null>(reading.matter ?? null);
  const [page, setPage] = useState<PageSuggestions | null>(null);
  const picked = useSuggestedMatter(chosen, page, setChosen);
  const [setup, setSetup] = useState<DeadlineSetup | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const [hosts, setHosts] = useState<ClioHosts | null>(null);

  useEffect(() => {
    if (reading.windowId !== undefined && !reading.matter) send('suggestions/for-page', { windowId: reading.windowId }).then(setPage, () => undefined);
    // From the surfaces' copy in storage.session: in a frame over a web page, the extension's IndexedDB is the page's
    // partition, not the one the background writes.
    getValues({ account: accountItem, settings: settingsItem }).then(
      ({ account, settings }) => {
        setMe(account.user ?? null);
        setHosts(hostsOf(settings, { customServer: buildServer }));
      },
      () => undefined,
    );
    send('deadlines/setup').then(setSetup, () => undefined);
  }, []);

  // A span read again from a changed base date moves the date it gave.
  useEffect(() => {
    const c = read.choices.find((x) => x.key === choice);
    if (c?.relative) setDate(c.date);
  }, [read]);

  const choose = (k: string) => {
    const c = read.choices.find((x) => x.key === k);
    if (!c) return;
    setChoice(k);
    setDate(c.date);
    if (c.time) setTime(c.time);
  };

  const task = kind === 'task';
  const input = (matter: MatterRef): DeadlineInput => {
    const common = { matter, name, note, ...(reading.pageUrl ? { pageUrl: reading.pageUrl } : {}) };
    return task
      ? { ...common, type: 'task', dueDate: date, ...(assignee !== null ? { assigneeId: assignee } : {}), priority, statuteOfLimitations: statute }
      : { ...common, type: 'calendar-entry', date, allDay, ...(allDay ? {} : { time, endTime }), location };
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const matter = picked.value;
    if (!matter) {
      setErrors({ matter: t('chooseMatter') });
      setStatus({ s: { tone: 'error', text: t('fixMarkedFields') } });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const entry = await send('deadlines/save', { deadline: input(matter), key });
      rememberForSite(page, matter);
      const when = `${describeDate(date, locale)}${!task && !allDay && time ? `, ${time}` : ''}`;
      setStatus(
        entry.state === 'sent'
          ? {
              s: { tone: 'success', text: task ? t('taskAdded', when) : t('calendarEntryAdded', when) },
              ...(hosts ? { link: matterUrl(hosts, matter.id) } : {}),
            }
          : { s: { tone: 'info', text: t('deadlineKeptOffline') } },
      );
      setDone(true);
    } catch (err) {
      const mapped = fieldErrorsOf(err, FIELD_OF);
      setErrors(mapped);
      setStatus({ s: { tone: 'error', text: Object.keys(mapped).length ? t('deadlineRefusedAtField') : messageOf(err) } });
    } finally {
      setBusy(false);
    }
  };

  const err = (f: Field) => (errors[f] ? <p class="field-error">{errors[f]}</p> : null);
  const invalid = (f: Field) => (errors[f] ? true : undefined);
  const dateInWords = /^\d{4}-\d{2}-\d{2}$/.test(date) ? describeDate(date, locale) : '';

  return (
    <form class="dialog-form deadline-form" onSubmit={save} noValidate>
      <fieldset disabled={done || busy}>
        <EntryMatter id="deadline-matter" picked={picked} page={page} error={errors.matter} />
        <fieldset class="kinds">
          <legend>{t('deadlineKind')}</legend>
          <label class="check">
            <input type="radio" name="deadline-kind" checked={task} onChange={() => setKind('task')} />
            {t('deadlineTask')}
          </label>
          <label class="check">
            <input type="radio" name="deadline-kind" checked={!task} onChange={() => setKind('calendar-entry')} />
            {t('deadlineCalendarEntry')}
          </label>
        </fieldset>
        <div>
          <label for="deadline-name">{t('deadlineNameField')}</label>
          <input id="deadline-name" value={name} aria-invalid={invalid('name')} onInput={(e) => setName(e.currentTarget.value)} />
          {err('name')}
        </div>
        <div class="part">
          {read.choices.length ? (
            <fieldset>
              <legend>{t('deadlineDatesRead')}</legend>
              {read.choices.map((c) => (
                <div key={c.key} class="choice">
                  <label class="check">
                    <input type="radio" name="deadline-read" checked={choice === c.key} onChange={() => choose(c.key)} />
                    {t('deadlineChoice', `${describeDate(c.date, locale)}${c.time ? `, ${c.time}` : ''}`, c.words)}
                  </label>
                  {c.caution ? <p class="hint">{say(c.caution)}</p> : null}
                </div>
              ))}
              {choice === null ? <p class="notice">{t('deadlineChooseDate')}</p> : null}
            </fieldset>
          ) : (
            <p class="hint">{t('deadlineNoDateRead')}</p>
          )}
          <div class="two">
            <div>
              <label for="deadline-date">{t('dateField')}</label>
              <input
                id="deadline-date"
                type="date"
                value={date}
                aria-invalid={invalid('when')}
                aria-describedby="deadline-date-words"
                onInput={(e) => setDate(e.currentTarget.value)}
              />
            </div>
            {task || allDay ? null : (
              <div>
                <label for="deadline-time">{t('timeField')}</label>
                <input id="deadline-time" type="time" value={time} aria-invalid={invalid('when')} onInput={(e) => setTime(e.currentTarget.value)} />
              </div>
            )}
          </div>
          <p id="deadline-date-words" class="date-words" aria-live="polite">
            {dateInWords || '\u00a0'}
          </p>
          {err('when')}
          <div>
            <label for="deadline-base">{t('baseDateField')}</label>
            <input id="deadline-base" type="date" value={base} aria-describedby="deadline-base-hint" onInput={(e) => setBase(e.currentTarget.value)} />
            <p id="deadline-base-hint" class="hint">
              {t('baseDateHint')}
            </p>
          </div>
        </div>
        <div class="part">
          {task ? (
            <>
              <div class="two">
                <div>
                  <label for="deadline-assignee">{t('assigneeField')}</label>
                  <select
                    id="deadline-assignee"
                    value={assignee ?? ''}
                    aria-invalid={invalid('assignee')}
                    onChange={(e) => setAssignee(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
                  >
                    <option value="">{t('assigneeMe', me?.name ?? '')}</option>
                    {setup?.users
                      .filter((u) => u.id !== me?.id)
                      .map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                  </select>
                  {err('assignee')}
                </div>
                <div>
                  <label for="deadline-priority">{t('priorityField')}</label>
                  <select id="deadline-priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value as TaskPriority)}>
                    {PRIORITIES.map(([p, word]) => (
                      <option key={p} value={p}>
                        {t(word)}
                      </option>
                    ))}
                  </select>
                  {err('priority')}
                </div>
              </div>
              <label class="check">
                <input type="checkbox" checked={statute} onChange={(e) => setStatute(e.currentTarget.checked)} />
                {t('deadlinesStatute')}
              </label>
            </>
          ) : (
            <>
              <label class="check">
                <input type="checkbox" checked={allDay} onChange={(e) => setAllDay(e.currentTarget.checked)} />
                {t('allDayField')}
              </label>
              <div class="two">
                {allDay ? null : (
                  <div>
                    <label for="deadline-end">{t('endTimeField')}</label>
                    <input id="deadline-end" type="time" value={endTime} aria-invalid={invalid('endTime')} onInput={(e) => setEndTime(e.currentTarget.value)} />
                    {err('endTime')}
                  </div>
                )}
                <div>
                  <label for="deadline-location">{t('locationField')}</label>
                  <input id="deadline-location" value={location} aria-invalid={invalid('location')} onInput={(e) => setLocation(e.currentTarget.value)} />
                  {err('location')}
                </div>
              </div>
            </>
          )}
          <NoteField id="deadline-note" value={note} error={errors.note} onInput={setNote} />
          <p class="hint">{t('deadlinePageAdded')}</p>
        </div>
      </fieldset>
      <SaveStatus status={status} />
      <DialogActions id="deadline" label={t('addToClio')} covered={covered} done={done} held={busy} onClose={onClose} />
    </form>
  );
}
