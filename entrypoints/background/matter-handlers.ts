/** Messages of the matter lookups: the popup's picker, the side panel, and the omnibox. */
import { recentTimeEntries } from '@/lib/time-entries/clio-activities';
import { matterDetail } from '@/lib/matters/clio-matters';
import type { Handlers } from '@/lib/messaging/serve';
import type { Services } from './services';

export function matterHandlers({ client, matters }: Services): Handlers {
  return {
    'matters/search': async ({ query }) => {
      const { hits } = await matters.search(query, { limit: 8 });
      return hits.map((m) => ({ id: m.id, displayNumber: m.displayNumber, description: m.description, clientName: m.clientName }));
    },
    'matters/lookup': ({ query, ...o }) => matters.search(query, o),
    'matters/detail': async ({ id }) => {
      const [matter, recent] = await Promise.all([matterDetail(client, id), recentTimeEntries(client, id, 10)]);
      return { matter, recent };
    },
    'matters/sync': async ({ full, ifOlderThanMs }) => {
      if (ifOlderThanMs !== undefined && !full) await matters.syncIfStale(ifOlderThanMs);
      else void matters.sync(full).catch(() => undefined);
    },
  };
}
