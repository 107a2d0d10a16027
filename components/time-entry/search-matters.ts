import type { MatterRef } from '@/lib/matter-ref';
import { send } from '@/lib/messaging/send';
import { getValues } from '@/lib/storage/item';
import { recentMattersItem } from '@/lib/timer/timer-items';

/** Matters for the pickers: recent ones for an empty query, else the background's search. */
export async function searchMatters(query: string): Promise<MatterRef[]> {
  // Through the session copy: in a dialog's frame over a page, IndexedDB is the page's partition.
  if (!query.trim()) return (await getValues({ recent: recentMattersItem })).recent;
  return send('matters/search', { query });
}
