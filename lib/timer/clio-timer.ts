/** Clio's one timer per user (`/timer`): the requests the extension makes. */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';

export interface TimerJson {
  id: number;
  start_time: string;
  elapsed_time: number;
  activity: { id: number; quantity: number; note: string | null; etag: string };
}

export const TIMER_FIELDS = fields(['id', 'start_time', 'elapsed_time'], { activity: ['id', 'quantity', 'note', 'etag'] });

/** Clio's running timer, or null when none runs (Clio answers 404). */
export async function runningTimer(client: ClioClient): Promise<TimerJson | null> {
  try {
    return await client.get<TimerJson>('/timer.json', { fields: TIMER_FIELDS });
  } catch (e) {
    if ((e as { kind?: string }).kind === 'not-found') return null;
    throw e;
  }
}

/** Stops Clio's timer (its running time goes into the activity). Already stopped is fine. */
export async function stopClioTimer(client: ClioClient): Promise<void> {
  try {
    await client.delete('/timer.json');
  } catch (e) {
    if ((e as { kind?: string }).kind !== 'not-found') throw e;
  }
}

export async function startClioTimer(client: ClioClient, activityId: number): Promise<TimerJson> {
  return (await client.post<TimerJson>('/timer.json', { data: { activity: { id: activityId } } }, { fields: TIMER_FIELDS })).data;
}
