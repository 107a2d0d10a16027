import { defineConfig } from '@playwright/test';
import { E2E_WORKERS, slotPort } from './tests/e2e/ports';

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests reset their sandbox between them: a worker runs one test at a time, against its own sandbox and build
  // (tests/e2e/ports.ts: `npm run test:e2e` runs E2E_WORKERS=2; one worker unless told).
  workers: E2E_WORKERS,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  webServer: Array.from({ length: E2E_WORKERS }, (_, slot) => ({
    command: `npx tsx sandbox/main.ts --port ${slotPort(slot)}`,
    url: `http://127.0.0.1:${slotPort(slot)}/__admin/state`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore' as const,
  })),
});
