/** "Log time": a time entry with forgiving duration input; errors show at their fields. */
import { useState } from 'preact/hooks';
import { DurationInput } from '@/components/DurationInput';
import { MatterPicker } from '@/components/MatterPicker';
import { rememberForSite, SuggestedNote, useSuggestedMatter } from '@/components/suggested-matter';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';
import type { Status } from '@/components/StatusMessage';
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
import { messageOf } from '@/components/error-message';
import { searchMatters } from './search-matters';

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
  const [status, setStatus] = useState<{ s: Status; link?: string } | null>(null);
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
      const mapped: FieldErrors = {};
      if (err instanceof AppError && err.fieldErrors) {
        for (const [k, v] of Object.entries(err.fieldErrors)) if (FIELD_OF[k]) mapped[FIELD_OF[k]!] = v;
        setErrors(mapped);
      }
      const atFields = Object.keys(mapped).length > 0;
      setStatus({ s: { tone: 'error', text: atFields ? t('entryRefusedAtField') : messageOf(err) } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <MatterPicker
        id="entry-matter"
        value={picked.value}
        onChange={picked.onChange}
        search={searchMatters}
        error={errors.matter}
        {...(page ? { suggested: page.suggestions } : {})}
      />
      <SuggestedNote page={page} preselected={picked.preselected} />
      <div class="two">
        <div>
          <label for="entry-date">{t('dateField')}</label>
          <input
            id="entry-date"
            type="date"
            value={date}
            aria-invalid={errors.date ? true : undefined}
            onInput={(e) => setDraft({ ...draft, date: e.currentTarget.value })}
          />
          {errors.date ? <p class="field-error">{errors.date}</p> : null}
        </div>
        <DurationInput id="entry-duration" value={draft.duration} onInput={(v) => setDraft({ ...draft, duration: v })} error={errors.duration} />
      </div>
      <ActivitySelect id="entry-activity" value={draft.activityDescriptionId} onChange={(v) => setDraft({ ...draft, activityDescriptionId: v })} />
      {errors.activity ? <p class="field-error">{errors.activity}</p> : null}
      <label for="entry-note">{t('descriptionField')}</label>
      <textarea
        id="entry-note"
        rows={2}
        value={draft.note}
        aria-invalid={errors.note ? true : undefined}
        onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
      />
      {errors.note ? <p class="field-error">{errors.note}</p> : null}
      <label class="check">
        <input type="checkbox" checked={draft.nonBillable} onChange={(e) => setDraft({ ...draft, nonBillable: e.currentTarget.checked })} /> {t('nonBillable')}
      </label>
      <p class="row actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('saveTimeEntry')}
        </button>
      </p>
      <div role="status" class={`status ${status ? `status-${status.s.tone}` : ''}`}>
        {status?.s.text ?? ''}
        {status?.link ? (
          <>
            {' '}
            <a href={status.link} target="_blank" rel="noreferrer">
              {t('openInClio')}
            </a>
          </>
        ) : null}
      </div>
    </form>
  );
}
