import { describe, expect, it } from 'vitest';
import { appEntered, nextStep, previousStep, setupSteps, stepOfFailure } from '@/lib/setup/setup-steps';

describe('setupSteps', () => {
  it('asks the region only of a build for Clio, and the app only of a build without one', () => {
    expect(setupSteps({ server: false, builtInApp: false })).toEqual(['region', 'app', 'sign-in', 'grow', 'tour']);
    expect(setupSteps({ server: true, builtInApp: false })).toEqual(['app', 'sign-in', 'grow', 'tour']);
    expect(setupSteps({ server: false, builtInApp: true })).toEqual(['region', 'sign-in', 'grow', 'tour']);
    expect(setupSteps({ server: true, builtInApp: true })).toEqual(['sign-in', 'grow', 'tour']);
  });

  it('goes forward and back, stopping at both ends', () => {
    const steps = setupSteps({ server: false, builtInApp: false });
    expect(nextStep(steps, 'region')).toBe('app');
    expect(nextStep(steps, 'tour')).toBe('tour');
    expect(previousStep(steps, 'sign-in')).toBe('app');
    expect(previousStep(steps, 'region')).toBeNull();
  });
});

describe('appEntered', () => {
  it('wants a key, and a secret typed now or saved before', () => {
    expect(appEntered({ key: ' ', secretTyped: 's', secretSaved: false })).toBe(false);
    expect(appEntered({ key: 'k', secretTyped: ' ', secretSaved: false })).toBe(false);
    expect(appEntered({ key: 'k', secretTyped: 's', secretSaved: false })).toBe(true);
    expect(appEntered({ key: 'k', secretTyped: '', secretSaved: true })).toBe(true);
  });
});

describe('stepOfFailure', () => {
  it('tells invalid_client at the app step when the app was entered here, the rest at sign-in', () => {
    const withApp = setupSteps({ server: true, builtInApp: false });
    const builtIn = setupSteps({ server: true, builtInApp: true });
    expect(stepOfFailure(withApp, 'invalid_client')).toBe('app');
    expect(stepOfFailure(builtIn, 'invalid_client')).toBe('sign-in');
    expect(stepOfFailure(withApp, 'window_closed')).toBe('sign-in');
    expect(stepOfFailure(withApp, 'access_denied')).toBe('sign-in');
    expect(stepOfFailure(withApp, undefined)).toBe('sign-in');
  });
});
