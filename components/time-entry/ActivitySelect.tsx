import { useEffect, useState } from 'preact/hooks';
import type { ActivityDescriptionJson } from '@/lib/activity-descriptions/activity-descriptions';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';

let cache: Promise<ActivityDescriptionJson[]> | undefined;

/** "Activity": the firm's activity descriptions (cached a day by the background). */
export function ActivitySelect({ id, value, onChange }: { id: string; value: number | null; onChange: (v: number | null) => void }) {
  const [list, setList] = useState<ActivityDescriptionJson[]>([]);
  useEffect(() => {
    void (cache ??= send('activity-descriptions/list').catch(() => ((cache = undefined), []))).then(setList);
  }, []);
  return (
    <div>
      <label for={id}>{t('activityField')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
        <option value="">{t('activityNone')}</option>
        {list.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
