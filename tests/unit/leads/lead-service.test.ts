import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClioClient } from '@/lib/clio/client';
import { appError } from '@/lib/errors';
import { keepClickContext } from '@/lib/leads/click-contexts';
import type { LeadDraft } from '@/lib/leads/lead';
import type { PageFacts } from '@/lib/page-reading/extract-lead';
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

  const domFacts: PageFacts = { url: 'https://example.org/contact', title: 'Contact', selection: '', context: '', links: [], jsonLd: [], hCards: [] };

  it('hands the page a content script read to its dialog once, under an id only they know, with the right-click merged in', async () => {
    const w = world();
    await keepClickContext(4, { pageUrl: domFacts.url, pageTitle: 'Contact', selectionText: 'Ada Lee, ada@lee.example', linkUrl: 'mailto:ada@lee.example' });
    const a = await w.leads.handOff(domFacts, 4);
    const b = await w.leads.handOff(domFacts, 4);
    expect(a.id).not.toBe(b.id);
    const reading = await w.leads.reading(a.id);
    expect(reading?.country).toBe('US');
    expect(reading?.facts).toMatchObject({ url: domFacts.url, selection: 'Ada Lee, ada@lee.example', links: [{ href: 'mailto:ada@lee.example', text: '' }] });
    // Once: a second read (a reloaded frame, a page guessing) gets nothing, nor does an unknown id.
    expect(await w.leads.reading(a.id)).toBeNull();
    expect(await w.leads.reading('not-an-id')).toBeNull();
    // The second hand-off found the click already taken: the page alone.
    expect((await w.leads.reading(b.id))?.facts).toEqual(domFacts);
  });

  it('refuses a hand-off that comes from no tab', async () => {
    await expect(world().leads.handOff(domFacts, undefined)).rejects.toMatchObject({ kind: 'bad-request' });
  });

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
