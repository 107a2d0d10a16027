/**
 * How payment links and trust requests travel from the outbox to Clio, 1 request each. A link carries no
 * `external_properties`: before any resend that may have reached Clio, the active links made since the entry are
 * searched for the same subject, amount, currency and description (link-match.ts), so none is made twice. Clio lists
 * no trust requests (the spec has only their POST): one that may have reached Clio is never resent by itself; it
 * waits as failed, saying so, for the person to check Clio and retry or discard.
 */
import type { ClioClient } from '../clio/client';
import { appError } from '../errors';
import { t } from '../i18n';
import type { MatterRef } from '../matter-ref';
import { type Courier, createMayHaveReached } from '../outbox/outbox';
import { createLink, createTrustRequest, findLink, type NewLink, type NewTrustRequest } from './clio-billing';

export const PAYMENT_LINK = 'payment-link';
export const TRUST_REQUEST = 'trust-request';

/** A link as the person asked for it; the matter kept whole so pending ones read well. */
export interface PaymentLinkPayload extends NewLink {
  matter: MatterRef;
}

export interface TrustRequestPayload extends Omit<NewTrustRequest, 'matterId'> {
  matter: MatterRef;
}

const toLink = ({ matter: _matter, ...rest }: PaymentLinkPayload): NewLink => rest;

export function paymentLinkCourier(client: ClioClient): Courier<PaymentLinkPayload> {
  return {
    deliver: (p) => createLink(client, toLink(p)),
    find: (p, entry, claimed) => findLink(client, toLink(p), entry.createdAt, claimed),
    mayHaveReached: createMayHaveReached,
  };
}

export function trustRequestCourier(client: ClioClient): Courier<TrustRequestPayload> {
  return {
    deliver: ({ matter, ...rest }) => createTrustRequest(client, { ...rest, matterId: matter.id }),
    find: () => Promise.reject(appError('conflict', t('billingTrustMayExist'))),
    mayHaveReached: createMayHaveReached,
  };
}
