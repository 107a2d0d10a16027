import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClioClient } from '@/lib/clio/client';
import { appError } from '@/lib/errors';
import type { LeadDraft } from '@/lib/leads/lead';
import { GROW_LEAD } from '@/lib/leads/lead-courier';
import { defaultCountry, LeadService } from '@/lib/leads/lead-service';
import type { OutboxEntry } from '@/lib/outbox/outbox-machine';
import { type Courier, Outbox } from '@/lib/outbox/outbox';

const draft: LeadDraft = {
  firstName: 'Sam',
  lastName: 'Rivera',
  email: 'sam@rivera',
  phone: '',
  message: 'Slip and fall',
  referringUrl: 'https://example.org/contact',
};

/** A Grow that refuses a bad email with a 422, as Grow does, and takes a good one. */
function world() {
  let stored: OutboxEntry[] = [];
  const received: string[] = [];
  const grow: Courier<{ draft: LeadDraft }> = {
    deliver: async ({ draft: d }) => {
      if (!d.email.includes('.')) throw appError('validation', 'Clio did not accept this: Email is invalid', { fieldErrors: { email: 'Email is invalid' } });
      received.push(d.email);
      return { id: received.length };
    },
    find: async () => null,
    mayHaveReached: () => false,
  };
  const outbox = new Outbox({
    store: { load: async () => structuredClone(stored), save: async (e) => void (stored = structuredClone(e)) },
    couriers: { [GROW_LEAD]: grow as Courier<never> },
    owner: async () => 'https://grow.example',
  });
  const leads = new LeadService({
    grow: {} as ClioClient,
    outbox,
    status: async () => ({ via: 'oauth', inboxUrl: 'https://grow.example/inbox' }),
    region: async () => 'US',
    source: async () => 'Clio Companion browser extension',
    locale: () => 'en-US',
  });
  return { leads, stored: () => stored, received };
}

describe('LeadService', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a lead Grow refused in the outbox with Grow’s words: closing the dialog loses nothing', async () => {
    const w = world();
    const out = await w.leads.send(draft);
    expect(out).toMatchObject({ state: 'failed', fieldErrors: { email: 'Email is invalid' }, entryId: expect.any(String) });
    expect(w.stored()).toEqual([expect.objectContaining({ id: out.entryId, state: 'failed', lastError: expect.objectContaining({ kind: 'validation' }) })]);
  });

  it('a fixed resend replaces the refused lead: one lead reaches Grow, none is left behind', async () => {
    const w = world();
    const refused = await w.leads.send(draft);
    const fixed = await w.leads.send({ ...draft, email: 'sam@rivera.example', replaces: refused.entryId! });
    expect(fixed.state).toBe('sent');
    expect(w.received).toEqual(['sam@rivera.example']);
    expect(w.stored().map((e) => e.state)).toEqual(['sent']);
  });

  it('reads numbers without a country code as the firm’s country', () => {
    expect(defaultCountry('CA', 'fr-CA')).toBe('CA');
    expect(defaultCountry('EU', 'de-DE')).toBe('DE');
    expect(defaultCountry('EU', 'en')).toBe('GB');
  });
});
