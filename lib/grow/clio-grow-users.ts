/** Grow's `who_am_i`: who connected, for the options page. */
import type { ClioClient } from '../clio/client';

export interface GrowWhoAmI {
  first_name?: string;
  last_name?: string;
  account?: { firm_name?: string };
}

export function growWhoAmI(grow: ClioClient): Promise<GrowWhoAmI> {
  return grow.get<GrowWhoAmI>('/users/who_am_i');
}

/** "Jane Doe, Doe Law": the person and firm, as far as Grow said. */
export function growUserLabel(me: GrowWhoAmI): string | undefined {
  return [[me.first_name, me.last_name].filter(Boolean).join(' '), me.account?.firm_name].filter(Boolean).join(', ') || undefined;
}
