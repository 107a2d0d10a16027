/**
 * A matter's "Deadlines": its next 5 open tasks (overdue first, soonest due) and its next 5 calendar entries, asked of
 * Clio only when the section is opened (2 requests), again when `version` changes while open.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '@/components/error-message';
import { ianaZone } from '@/lib/dates';
import type { CalendarEntryJson } from '@/lib/deadlines/clio-calendar-entries';
import type { MatterDeadlines } from '@/lib/deadlines/deadline-service';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { LazySection } from './LazySection';
import { dayIn, dayTimeIn } from '@/lib/locale-format';
import { uiLocale } from '@/lib/ui-locale';

/** "Jan 5, 2027" for a task's due date (a calendar day, no zone). */
const dueDay = (date: string) => dayIn(date, uiLocale());

/** "Jan 5, 2027, 10:00 AM" in the user's Clio zone; an all-day entry by its day alone. */
function when(e: CalendarEntryJson, zone: string | undefined): string {
  if (e.all_day) return dueDay(e.start_at.slice(0, 10));
  return dayTimeIn(Date.parse(e.start_at), uiLocale(), ianaZone(zone));
}

function DeadlineLists({ matterId, timeZone, version }: { matterId: number; timeZone?: string; version: number }) {
  const [shown, setShown] = useState<MatterDeadlines | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    setError('');
    void send('deadlines/of-matter', { matterId }).then(
      (d) => current && setShown(d),
      (e) => current && setError(messageOf(e)),
    );
    return () => void (current = false);
  }, [matterId, version]);

  if (error) return <p class="status status-error">{error}</p>;
  if (!shown) return <p class="hint">{t('loading')}</p>;
  return (
    <>
      <h3>{t('deadlinesOpenTasks')}</h3>
      {shown.tasks.length === 0 ? <p class="hint">{t('deadlinesNoTasks')}</p> : null}
      <ul class="recent" aria-label={t('deadlinesOpenTasks')}>
        {shown.tasks.map((task) => (
          <li key={task.id}>
            <span class="date">{task.due_at ? dueDay(task.due_at) : t('deadlinesNoDueDate')}</span> <span class="note">{task.name}</span>
            {task.statute_of_limitations ? <span class="badge">{t('deadlinesStatute')}</span> : null}
            {task.priority === 'High' ? <span class="badge">{t('deadlinesHighPriority')}</span> : null}
          </li>
        ))}
      </ul>
      <h3>{t('deadlinesCalendar')}</h3>
      {shown.calendarEntries.length === 0 ? <p class="hint">{t('deadlinesNoEntries')}</p> : null}
      <ul class="recent" aria-label={t('deadlinesCalendar')}>
        {shown.calendarEntries.map((e) => (
          <li key={e.id}>
            <span class="date">{when(e, timeZone)}</span> <span class="note">{e.summary}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function DeadlinesSection({ matterId, timeZone, version = 0 }: { matterId: number; timeZone?: string; version?: number }) {
  return (
    <LazySection id="section-deadlines" title={t('sectionDeadlines')} matterId={matterId}>
      {() => <DeadlineLists matterId={matterId} version={version} {...(timeZone ? { timeZone } : {})} />}
    </LazySection>
  );
}
