/**
 * The sandbox the Firefox e2e build points at: its own port (not the demo's 4010 nor the Chromium suite's
 * 4011), so the suites can run at once. `npm run build:test:firefox` reads the same variables (E2E_FIREFOX_PORT,
 * and E2E_FIREFOX_OUTPUT for where the build goes), so two runs can share a machine.
 */
export const FIREFOX_SANDBOX_PORT = Number(process.env.E2E_FIREFOX_PORT ?? 4012);
export const FIREFOX_SANDBOX = `http://127.0.0.1:${FIREFOX_SANDBOX_PORT}`;
export const FIREFOX_EXTENSION_DIR = `${process.env.E2E_FIREFOX_OUTPUT ?? '.output/e2e-firefox'}/firefox-mv3`;
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
