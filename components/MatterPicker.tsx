/**
 * The "Matter" combobox: the matters suggested for the page first (a group "Suggested for this page", each
 * with its reason), then the pinned ones (a group "Pinned"), then recent matters; type to search, ↑/↓/Enter/Escape, each option showing display number,
 * description and client. Matter text is rendered as text, never HTML.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { MatterRef } from '@/lib/matter-ref';
import { type PickerMatter, withoutMark } from '@/lib/matters/pinned-order';

export interface MatterPickerProps {
  id: string;
  value: MatterRef | null;
  onChange: (m: MatterRef | null) => void;
  /** Matters for a query ('' = the recent ones), the pinned ones first and marked. */
  search: (query: string) => Promise<PickerMatter[]>;
  autoFocus?: boolean;
  error?: string;
  /** Matters suggested for the page, best first, each with why (shown while nothing is typed). */
  suggested?: ReadonlyArray<{ matter: MatterRef; reasons: string[] }>;
}

const DEBOUNCE_MS = 200;
const display = (m: MatterRef) => `${m.displayNumber} — ${m.description}`;

export function MatterPicker({ id, value, onChange, search, autoFocus, error, suggested = [] }: MatterPickerProps) {
  const [text, setText] = useState(value ? display(value) : '');
  const [options, setOptions] = useState<PickerMatter[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searching, setSearching] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  /** The value was cleared by typing over it: what was typed stays (it was lost, the first key with it). */
  const typedOver = useRef(false);

  useEffect(() => {
    if (!value && typedOver.current) typedOver.current = false;
    else setText(value ? display(value) : '');
  }, [value?.id]);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);

  const lookup = (query: string, delay: number) => {
    const mine = ++seq.current;
    setSearching(true);
    setTimeout(async () => {
      if (mine !== seq.current) return;
      try {
        const found = await search(query);
        if (mine !== seq.current) return;
        setOptions(found);
        setActive(0);
      } catch {
        if (mine === seq.current) setOptions([]);
      } finally {
        if (mine === seq.current) setSearching(false);
      }
    }, delay);
  };

  const choose = (m: PickerMatter) => {
    onChange(withoutMark(m));
    setText(display(m));
    setOpen(false);
  };

  // While nothing is typed, the page's suggestions lead; the rest of the list leaves them out.
  const shownSuggestions = value || !text.trim() ? suggested : [];
  const rest = options.filter((o) => !shownSuggestions.some((s) => s.matter.id === o.id));
  const pinned = rest.filter((o) => o.pinned);
  const items: PickerMatter[] = [...shownSuggestions.map((s) => s.matter), ...pinned, ...rest.filter((o) => !o.pinned)];

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        lookup(value ? '' : text, 0);
      } else setActive((a) => Math.min(a + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && items[active]) {
      e.preventDefault();
      choose(items[active]!);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const showList = open && (items.length > 0 || searching || text.trim() !== '');
  const option = (m: PickerMatter, i: number, reasons?: string[]) => (
    <li
      id={optionId(i)}
      key={m.id}
      role="option"
      aria-selected={i === active}
      class={i === active ? 'active' : ''}
      onMouseDown={(e) => {
        e.preventDefault();
        choose(m);
      }}
    >
      <span class="num">{m.displayNumber}</span> <span class="desc">{m.description}</span>
      {m.clientName ? <span class="client">{m.clientName}</span> : null}
      {reasons?.length ? <span class="why">{reasons.join(' · ')}</span> : null}
    </li>
  );
  return (
    <div class="picker">
      <label for={id}>{t('matterField')}</label>
      <input
        id={id}
        ref={input}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && items[active] ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('matterPickerPlaceholder')}
        value={text}
        onInput={(e) => {
          const q = e.currentTarget.value;
          setText(q);
          if (value) {
            typedOver.current = true;
            onChange(null);
          }
          setOpen(true);
          lookup(q, q.trim() ? DEBOUNCE_MS : 0);
        }}
        onFocus={() => {
          setOpen(true);
          lookup(value ? '' : text, 0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      ) : null}
      {showList ? (
        <div id={listId} role="listbox" aria-label={t('mattersList')} class="picker-list">
          {shownSuggestions.length > 0 ? (
            <OptionGroup label={t('suggestedForPage')}>{shownSuggestions.map((s, i) => option(s.matter, i, s.reasons))}</OptionGroup>
          ) : null}
          {pinned.length > 0 ? <OptionGroup label={t('pinnedMatters')}>{pinned.map((m, i) => option(m, i + shownSuggestions.length))}</OptionGroup> : null}
          <ul role="none">
            {items.slice(shownSuggestions.length + pinned.length).map((m, i) => option(m, i + shownSuggestions.length + pinned.length))}
            {items.length === 0 ? <li class="picker-empty">{searching ? t('searching') : t('matterPickerNoMatch')}</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** A named group of a listbox's options, its name shown above them. */
function OptionGroup({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of a listbox's options (a fieldset holds form controls, not options)
    <ul role="group" aria-label={label}>
      <li role="presentation" class="picker-group" aria-hidden="true">
        {label}
      </li>
      {children}
    </ul>
  );
}
