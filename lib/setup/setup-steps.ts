/**
 * The first-run setup's steps (pure): which a build asks, in order, and where a sign-in failure is told.
 * A build for one server (WXT_CLIO_SERVER) has no region to choose; a build with the app built in
 * (WXT_CLIO_CLIENT_ID and its secret) has no app to enter.
 */
import type { SignInFailure } from '../errors';

export type SetupStep = 'region' | 'app' | 'sign-in' | 'grow' | 'tour';

export interface SetupBuild {
  /** The build points at one server (WXT_CLIO_SERVER). */
  server: boolean;
  /** The build carries the Manage app's key and secret. */
  builtInApp: boolean;
}

export function setupSteps(build: SetupBuild): SetupStep[] {
  return [...(build.server ? [] : ['region' as const]), ...(build.builtInApp ? [] : ['app' as const]), 'sign-in', 'grow', 'tour'];
}

/** The step after `step` (the last one stays). */
export const nextStep = (steps: SetupStep[], step: SetupStep): SetupStep => steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)]!;

/** The step before `step`, or null on the first. */
export const previousStep = (steps: SetupStep[], step: SetupStep): SetupStep | null => steps[steps.indexOf(step) - 1] ?? null;

/** The app step may go on once a key is typed and a secret is typed or saved before. */
export const appEntered = (a: { key: string; secretTyped: string; secretSaved: boolean }): boolean =>
  a.key.trim() !== '' && (a.secretTyped.trim() !== '' || a.secretSaved);

/**
 * Where a failed sign-in is told: Clio refusing the app's key or secret (`invalid_client`) at the app step when the
 * person entered them here, everything else at the sign-in step.
 */
export function stepOfFailure(steps: SetupStep[], failure: SignInFailure | undefined): SetupStep {
  return failure === 'invalid_client' && steps.includes('app') ? 'app' : 'sign-in';
}
