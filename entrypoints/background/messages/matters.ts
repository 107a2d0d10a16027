/** Messages `matters/…`: the popup's picker, the side panel's lookup and detail, a matter's currency, pins, and syncing the index. */
import { setPinned } from '@/lib/matters/matter-items';
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const matterMessages = ({ matters }: Services): FamilyHandlers<'matters'> => ({
  'matters/search': ({ query }) => matters.pick(query),
  'matters/lookup': ({ query, ...o }) => matters.search(query, o),
  'matters/by-keys': (query) => matters.byKeys(query),
  'matters/detail': ({ id }) => matters.detail(id),
  'matters/currency': ({ id }) => matters.currencyOf(id),
  'matters/pin': ({ matter, pinned }) => setPinned(matter, pinned),
  'matters/sync': async ({ full, ifOlderThanMs }) => {
    if (ifOlderThanMs !== undefined && !full) await matters.syncIfStale(ifOlderThanMs);
    else void matters.sync(full).catch(() => undefined);
  },
});
