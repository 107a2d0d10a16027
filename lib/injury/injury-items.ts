/** Personal injury's stored items (written by the background only). */
import { defineItem } from '../storage/item';
import type { DamageType } from './clio-injury';
import { EMPTY_MEDICAL, type MedicalCopy } from './medical-records';

/** The local copy of Clio's medical records details (every matter's: the list cannot be filtered by one). */
export const medicalCopyItem = defineItem<MedicalCopy>('local:medical-records', { fallback: EMPTY_MEDICAL, perUser: 'reset' });

/** A damage this browser added (Clio's damage records name no matter, so only these can be listed on one). */
export interface AddedDamage {
  id: number;
  matterId: number;
  damageType: DamageType;
  description: string;
  amount: number;
  /** Epoch ms. */
  at: number;
}

/** How many added damages are remembered (the oldest forgotten first). */
export const DAMAGES_KEPT = 500;
export const damagesAddedItem = defineItem<AddedDamage[]>('local:damages-added', { fallback: [], perUser: 'keep' });

/** `list` with `d` first, at most DAMAGES_KEPT, one per id. Pure. */
export const withDamage = (list: readonly AddedDamage[], d: AddedDamage): AddedDamage[] => [d, ...list.filter((x) => x.id !== d.id)].slice(0, DAMAGES_KEPT);
