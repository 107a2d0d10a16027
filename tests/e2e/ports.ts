/** The sandbox the e2e build points at (not the demo's 4010, so both can run at once). */
export const E2E_SANDBOX_PORT = 4011;
export const E2E_SANDBOX = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
export const E2E_EXTENSION_DIR = '.output/e2e/chrome-mv3';
