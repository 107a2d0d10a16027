import { defineConfig } from '@playwright/test';
import { E2E_WORKERS, slotPort } from './tests/e2e/ports';

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests reset their sandbox between them: a worker runs one test at a time, against its own sandbox and build
  // (tests/e2e/ports.ts). One worker unless E2E_WORKERS says more: on 2 cores two workers took as long as one
  // (89 tests in 14.1 min; Chromium is CPU-bound) and made timing-sensitive tests flakier.
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
