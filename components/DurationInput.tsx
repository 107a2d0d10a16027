/** "Duration": takes 1.5, 1:30, 1h30m, 90m…; says what it understood, or what is wrong, at the field. */
import { parseDuration } from '@/lib/duration';
import { say, t } from '@/lib/i18n';

export function DurationInput({ id, value, onInput, error }: { id: string; value: string; onInput: (v: string) => void; error?: string }) {
  const parsed = value.trim() ? parseDuration(value) : null;
  const message = error ?? (parsed && !parsed.ok ? say(parsed.error) : undefined);
  return (
    <div>
      <label for={id}>{t('durationField')}</label>
      <input
        id={id}
        inputMode="decimal"
        autocomplete="off"
        placeholder={t('durationPlaceholder')}
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class={message ? 'field-error' : 'hint'}>
        {message ?? (parsed?.ok ? t('durationUnderstood', parsed.text) : '\u00a0')}
      </p>
    </div>
  );
}
