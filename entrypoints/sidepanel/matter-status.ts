import { t } from '@/lib/i18n';
import type { MatterStatus } from '@/lib/matters/matter';

const STATUS_KEYS = { Open: 'matterStatusOpen', Pending: 'matterStatusPending', Closed: 'matterStatusClosed' } as const;

/** A matter's status (Clio's Open, Pending, Closed) in the user's language; one Clio may add someday, as Clio says it. */
export const matterStatusText = (status: MatterStatus): string => (STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : status);
