/** "Log time": a time entry with forgiving duration input; errors show at their fields. */
import { useState } from 'preact/hooks';
import { DurationInput } from '@/components/DurationInput';
import { rememberForSite, useSuggestedMatter } from '@/components/suggested-matter';
import { DateField, EntryMatter, NonBillable, NoteField } from '@/components/entry-fields';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import { type SaveOutcome, SaveStatus } from '@/components/SaveStatus';
import type { ActivityJson } from '@/lib/time-entries/clio-activities';
import { parseDuration } from '@/lib/duration';
import { AppError } from '@/lib/errors';
import { say, t } from '@/lib/i18n';
import { matterLabel } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { MAX_NOTE_CHARS } from '@/lib/time-entries/limits';
import { isoDateIn } from '@/lib/dates';
import type { PopupDraft } from '@/lib/drafts/drafts';
import { ActivitySelect } from './ActivitySelect';
import { savedText } from './saved-text';
import { fieldErrorsOf, messageOf } from '@/components/error-message';
import { BusyButton } from '@/components/BusyButton';

type Draft = PopupDraft['entry'];
type FieldErrors = Partial<Record<'matter' | 'date' | 'duration' | 'note' | 'activity', string>>;

/** Clio's field names → the form's. */
const FIELD_OF: Record<string, keyof FieldErrors> = { matter: 'matter', date: 'date', quantity: 'duration', note: 'note', activity_description: 'activity' };

export function TimeEntryForm({
  draft,
  setDraft,
  timeZone,
  matterLink,
  page = null,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  timeZone?: string;
  matterLink: (id: number) => string;
  /** "Suggested for this page" (the popup): the best is preselected while nothing else is chosen. */
  page?: PageSuggestions | null;
}) {
  const picked = useSuggestedMatter(draft.matter, page, (m) => setDraft({ ...draft, matter: m }));
  const today = isoDateIn(Date.now(), timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const date = draft.date || today;

  const save = async (e: Event) => {
    e.preventDefault();
    const duration = parseDuration(draft.duration);
    const errs: FieldErrors = {};
    const matter = picked.value;
    if (!matter) errs.matter = t('chooseMatter');
    if (!duration.ok) errs.duration = say(duration.error);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.date = t('enterDate');
    if (draft.note.length > MAX_NOTE_CHARS) errs.note = t('noteTooLong');
    setErrors(errs);
    if (!matter || !duration.ok || Object.keys(errs).length) {
      setStatus({ s: { tone: 'error', text: t('fixMarkedFields') } });
      return;
    }
    const key = draft.key ?? crypto.randomUUID();
    setDraft({ ...draft, key });
    setBusy(true);
    try {
      const entry = await send('time-entries/save', {
        key,
        matter,
        date,
        seconds: duration.seconds,
        note: draft.note,
        activityDescriptionId: draft.activityDescriptionId,
        nonBillable: draft.nonBillable,
      });
      rememberForSite(page, matter);
      if (entry.state === 'sent') {
        setStatus({
          s: { tone: 'success', text: savedText(duration.seconds, entry.result as ActivityJson, matterLabel(matter)) },
          link: matterLink(matter.id),
        });
      } else {
        setStatus({ s: { tone: 'info', text: t('entryKeptOffline') } });
      }
    } catch (err) {
      const mapped = fieldErrorsOf(err, FIELD_OF);
      if (err instanceof AppError && err.fieldErrors) setErrors(mapped);
      const atFields = Object.keys(mapped).length > 0;
      setStatus({ s: { tone: 'error', text: atFields ? t('entryRefusedAtField') : messageOf(err) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <EntryMatter id="entry-matter" picked={picked} page={page} error={errors.matter} />
      <div class="two">
        <DateField id="entry-date" value={date} error={errors.date} onInput={(v) => setDraft({ ...draft, date: v })} />
        <DurationInput id="entry-duration" value={draft.duration} onInput={(v) => setDraft({ ...draft, duration: v })} error={errors.duration} />
      </div>
      <ActivitySelect
        id="entry-activity"
        value={draft.activityDescriptionId}
        picked={picked}
        onChange={(v) => setDraft({ ...draft, activityDescriptionId: v })}
      />
      {errors.activity ? <p class="field-error">{errors.activity}</p> : null}
      <NoteField id="entry-note" value={draft.note} error={errors.note} onInput={(v) => setDraft({ ...draft, note: v })} />
      <NonBillable checked={draft.nonBillable} onChange={(v) => setDraft({ ...draft, nonBillable: v })} />
      <p class="row actions">
        <BusyButton type="submit" class="primary" busy={busy}>
          {t('saveTimeEntry')}
        </BusyButton>
      </p>
      <SaveStatus status={status} />
    </form>
  );
}
