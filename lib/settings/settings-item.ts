/** The user's settings (region, Clio app keys, idle minutes, lead source, the badge's format): chosen on the options page. */
import type { RegionChoice } from '../auth/regions';
import { defineItem } from '../storage/item';

export interface Settings {
  /** Chosen Clio region; ignored by a build with a custom server. */
  region: RegionChoice;
  /** Override of the Manage app key built in; empty means "use the built-in one". (Secrets live in the background's vault.) */
  manageClientId: string;
  /** With a timer running, ask about time away from the computer longer than this. */
  idleMinutes: number;
  /** Override of the Grow (Platform) app key built in. */
  growClientId: string;
  /** How leads name where they came from in Grow (`from_source`). */
  leadSource: string;
  /** What the toolbar badge shows of a running timer: H:MM ('clock', also when unset) or tenths of an hour ('hours'). */
  badgeFormat?: BadgeFormat;
  /** Practice areas (names) the firm marks as personal injury; unset or empty: those named like "Personal Injury". */
  injuryPracticeAreas?: string[];
}

export type BadgeFormat = 'clock' | 'hours';

export const DEFAULT_SETTINGS: Settings = {
  region: 'US',
  manageClientId: '',
  idleMinutes: 10,
  growClientId: '',
  leadSource: 'Clio Companion browser extension',
};

export const settingsItem = defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });
