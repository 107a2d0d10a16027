/**
 * The rates the Activity picker shows for a matter: Clio's activity descriptions asked with `rate_for[matter_id]`
 * and `rate_for[user_id]` (1 request), kept a few hours per matter for the signed-in user. Asked only when a matter
 * is picked (or the picker is opened), never when the popup opens, and never for a user Clio hides rates from.
 */
import type { ClioClient } from '../clio/client';
import { defineItem } from '../storage/item';
import { type ActivityRate, type ClioDescriptionRate, ratesOf } from './rate-selection';

export interface MatterRates {
  /** The currency the rates are in (the matter's, else the firm's); null: shown as bare numbers. */
  currency: string | null;
  /** By activity description id; a description without a rate to show is not there. */
  rates: Record<number, ActivityRate>;
}

const KEEP_MS = 4 * 3600_000;
/** The matters whose rates are kept (the most recently asked). */
const KEEP_MATTERS = 40;

type Kept = Record<string, { at: number; rates: Record<number, ActivityRate> }>;
/** Written by the background only; the user's (rates depend on who asks), cleared when another user signs in. */
const ratesItem = defineItem<Kept>('local:activity-rates', {
  fallback: {},
  perUser: 'reset',
});

function clioRates(client: ClioClient, matterId: number, userId: number): Promise<Record<number, ActivityRate>> {
  return client
    .get<Array<{ id: number; rate?: ClioDescriptionRate | null }>>('/activity_descriptions.json', {
      fields: 'id,rate{amount,type}',
      query: { limit: 200, 'rate_for[matter_id]': matterId, 'rate_for[user_id]': userId },
    })
    .then(ratesOf);
}

export interface ActivityRatesDeps {
  client: ClioClient;
  /** The signed-in user (null: nobody), with whether Clio lets them see rates (undefined: not known yet). */
  me: () => Promise<{ id: number; seesRates?: boolean } | null>;
  /** Asks Clio who is signed in again (1 request), for an account stored before rate visibility was asked. */
  refreshMe: () => Promise<{ id: number; seesRates?: boolean } | null>;
  /** The currency the matter's money is in, from what is kept (no request). */
  currency: (matterId: number) => Promise<string | null>;
  now?: () => number;
}

/**
 * The rates for `matterId`, or null when there are none to show: the user may not see rates, or they are not
 * kept and `ask` is false (the popup opening with a matter already there asks nothing of Clio).
 */
export async function activityRates(deps: ActivityRatesDeps, matterId: number, ask: boolean): Promise<MatterRates | null> {
  const now = (deps.now ?? Date.now)();
  let me = await deps.me();
  if (me && me.seesRates === undefined && ask) me = await deps.refreshMe();
  if (!me?.seesRates) return null;
  const kept = await ratesItem.getValue();
  let rates = kept[matterId] && now - kept[matterId].at < KEEP_MS ? kept[matterId].rates : null;
  if (!rates && ask) {
    rates = await clioRates(deps.client, matterId, me.id);
    const newest = Object.entries<Kept[string]>({ ...kept, [matterId]: { at: now, rates } })
      .filter(([, v]) => now - v.at < KEEP_MS)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, KEEP_MATTERS);
    await ratesItem.setValue(Object.fromEntries(newest));
  }
  return rates ? { currency: await deps.currency(matterId), rates } : null;
}
