/**
 * Activity descriptions change rarely: kept a day in storage so opening the popup asks Clio nothing.
 * The background freshens them ahead of that day's end (with its periodic matter sync), so the popup
 * does not find them stale either.
 */
import type { ClioClient } from '../clio/client';
import { defineItem } from '../storage/item';

export interface ActivityDescriptionJson {
  id: number;
  name: string;
  default?: boolean;
}

export function activityDescriptions(client: ClioClient): Promise<ActivityDescriptionJson[]> {
  return client.get<ActivityDescriptionJson[]>('/activity_descriptions.json', { fields: 'id,name,default', query: { limit: 200 }, revalidate: true });
}
const DAY_MS = 24 * 3600_000;
/** How old the background lets them get before it asks Clio again. */
export const FRESHEN_AFTER_MS = 20 * 3600_000;
const item = defineItem<{ fetchedAt: number; list: ActivityDescriptionJson[] } | null>('local:activity-descriptions', { fallback: null });

export async function activityDescriptionsCached(client: ClioClient, maxAgeMs = DAY_MS, now = Date.now()): Promise<ActivityDescriptionJson[]> {
  const cached = await item.getValue();
  if (cached && now - cached.fetchedAt < maxAgeMs) return cached.list;
  const list = await activityDescriptions(client);
  await item.setValue({ fetchedAt: now, list });
  return list;
}
