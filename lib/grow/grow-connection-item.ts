import { defineItem } from '../storage/item';

/** Whether Clio Grow is connected, as the UI shows it; written by the background only. */
export interface GrowConnection {
  via: 'oauth' | 'lead-inbox-token' | null;
  /** The Grow user or firm, when connected through OAuth. */
  who?: string;
  problem?: string;
}

export const growConnectionItem = defineItem<GrowConnection>('local:grow-connection', { fallback: { via: null } });
