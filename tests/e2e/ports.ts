/**
 * The sandbox the e2e build points at (not the demo's 4010, so both can run at once). E2E_SANDBOX_PORT and
 * E2E_OUTPUT let two runs share a machine (each builds its own extension against its own sandbox).
 */
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4011);
export const E2E_SANDBOX = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
export const E2E_OUTPUT = process.env.E2E_OUTPUT ?? '.output/e2e';
export const E2E_EXTENSION_DIR = `${E2E_OUTPUT}/chrome-mv3`;
