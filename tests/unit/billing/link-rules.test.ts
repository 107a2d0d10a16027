/** The pure rules of payment links: how long one stays open (Clio's 90-day limit), and the match that finds one a lost answer made. */
import { describe, expect, it } from 'vitest';
import { DAY_SECONDS, DEFAULT_LINK_DAYS, linkDuration, MAX_LINK_DAYS, MAX_LINK_SECONDS } from '@/lib/billing/link-duration';
import { findSameLink, type ListedLink, sameLink, type WantedLink } from '@/lib/billing/link-match';

describe('linkDuration', () => {
  it('turns whole days into seconds, 7 by default and 90 (Clio’s 7,776,000 s) at most', () => {
    expect(DEFAULT_LINK_DAYS).toBe(7);
    expect(MAX_LINK_SECONDS).toBe(7_776_000);
    expect(MAX_LINK_DAYS).toBe(90);
    expect(linkDuration('7')).toEqual({ ok: true, seconds: 7 * DAY_SECONDS });
    expect(linkDuration(' 1 ')).toEqual({ ok: true, seconds: 86_400 });
    expect(linkDuration('90')).toEqual({ ok: true, seconds: 7_776_000 });
  });

  it('refuses what Clio would refuse or what is not a whole number of days, saying the limit', () => {
    expect(linkDuration('91')).toEqual({ ok: false, error: { key: 'billingDaysRange', subs: ['90'] } });
    expect(linkDuration('0')).toEqual({ ok: false, error: { key: 'billingDaysRange', subs: ['90'] } });
    for (const bad of ['', '7.5', '-3', 'a week', '1e2']) expect(linkDuration(bad)).toEqual({ ok: false, error: { key: 'billingDaysWhole', subs: ['90'] } });
  });
});

describe('the link a resend looks for', () => {
  const since = Date.parse('2027-01-05T10:00:00Z');
  const want: WantedLink = { subject: { id: 9002, type: 'Bill' }, amount: 370.5, currency: 'USD', description: 'Bill 1002 · 00051-Okafor' };
  const link = (over: Partial<ListedLink> = {}): ListedLink => ({
    id: 1,
    amount: 370.5,
    currency: 'USD',
    description: 'Bill 1002 · 00051-Okafor',
    created_at: '2027-01-05T10:00:03Z',
    bill: { id: 9002 },
    bank_account: null,
    contact: null,
    ...over,
  });

  it('matches the same subject, amount, currency and description made within the window', () => {
    expect(sameLink(link(), want, since)).toBe(true);
    expect(sameLink(link({ amount: 370.499999 }), want, since)).toBe(true); // the same cents
  });

  it('does not match another subject, amount, currency, description, or a link made before the entry', () => {
    expect(sameLink(link({ bill: { id: 9003 } }), want, since)).toBe(false);
    expect(sameLink(link({ bill: null, bank_account: { id: 9002 } }), want, since)).toBe(false);
    expect(sameLink(link({ amount: 370 }), want, since)).toBe(false);
    expect(sameLink(link({ amount: null }), want, since)).toBe(false);
    expect(sameLink(link({ currency: 'CAD' }), want, since)).toBe(false);
    expect(sameLink(link({ description: 'Bill 1002' }), want, since)).toBe(false);
    expect(sameLink(link({ created_at: '2027-01-05T09:59:59Z' }), want, since)).toBe(false);
    expect(sameLink(link({ bill: null }), want, since)).toBe(false);
  });

  it('a direct payment (any amount) matches only another of the same account with no amount', () => {
    const direct: WantedLink = { subject: { id: 7001, type: 'BankAccount' }, amount: null, currency: 'USD', description: 'Payment on 00051-Okafor' };
    const made = link({ bill: null, bank_account: { id: 7001 }, amount: null, description: 'Payment on 00051-Okafor' });
    expect(sameLink(made, direct, since)).toBe(true);
    expect(sameLink({ ...made, amount: 100 }, direct, since)).toBe(false);
  });

  it('takes the earliest match that no other entry claimed; none left is null (then sending is safe)', () => {
    const a = link({ id: 1, created_at: '2027-01-05T10:00:05Z' });
    const b = link({ id: 2, created_at: '2027-01-05T10:00:02Z' });
    expect(findSameLink([a, b], want, since, new Set())?.id).toBe(2);
    expect(findSameLink([a, b], want, since, new Set([2]))?.id).toBe(1);
    expect(findSameLink([a, b], want, since, new Set([1, 2]))).toBeNull();
    expect(findSameLink([], want, since, new Set())).toBeNull();
  });
});
