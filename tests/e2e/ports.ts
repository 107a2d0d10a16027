/**
 * The sandbox the e2e build points at (not the demo's 4010, so both can run at once). E2E_SANDBOX_PORT and
 * E2E_OUTPUT let two runs share a machine (each builds its own extension against its own sandbox).
 *
 * With E2E_WORKERS > 1 (`npm run test:e2e`), each Playwright worker has a slot (TEST_PARALLEL_INDEX): its own
 * sandbox, on the base port + 1000 × slot, and its own build pointed at it, in the base output + `-slot`
 * (slot 0 is the base itself). Tests reset their sandbox, so the slots never share state.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));
const BASE_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4011);
const BASE_OUTPUT = process.env.E2E_OUTPUT ?? '.output/e2e';

export const slotPort = (slot: number): number => BASE_PORT + 1000 * slot;
export const slotOutput = (slot: number): string => (slot === 0 ? BASE_OUTPUT : `${BASE_OUTPUT}-${slot}`);
/** Where a slot's build without the apps goes (`build-for-sandbox.ts --no-app`; first-run.spec.ts). */
export const noAppOutput = (output: string): string => `${output}-noapp`;

/** This process's slot: Playwright sets TEST_PARALLEL_INDEX in each worker; the runner itself is slot 0. */
const SLOT = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

export const E2E_SANDBOX_PORT = slotPort(SLOT);
export const E2E_SANDBOX = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
export const E2E_OUTPUT = slotOutput(SLOT);
export const E2E_EXTENSION_DIR = `${E2E_OUTPUT}/chrome-mv3`;
export const E2E_NO_APP_EXTENSION_DIR = `${noAppOutput(E2E_OUTPUT)}/chrome-mv3`;
