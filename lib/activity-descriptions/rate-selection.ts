/**
 * Which rate Clio would apply to a time entry with an activity: Clio resolves its rate hierarchy (matter, client,
 * activity, user) itself when activity descriptions are asked with `rate_for[matter_id]` and `rate_for[user_id]`, and
 * says the outcome in each description's `rate` ({amount, type, hierarchy}). What is left here is reading it: an
 * hourly rate (`User`, the user's own; `Custom`, one set on the activity, matter or client), a flat one (`FlatRate`:
 * the whole entry costs that), or none (hidden from the user, not set, or a kind Clio adds later: say nothing rather
 * than guess). Pure.
 */

/** A rate as the Activity picker shows it. */
export interface ActivityRate {
  amount: number;
  /** A flat fee for the entry, not an hourly rate. */
  flat: boolean;
}

/** `rate` as Clio's ActivityDescriptionRate gives it (every key optional, null when hidden). */
export interface ClioDescriptionRate {
  amount?: number | null;
  type?: string | null;
  hierarchy?: string | null;
}

const HOURLY: ReadonlySet<string> = new Set(['User', 'Custom']);

/** The rate Clio would apply, or null when there is none to show. */
export function selectRate(rate: ClioDescriptionRate | null | undefined): ActivityRate | null {
  const amount = rate?.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return null;
  if (rate!.type === 'FlatRate') return { amount, flat: true };
  return HOURLY.has(rate!.type ?? '') ? { amount, flat: false } : null;
}

/** Each description's rate by its id; descriptions without one are left out. */
export function ratesOf(list: ReadonlyArray<{ id: number; rate?: ClioDescriptionRate | null }>): Record<number, ActivityRate> {
  const out: Record<number, ActivityRate> = {};
  for (const d of list) {
    const r = selectRate(d.rate);
    if (r) out[d.id] = r;
  }
  return out;
}
