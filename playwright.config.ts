import { defineConfig } from '@playwright/test';
import { E2E_SANDBOX_PORT } from './tests/e2e/ports';

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests share one sandbox and reset it between them: one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  webServer: {
    command: `npx tsx sandbox/main.ts --port ${E2E_SANDBOX_PORT}`,
    url: `http://127.0.0.1:${E2E_SANDBOX_PORT}/__admin/state`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
  },
});
