/**
 * Builds the extension for each e2e worker's slot (tests/e2e/ports.ts): each build points at its slot's sandbox.
 * Twice: with the sandbox's apps built in (every spec), and without (the first-run setup's app step).
 * `E2E_WORKERS=2 npx tsx scripts/build-e2e.ts`
 */
import { E2E_WORKERS, noAppOutput, slotOutput, slotPort } from '../tests/e2e/ports';
import { buildForSandbox } from './build-for-sandbox';

for (let slot = 0; slot < E2E_WORKERS; slot++) {
  buildForSandbox(slotPort(slot), slotOutput(slot));
  buildForSandbox(slotPort(slot), noAppOutput(slotOutput(slot)), 'chrome', false, false);
}
