import type { MatterRef } from '@/lib/matter-ref';
import { pinnedMattersItem } from '@/lib/matters/matter-items';
import { type PickerMatter, pinnedFirst } from '@/lib/matters/pinned-order';
import { send } from '@/lib/messaging/send';
import { getValues } from '@/lib/storage/item';
import { recentMattersItem } from '@/lib/timer/timer-items';

/** Matters for the pickers: pinned ones first, then recent ones for an empty query, else the background's search. */
export async function searchMatters(query: string): Promise<PickerMatter[]> {
  // Through the session copy: in a dialog's frame over a page, IndexedDB is the page's partition. Where even that
  // cannot be read (Firefox's frames over a page), the search goes on without recent or pinned matters.
  const stored = getValues({ recent: recentMattersItem, pinned: pinnedMattersItem }).catch(() => ({ recent: [] as MatterRef[], pinned: [] as MatterRef[] }));
  const found: MatterRef[] = query.trim() ? await send('matters/search', { query }) : (await stored).recent;
  return pinnedFirst(found, (await stored).pinned, query);
}
