import { describe, expect, it } from 'vitest';
import { ratesOf, selectRate } from '@/lib/activity-descriptions/rate-selection';

describe('rate selection', () => {
  it('an hourly rate: the user’s own, or a custom one from the activity, matter or client', () => {
    expect(selectRate({ amount: 350, type: 'User', hierarchy: 'Default' })).toEqual({ amount: 350, flat: false });
    expect(selectRate({ amount: 405, type: 'Custom', hierarchy: 'Matter' })).toEqual({ amount: 405, flat: false });
    expect(selectRate({ amount: 450, type: 'Custom', hierarchy: 'Client' })).toEqual({ amount: 450, flat: false });
  });

  it('a flat rate is the whole entry’s price', () => {
    expect(selectRate({ amount: 75, type: 'FlatRate', hierarchy: 'Activity' })).toEqual({ amount: 75, flat: true });
  });

  it('a zero rate is a rate (pro bono, administrative work)', () => {
    expect(selectRate({ amount: 0, type: 'Custom' })).toEqual({ amount: 0, flat: false });
  });

  it('nothing when Clio hid the rate, left it out, or sent something unreadable', () => {
    expect(selectRate(null)).toBeNull();
    expect(selectRate(undefined)).toBeNull();
    expect(selectRate({})).toBeNull();
    expect(selectRate({ amount: null, type: 'User' })).toBeNull();
    expect(selectRate({ amount: 100 })).toBeNull();
    expect(selectRate({ amount: -5, type: 'User' })).toBeNull();
    expect(selectRate({ amount: Number.NaN, type: 'User' })).toBeNull();
  });

  it('a kind of rate Clio adds later is not guessed at', () => {
    expect(selectRate({ amount: 100, type: 'ContingencyFee' })).toBeNull();
  });

  it('rates by description id, leaving out those without one', () => {
    expect(
      ratesOf([{ id: 501, rate: { amount: 425, type: 'User' } }, { id: 512, rate: { amount: 75, type: 'FlatRate' } }, { id: 513, rate: null }, { id: 514 }]),
    ).toEqual({ 501: { amount: 425, flat: false }, 512: { amount: 75, flat: true } });
  });
});
