/**
 * Today's total and this week's, the timer included (lib/time-entries/totals.ts). The week's earlier days are asked
 * once, when Today opens (none on the week's first day); while a timer runs, both totals tick.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '@/lib/duration-format';
import { around, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { type Counted, timeTotals } from '@/lib/time-entries/totals';
import { elapsedMs, isRunning, type TimerState } from '@/lib/timer/model';

export interface TotalsProps {
  /** Today's entries from Clio; null while they load. */
  today: readonly Counted[] | null;
  waitingSeconds: number;
  /** Entries waiting to be sent (said after today's total). */
  waitingCount: number;
  timer: TimerState | null;
}

export function Totals({ today, waitingSeconds, waitingCount, timer }: TotalsProps) {
  const [earlier, setEarlier] = useState<Counted[] | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    void send('time-entries/week').then(
      (w) => setEarlier(w.entries),
      () => undefined, // the week's total is left out; Today says what went wrong with its own request
    );
  }, []);
  const running = isRunning(timer);
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [running]);

  const totals = timeTotals({
    today: today ?? [],
    waitingSeconds,
    earlier: today === null ? null : earlier,
    timer: timer ? { activityId: timer.activityId, seconds: Math.floor(elapsedMs(timer, now) / 1000) } : null,
  });
  const [todayIs, afterToday] = around('todayTotal');
  const [weekIs, afterWeek] = around('weekTotal');
  return (
    <div class="totals">
      <p class="total">
        {todayIs}
        <strong>{formatDuration(totals.today)}</strong>
        {afterToday}
        {waitingCount ? <span class="hint"> {t(waitingCount === 1 ? 'todayWaitingOne' : 'todayWaitingMany', waitingCount)}</span> : null}
      </p>
      {totals.week !== null ? (
        <p class="total">
          {weekIs}
          <strong>{formatDuration(totals.week)}</strong>
          {afterWeek}
        </p>
      ) : null}
    </div>
  );
}
