import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { recentMattersItem } from '@/lib/timer/timer-items';

/** Matters for the pickers: recent ones for an empty query, else the background's search. */
export async function searchMatters(query: string): Promise<MatterRef[]> {
  if (!query.trim()) return recentMattersItem.getValue();
  return send('matters/search', { query });
}
