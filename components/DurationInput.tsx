/** "Duration": takes 1.5, 1:30, 1h30m, 90m…; says what it understood, or what is wrong, at the field. */
import { parseDuration } from '@/lib/duration';

export function DurationInput({ id, value, onInput, error }: { id: string; value: string; onInput: (v: string) => void; error?: string }) {
  const parsed = value.trim() ? parseDuration(value) : null;
  const message = error ?? (parsed && !parsed.ok ? parsed.error : undefined);
  return (
    <div>
      <label for={id}>Duration</label>
      <input
        id={id}
        inputMode="decimal"
        autocomplete="off"
        placeholder="1.5, 1:30, 1h30m or 90m"
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class={message ? 'field-error' : 'hint'}>
        {message ?? (parsed?.ok ? `= ${parsed.text}` : '\u00a0')}
      </p>
    </div>
  );
}
