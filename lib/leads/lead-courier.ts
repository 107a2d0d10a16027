/** How a captured lead travels from the outbox to Grow: its API when connected, else the legacy Lead Inbox. */
import type { ClioClient } from '../clio/client';
import type { RateLimiter } from '../clio/rate-limiter';
import { appError, type AppError } from '../errors';
import { t } from '../i18n';
import type { LeadDraft } from './lead';
import type { Courier } from '../outbox/outbox';
import { findGrowLead, legacyLeadBody, postGrowLead } from './clio-grow-leads';
import { postLegacyLead } from './legacy-lead-inbox';

export const GROW_LEAD = 'grow-lead';

export interface GrowLeadPayload {
  draft: LeadDraft;
  /** Grow's `from_source`. */
  source: string;
  via: 'oauth' | 'lead-inbox-token';
}

export interface GrowLeadCourierDeps {
  grow: ClioClient;
  limiter: RateLimiter;
  legacyUrl: () => Promise<string>;
  inboxToken: () => Promise<string | undefined>;
}

export function growLeadCourier(deps: GrowLeadCourierDeps): Courier<GrowLeadPayload> {
  return {
    async deliver(p) {
      if (p.via === 'oauth') return postGrowLead(deps.grow, p.draft, p.source);
      const token = await deps.inboxToken();
      if (!token) throw appError('auth-failed', t('leadNeedsToken'));
      return postLegacyLead(deps.limiter, await deps.legacyUrl(), legacyLeadBody(p.draft, p.source, token));
    },
    // The legacy Lead Inbox cannot be read back: rather than risk a second lead, ask the user to look.
    find: async (p, entry, claimed) => {
      if (p.via === 'oauth') return findGrowLead(deps.grow, p.draft, p.source, entry.createdAt, claimed);
      throw appError('conflict', t('leadUncertainLegacy'));
    },
    mayHaveReached: (e: AppError) => e.kind === 'network' || e.kind === 'server',
  };
}
