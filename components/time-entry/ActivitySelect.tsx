import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActivityDescriptionJson } from '@/lib/activity-descriptions/activity-descriptions';
import type { MatterRates } from '@/lib/activity-descriptions/activity-rates';
import { formatMoney } from '@/lib/expenses/amount';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { uiLocale } from '@/lib/ui-locale';

let cache: Promise<ActivityDescriptionJson[]> | undefined;

/**
 * "Activity": the firm's activity descriptions (cached a day by the background), each with the rate Clio would apply
 * on the picked matter when the user may see rates ("Legal research — $425.00/h", "Filing — flat $75.00"). The rates are
 * asked when the person picks a matter (one preselected for the page is no pick) or opens the list;
 * a matter already there when the form opens shows only what the background kept, so opening asks Clio nothing.
 */
export function ActivitySelect({
  id,
  value,
  picked,
  onChange,
}: {
  id: string;
  value: number | null;
  /** The form's matter (useSuggestedMatter): `preselected` while it is the page's suggestion, not the person's pick. */
  picked: { value: { id: number } | null; preselected: unknown };
  onChange: (v: number | null) => void;
}) {
  const matter = picked.value?.id ?? null;
  const [list, setList] = useState<ActivityDescriptionJson[]>([]);
  const [rates, setRates] = useState<(MatterRates & { matter: number }) | null>(null);
  const opened = useRef(matter);
  /** The matter Clio was last asked about (once per pick: a focus while that is on its way asks nothing more). */
  const asked = useRef<number | null>(null);
  const askRates = (ask: boolean) => {
    if (matter === null || (ask && asked.current === matter)) return;
    if (ask) asked.current = matter;
    void send('activity-descriptions/rates', { matterId: matter, ask }).then(
      (r) => r && setRates({ ...r, matter }),
      () => (asked.current = null),
    );
  };
  useEffect(() => {
    void (cache ??= send('activity-descriptions/list').catch(() => ((cache = undefined), []))).then(setList);
  }, []);
  useEffect(() => askRates(matter !== opened.current && !picked.preselected), [matter]);
  const shown = rates?.matter === matter ? rates : null;
  return (
    <div>
      <label for={id}>{t('activityField')}</label>
      <select
        id={id}
        value={value ?? ''}
        onFocus={() => askRates(true)}
        onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
      >
        <option value="">{t('activityNone')}</option>
        {list.map((a) => {
          const r = shown?.rates[a.id];
          const money = r && formatMoney(r.amount, shown!.currency, uiLocale());
          return (
            <option key={a.id} value={a.id}>
              {money ? t(r.flat ? 'activityFlatRate' : 'activityHourlyRate', a.name, money) : a.name}
            </option>
          );
        })}
      </select>
    </div>
  );
}
