/**
 * Builds the extension once for each e2e worker's slot (tests/e2e/ports.ts): each build points at its slot's sandbox.
 * `E2E_WORKERS=2 npx tsx scripts/build-e2e.ts`
 */
import { E2E_WORKERS, slotOutput, slotPort } from '../tests/e2e/ports';
import { buildForSandbox } from './build-for-sandbox';

for (let slot = 0; slot < E2E_WORKERS; slot++) buildForSandbox(slotPort(slot), slotOutput(slot));
