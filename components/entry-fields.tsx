/** The fields an entry form (time, expense) shares: the page's matter picker, the date, the description, "Non-billable". */
import { MatterPicker } from '@/components/MatterPicker';
import { SuggestedNote, type useSuggestedMatter } from '@/components/suggested-matter';
import { searchMatters } from '@/components/time-entry/search-matters';
import { t } from '@/lib/i18n';
import type { PageSuggestions } from '@/lib/suggestions/suggestion-service';

/** "Matter", with "Suggested for this page" and why the preselected one was suggested. */
export function EntryMatter({
  id,
  picked,
  page,
  error,
}: {
  id: string;
  picked: ReturnType<typeof useSuggestedMatter>;
  page: PageSuggestions | null;
  error: string | undefined;
}) {
  return (
    <>
      <MatterPicker
        id={id}
        value={picked.value}
        onChange={picked.onChange}
        search={searchMatters}
        error={error}
        {...(page ? { suggested: page.suggestions } : {})}
      />
      <SuggestedNote page={page} preselected={picked.preselected} />
    </>
  );
}

export function DateField({ id, value, error, onInput }: { id: string; value: string; error: string | undefined; onInput: (v: string) => void }) {
  return (
    <div>
      <label for={id}>{t('dateField')}</label>
      <input id={id} type="date" value={value} aria-invalid={error ? true : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
      {error ? <p class="field-error">{error}</p> : null}
    </div>
  );
}

export function NoteField({ id, value, error, onInput }: { id: string; value: string; error: string | undefined; onInput: (v: string) => void }) {
  return (
    <>
      <label for={id}>{t('descriptionField')}</label>
      <textarea id={id} rows={2} value={value} aria-invalid={error ? true : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
      {error ? <p class="field-error">{error}</p> : null}
    </>
  );
}

export function NonBillable({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> {t('nonBillable')}
    </label>
  );
}
