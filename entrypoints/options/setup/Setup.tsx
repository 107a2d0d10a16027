/**
 * The first-run setup (options.html#setup, opened on install): one step at a time, with the step indicator and Back.
 * Region (a build for Clio), the firm's Clio app (a build without one), "Sign in with Clio", Clio Grow (or Skip), then
 * a one-screen tour; Done shows the options page. Each step is the options page's own section; this file only orders
 * them (lib/setup/setup-steps.ts) and says, at the step it belongs to, why a sign-in failed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { buildServer } from '@/components/clio-hosts';
import { SignInButton } from '@/components/SignInButton';
import { StatusMessage, type Status } from '@/components/StatusMessage';
import { useFollowed } from '@/components/use-followed';
import { accountItem } from '@/lib/auth/account-item';
import { hasBuiltInApp } from '@/lib/auth/app-config';
import { toAppError, type AppError } from '@/lib/errors';
import { growConnectionItem } from '@/lib/grow/grow-connection-item';
import { t, type MessageKey } from '@/lib/i18n';
import { send } from '@/lib/messaging/send';
import { nextStep, previousStep, setupSteps, stepOfFailure, type SetupStep } from '@/lib/setup/setup-steps';
import { settingsItem } from '@/lib/settings/settings-item';
import { AppCredentials } from '../AppCredentials';
import { GrowSection } from '../GrowSection';
import { RedirectUri } from '../RedirectUri';
import { RegionPicker } from '../RegionPicker';
import { SetupTour } from './SetupTour';
import './setup.css';

const STEP_NAMES: Record<SetupStep, MessageKey> = {
  region: 'setupStepRegion',
  app: 'setupStepApp',
  'sign-in': 'setupStepSignIn',
  grow: 'setupStepGrow',
  tour: 'setupStepTour',
};

const STEPS = setupSteps({ server: !!buildServer, builtInApp: hasBuiltInApp() });

export function Setup({ onDone }: { onDone: () => void }) {
  const stored = useFollowed({ account: accountItem, settings: settingsItem, grow: growConnectionItem });
  const [step, setStep] = useState<SetupStep>(STEPS[0]!);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [redirectUri, setRedirectUri] = useState('');
  useEffect(() => {
    void send('auth/redirect-uri').then(setRedirectUri, () => setRedirectUri(''));
  }, []);
  // Each new step takes the focus to its heading, so a screen reader reads where the person is.
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);

  if (!stored) return null;
  const { account, settings, grow } = stored;
  const go = (to: SetupStep) => {
    setStatus(null);
    setStep(to);
  };
  const next = () => {
    setFailure(null);
    go(nextStep(STEPS, step));
  };
  const back = previousStep(STEPS, step);
  const signInFailed = (thrown: unknown) => {
    const e = thrown === null ? null : toAppError(thrown);
    setFailure(e);
    // At the sign-in step its status line keeps SignInButton's words; another step shows them in its alert.
    const at = e ? stepOfFailure(STEPS, e.signIn) : step;
    if (at !== step) go(at);
  };
  const index = STEPS.indexOf(step);

  return (
    <main class="setup">
      <h1>{t('setupHeading')}</h1>
      <ol class="setup-steps" aria-label={t('setupStepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} class={i < index ? 'done' : undefined}>
            {t(STEP_NAMES[s])}
          </li>
        ))}
      </ol>
      <section class="group" aria-labelledby="setup-step-h">
        <h2 id="setup-step-h" tabIndex={-1} ref={heading}>
          <span class="setup-count">{t('setupStepOf', String(index + 1), String(STEPS.length))}</span> {t(STEP_NAMES[step])}
        </h2>
        {step === 'region' ? (
          <>
            <p>{t('setupRegionIntro')}</p>
            <RegionPicker settings={settings} locked={account.signedIn} />
          </>
        ) : null}
        {step === 'app' ? (
          <>
            {failure?.signIn === 'invalid_client' ? (
              <div class="setup-problem" role="alert">
                <p>{failure.message}</p>
                <p>{t('setupBadAppHint')}</p>
              </div>
            ) : null}
            <AppCredentials settings={settings} redirectUri={redirectUri} required onSaved={next} />
          </>
        ) : null}
        {step === 'sign-in' ? (
          <>
            {account.signedIn ? (
              <p>{t('signedInAs', account.user?.name ?? t('yourClioUser'))}</p>
            ) : (
              <>
                <p>{t('setupSignInIntro')}</p>
                <p class="row">
                  <SignInButton onStatus={(s) => (s?.tone === 'success' ? next() : setStatus(s))} onFailure={signInFailed} />
                </p>
              </>
            )}
            {/* What went wrong (SignInButton's words), then what to check. */}
            <StatusMessage status={status} />
            {failure && !account.signedIn ? <SignInHint failure={failure} redirectUri={redirectUri} /> : null}
          </>
        ) : null}
        {step === 'grow' ? (
          <>
            <p>{t('setupGrowIntro')}</p>
            <GrowSection connection={grow} settings={settings} />
          </>
        ) : null}
        {step === 'tour' ? <SetupTour /> : null}
        <p class="row setup-nav">
          {back ? (
            <button type="button" onClick={() => go(back)}>
              {t('setupBack')}
            </button>
          ) : null}
          <SetupForward step={step} signedIn={account.signedIn} growConnected={grow.via === 'oauth'} onNext={next} onDone={onDone} />
        </p>
      </section>
    </main>
  );
}

/** The step's way on: Next (the app step's own "Save and continue" goes on instead), Skip for Grow unconnected, Done. */
function SetupForward(p: { step: SetupStep; signedIn: boolean; growConnected: boolean; onNext: () => void; onDone: () => void }) {
  if (p.step === 'app') return null;
  if (p.step === 'tour')
    return (
      <button type="button" class="primary" onClick={p.onDone}>
        {t('setupDone')}
      </button>
    );
  if (p.step === 'grow')
    return (
      <button type="button" class={p.growConnected ? 'primary' : undefined} onClick={p.onNext}>
        {p.growConnected ? t('setupNext') : t('setupSkip')}
      </button>
    );
  // Sign-in goes on once signed in: the rest needs a Clio session.
  if (p.step === 'sign-in' && !p.signedIn) return null;
  return (
    <button type="button" class="primary" onClick={p.onNext}>
      {t('setupNext')}
    </button>
  );
}

/** What to check after a failed sign-in, in Clio's terms (its words are in the status line above). */
function SignInHint({ failure, redirectUri }: { failure: AppError; redirectUri: string }) {
  if (failure.signIn === 'window_closed')
    return (
      <div class="setup-problem" role="alert">
        <p>{t('setupWindowClosedHint')}</p>
        <RedirectUri uri={redirectUri} id="setup-redirect-uri" />
      </div>
    );
  if (failure.signIn === 'access_denied' || failure.signIn === 'invalid_client')
    return (
      <div class="setup-problem" role="alert">
        <p>{failure.signIn === 'access_denied' ? t('setupDeclinedHint') : t('setupBuiltInAppRefused')}</p>
      </div>
    );
  return null;
}
