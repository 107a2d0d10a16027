/** Activity descriptions change rarely: kept a day in storage so opening the popup asks Clio nothing. */
import { defineItem } from '../storage/item';
import type { ClioClient } from './client';
import { activityDescriptions, type ActivityDescriptionJson } from './matters';

const DAY_MS = 24 * 3600_000;
const item = defineItem<{ fetchedAt: number; list: ActivityDescriptionJson[] } | null>('local:activity-descriptions', { fallback: null, version: 1 });

export async function cachedActivityDescriptions(client: ClioClient, now = Date.now()): Promise<ActivityDescriptionJson[]> {
  const cached = await item.getValue();
  if (cached && now - cached.fetchedAt < DAY_MS) return cached.list;
  const list = await activityDescriptions(client);
  await item.setValue({ fetchedAt: now, list });
  return list;
}
